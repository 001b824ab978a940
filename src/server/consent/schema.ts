import { z } from 'zod';
import { choices, dateInput, optionalText, optionalUuid, uuid, version } from '../http/fields';

export const consentPurposes = [
  'coordination_meeting',
  'partner_liaison',
  'employment_support',
  'household_budget',
  'housing',
  'statistics',
  'other',
] as const;

export const consentBody = z
  .object({
    /** The case's version: recording the application moves the case on. */
    version,
    givenOn: dateInput,
    signedBy: z.enum(['person', 'proxy']),
    proxyName: optionalText(100),
    proxyRelation: optionalText(100),
    explanationGiven: z.boolean(),
    allAgencies: z.boolean().default(false),
    partnerAgencyIds: z.array(uuid).max(50).default([]),
    purposes: choices(consentPurposes),
    purposeOther: optionalText(300),
    scanAttachmentId: optionalUuid,
  })
  .superRefine((v, ctx) => {
    if (!v.explanationGiven) {
      ctx.addIssue({ code: 'custom', path: ['explanationGiven'], message: 'explanationRequired' });
    }
    if (v.signedBy === 'proxy' && !v.proxyName) {
      ctx.addIssue({ code: 'custom', path: ['proxyName'], message: 'required' });
    }
    if (!v.allAgencies && v.partnerAgencyIds.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['partnerAgencyIds'], message: 'consentScopeRequired' });
    }
  });

export const withdrawBody = z.object({
  version,
  withdrawnOn: dateInput,
  reason: optionalText(1000),
});

export type ConsentInput = z.output<typeof consentBody>;
