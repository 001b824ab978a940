import { z } from 'zod';
import {
  escalationTargets,
  outreachChannels,
  outreachOutcomes,
} from '../../domain/participation/outreach';
import { formatDateTimeJapan } from '../../domain/text/wareki';
import {
  dateTimeInput,
  optionalDate,
  optionalText,
  optionalUuid,
  requiredText,
  version,
} from '../http/fields';

/** One attempt to reach the person: quick to enter; the channel, the answer and what happened. */
export const attemptFields = z
  .object({
    occurredAt: dateTimeInput,
    channel: z.enum(outreachChannels),
    outcome: z.enum(outreachOutcomes),
    /** Through whom, when it went through the family or a key person (e.g. 母, 民生委員). */
    via: optionalText(100),
    summary: requiredText(8000),
    place: optionalText(200),
    personState: optionalText(4000),
    /** What to try next. */
    nextStep: optionalText(2000),
    nextApproachOn: optionalDate,
  })
  .superRefine((v, ctx) => {
    if ((v.channel === 'through_family' || v.channel === 'through_key_person') && !v.via) {
      ctx.addIssue({ code: 'custom', path: ['via'], message: 'required' });
    }
    if (v.nextApproachOn && v.nextApproachOn < formatDateTimeJapan(v.occurredAt).slice(0, 10)) {
      ctx.addIssue({
        code: 'custom',
        path: ['nextApproachOn'],
        message: 'nextApproachBeforeAttempt',
      });
    }
  });

export const attemptUpdateBody = z.object({ version, attempt: attemptFields });

/** An emergency seen while reaching out, and where it was passed on. */
export const escalationFields = z
  .object({
    observedAt: dateTimeInput,
    observed: requiredText(4000),
    escalatedTo: z.enum(escalationTargets),
    partnerAgencyId: optionalUuid,
    escalatedToName: optionalText(200),
    escalatedAt: dateTimeInput,
    response: optionalText(4000),
    /** The attempt during which it was seen. */
    attemptId: optionalUuid,
  })
  .superRefine((v, ctx) => {
    if (v.escalatedAt < v.observedAt) {
      ctx.addIssue({ code: 'custom', path: ['escalatedAt'], message: 'escalatedBeforeObserved' });
    }
    if (v.escalatedTo === 'other' && !v.partnerAgencyId && !v.escalatedToName) {
      ctx.addIssue({
        code: 'custom',
        path: ['escalatedToName'],
        message: 'escalationDestinationRequired',
      });
    }
  });

export const escalationUpdateBody = z.object({ version, escalation: escalationFields });

export type AttemptInput = z.output<typeof attemptFields>;
export type EscalationInput = z.output<typeof escalationFields>;
