import { z } from 'zod';
import { partnerActivityKinds, referralStatuses } from '../../domain/referrals/referral-status';
import {
  dateInput,
  optionalDate,
  optionalText,
  optionalUuid,
  queryFlag,
  requiredText,
  uuid,
  version,
} from '../http/fields';

/**
 * A referral from a case (つなぎ): to an agency chosen from the directory, or to an outside
 * destination by name. Only an agency on the system receives a hand-over, documents and a date
 * to answer by; whether the person's consent covers it is checked against the records
 * (insert-referral.ts).
 */
export const referralFields = z
  .object({
    partnerAgencyId: optionalUuid,
    destinationName: optionalText(200),
    reason: requiredText(2000),
    handOverSummary: optionalText(4000),
    attachmentIds: z
      .array(uuid)
      .max(20)
      .default([])
      .transform((ids) => [...new Set(ids)]),
    accompanied: z.boolean().default(false),
    toPublicAssistance: z.boolean().default(false),
    referredOn: optionalDate,
    dueOn: optionalDate,
    followUpOn: dateInput,
  })
  .superRefine((v, ctx) => {
    if (!v.partnerAgencyId && !v.destinationName) {
      ctx.addIssue({
        code: 'custom',
        path: ['partnerAgencyId'],
        message: 'referralDestinationRequired',
      });
    }
    if (!v.partnerAgencyId) {
      if (v.handOverSummary)
        ctx.addIssue({ code: 'custom', path: ['handOverSummary'], message: 'handOverNeedsAgency' });
      if (v.attachmentIds.length > 0)
        ctx.addIssue({ code: 'custom', path: ['attachmentIds'], message: 'handOverNeedsAgency' });
      if (v.dueOn)
        ctx.addIssue({ code: 'custom', path: ['dueOn'], message: 'handOverNeedsAgency' });
    }
    if (v.referredOn && v.dueOn && v.dueOn < v.referredOn)
      ctx.addIssue({ code: 'custom', path: ['dueOn'], message: 'notBeforeReferral' });
    if (v.referredOn && v.followUpOn < v.referredOn)
      ctx.addIssue({ code: 'custom', path: ['followUpOn'], message: 'notBeforeReferral' });
  });

export type ReferralInput = z.output<typeof referralFields>;

/** The sender's follow-up: the person arrived, did not, or the referral is cancelled. */
export const referralConfirmBody = z.object({
  version,
  status: z.enum(['arrived', 'not_arrived', 'cancelled']),
  confirmedOn: optionalDate,
  note: optionalText(2000),
});

export type ReferralConfirmInput = z.output<typeof referralConfirmBody>;

/** The receiver's answer; declining and returning need the reason. */
export const referralResponseBody = z
  .object({
    version,
    response: z.enum(['accept', 'decline', 'return']),
    reason: optionalText(2000),
  })
  .superRefine((v, ctx) => {
    if (v.response !== 'accept' && !v.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'responseReasonRequired' });
  });

export type ReferralResponseInput = z.output<typeof referralResponseBody>;

/** The sender has read a decline or return and taken it from there. */
export const referralNoteBody = z.object({ version });

export const activityFields = z.object({
  occurredOn: dateInput,
  kind: z.enum(partnerActivityKinds),
  summary: requiredText(4000),
});

export type ActivityInput = z.output<typeof activityFields>;

export const activityUpdateBody = z.object({ version, activity: activityFields });

export const referralListQuery = z.object({
  status: z.enum(referralStatuses).optional(),
  /** Only those needing the sender's attention (declined, returned, overdue). */
  attention: queryFlag,
  /** Only the cases the actor leads or the referrals they sent (the home page). */
  mine: queryFlag,
});

export type ReferralListQuery = z.output<typeof referralListQuery>;
