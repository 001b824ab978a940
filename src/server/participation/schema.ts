import { z } from 'zod';
import {
  followUpParties,
  matchActions,
  matchEndReasons,
  participationKinds,
  weekdays,
} from '../../domain/participation/participation';
import {
  choices,
  dateInput,
  optionalChoice,
  optionalDate,
  optionalText,
  requiredText,
  uuid,
  version,
} from '../http/fields';

/** What is agreed with the host: the days and hours, what the person does, what is adjusted. */
const arrangementFields = {
  days: choices(weekdays, 7),
  hours: optionalText(100),
  activities: optionalText(2000),
  accommodations: optionalText(2000),
  hostContactName: optionalText(100),
  note: optionalText(2000),
};

/** A place proposed to the person. */
export const matchFields = z.object({
  socialResourceId: uuid,
  kind: z.enum(participationKinds),
  proposedOn: dateInput,
  ...arrangementFields,
});

export const matchUpdateBody = z.object({ version, match: z.object(arrangementFields) });

/** A step of the match: a trial, taking part, the end (with its reason). */
export const matchStepBody = z
  .object({
    version,
    action: z.enum(matchActions),
    on: dateInput,
    endReason: optionalChoice(matchEndReasons),
    endNote: optionalText(2000),
    /** The place is full and the host agreed to take one more. */
    overCapacityAgreed: z.boolean().default(false),
  })
  .superRefine((v, ctx) => {
    if (v.action === 'end' && !v.endReason) {
      ctx.addIssue({ code: 'custom', path: ['endReason'], message: 'choose' });
    }
  });

export const followUpFields = z
  .object({
    followedOn: dateInput,
    withWhom: z.enum(followUpParties),
    note: requiredText(4000),
    nextOn: optionalDate,
  })
  .superRefine((v, ctx) => {
    if (v.nextOn && v.nextOn < v.followedOn) {
      ctx.addIssue({ code: 'custom', path: ['nextOn'], message: 'nextApproachBeforeAttempt' });
    }
  });

export const followUpUpdateBody = z.object({ version, followUp: followUpFields });

export type MatchInput = z.output<typeof matchFields>;
export type ArrangementInput = z.output<typeof matchUpdateBody>['match'];
export type MatchStepInput = z.output<typeof matchStepBody>;
export type FollowUpInput = z.output<typeof followUpFields>;
