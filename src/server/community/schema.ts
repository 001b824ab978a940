import { z } from 'zod';
import { activityKinds, issueDestinations } from '../../domain/participation/community';
import {
  dateInput,
  optionalDate,
  optionalText,
  optionalUuid,
  requiredText,
  uuid,
  version,
  wholeNumber,
} from '../http/fields';
import { personBody } from '../persons/schema';

export const activityFields = z
  .object({
    baseId: uuid,
    name: requiredText(200),
    kind: z.enum(activityKinds),
    /** A regular activity: when it is held (毎週火曜 10時〜12時). */
    schedule: optionalText(300),
    /** A one-off: the day it was held. */
    heldOn: optionalDate,
    /** The base's coordinator when left empty. */
    coordinatorName: optionalText(100),
    participantsCount: z
      .preprocess(
        (v) => (v === '' || v === undefined ? null : v),
        wholeNumber(0, 100_000).nullable(),
      )
      .default(null),
    note: optionalText(2000),
  })
  .superRefine((v, ctx) => {
    if (!v.schedule && !v.heldOn) {
      ctx.addIssue({ code: 'custom', path: ['schedule'], message: 'scheduleOrDate' });
    }
  });

export const activityUpdateBody = z.object({ version, activity: activityFields });

/** What was noticed: in few words, without more about the person than the next step needs. */
export const issueFields = z.object({
  baseId: uuid,
  activityId: optionalUuid,
  noticedOn: dateInput,
  description: requiredText(2000),
});

export const issueUpdateBody = z.object({ version, issue: issueFields });

/**
 * Passing an issue on: to a specialist partner agency with a note, or to the support agency as a
 * lead — then the person's name (and what else is known) opens a detected case.
 */
export const passIssueBody = z
  .object({
    version,
    to: z.enum(issueDestinations),
    passedOn: dateInput,
    note: optionalText(2000),
    partnerAgencyId: optionalUuid,
    person: personBody.optional(),
    approachPlan: optionalText(4000),
  })
  .superRefine((v, ctx) => {
    if (v.to === 'partner_agency' && !v.partnerAgencyId) {
      ctx.addIssue({ code: 'custom', path: ['partnerAgencyId'], message: 'choose' });
    }
    if (v.to === 'support_agency' && !v.person) {
      ctx.addIssue({ code: 'custom', path: ['person', 'name'], message: 'required' });
    }
  });

export const closeIssueBody = z.object({
  version,
  closedOn: dateInput,
  note: optionalText(2000),
});

export type ActivityInput = z.output<typeof activityFields>;
export type IssueInput = z.output<typeof issueFields>;
export type PassIssueInput = z.output<typeof passIssueBody>;
export type CloseIssueInput = z.output<typeof closeIssueBody>;
