import { z } from 'zod';
import { statusOnlyActions } from '../../domain/cases/case-status';
import {
  consultationTopics,
  contactModes,
  detectionSources,
  emergencyKinds,
  emergencyOutcomes,
  healthInsurances,
  housingStatuses,
  pensionStatuses,
  routesIn,
  terminationReasons,
  urgencies,
  workStatuses,
} from '../../domain/cases/vocabulary';
import {
  dateInput,
  dateTimeInput,
  optionalChoice,
  optionalDate,
  optionalText,
  optionalUuid,
  phone,
  requiredText,
  uuid,
  version,
} from '../http/fields';
import { personBody } from '../persons/schema';

export const detectionFields = z.object({
  detectedOn: dateInput,
  source: z.enum(detectionSources),
  sourceDetail: optionalText(300),
  signs: optionalText(4000),
  approachPlan: optionalText(4000),
});

export const openDetectionBody = z.object({
  person: personBody,
  detection: detectionFields,
});

export const detectionUpdateBody = detectionFields.extend({ version });

export const intakeFields = z
  .object({
    receivedOn: dateInput,
    routeIn: z.enum(routesIn),
    routeDetail: optionalText(300),
    topics: z
      .array(z.enum(consultationTopics))
      .min(1)
      .transform((list) => [...new Set(list)]),
    mainTopic: z.enum(consultationTopics),
    topicOther: optionalText(200),
    consultationText: optionalText(4000),
    wishes: optionalText(4000),
    visitorName: optionalText(100),
    visitorPhone: phone,
    visitorRelation: optionalText(100),
    workStatus: optionalChoice(workStatuses),
    housingStatus: optionalChoice(housingStatuses),
    healthInsurance: optionalChoice(healthInsurances),
    pensionStatus: optionalChoice(pensionStatuses),
    urgency: z.enum(urgencies).default('normal'),
  })
  .superRefine((v, ctx) => {
    if (!v.topics.includes(v.mainTopic)) {
      ctx.addIssue({ code: 'custom', path: ['mainTopic'], message: 'mainTopicNotChosen' });
    }
    if (v.visitorName && !v.visitorRelation) {
      ctx.addIssue({ code: 'custom', path: ['visitorRelation'], message: 'required' });
    }
  });

/** A new consultation: the person (new, or one found by the duplicate check) and the intake. */
export const openIntakeBody = z
  .object({
    personId: optionalUuid,
    person: personBody.optional(),
    intake: intakeFields,
  })
  .refine((v) => v.personId || v.person, { path: ['person', 'name'], message: 'required' });

/** A lead becomes an intake. */
export const recordIntakeBody = z.object({ version, intake: intakeFields });

export const intakeUpdateBody = z.object({ version, intake: intakeFields });

export const triageBody = z
  .object({
    version,
    outcome: z.enum(['continue', 'refer_out', 'info_only']),
    note: optionalText(2000),
    referral: z
      .object({
        partnerAgencyId: optionalUuid,
        destinationName: optionalText(200),
        reason: optionalText(2000),
        accompanied: z.boolean().default(false),
        toPublicAssistance: z.boolean().default(false),
        followUpOn: optionalDate,
      })
      .optional(),
  })
  .superRefine((v, ctx) => {
    if (v.outcome !== 'refer_out') return;
    if (!v.referral?.partnerAgencyId && !v.referral?.destinationName) {
      ctx.addIssue({
        code: 'custom',
        path: ['referral', 'partnerAgencyId'],
        message: 'referralDestinationRequired',
      });
    }
    if (!v.referral?.followUpOn) {
      ctx.addIssue({ code: 'custom', path: ['referral', 'followUpOn'], message: 'required' });
    }
  });

export const simpleActions = statusOnlyActions;

export const transitionBody = z.object({
  version,
  action: z.enum(simpleActions),
  reason: optionalText(1000),
});

export const emergencyFields = z
  .object({
    kind: z.enum(emergencyKinds),
    kindOther: optionalText(200),
    requestedOn: dateInput,
    startedOn: optionalDate,
    endedOn: optionalDate,
    outcome: z.enum(emergencyOutcomes).default('in_progress'),
    detail: optionalText(2000),
  })
  .refine((v) => !v.startedOn || !v.endedOn || v.endedOn >= v.startedOn, {
    path: ['endedOn'],
    message: 'endBeforeStart',
  });

export const emergencyUpdateBody = z.object({ version, emergency: emergencyFields });

export const contactFields = z.object({
  occurredAt: dateTimeInput,
  mode: z.enum(contactModes),
  summary: requiredText(8000),
  place: optionalText(200),
  participants: optionalText(500),
  reached: z.boolean().default(true),
  personState: optionalText(4000),
  judgement: optionalText(4000),
  nextStep: optionalText(2000),
  planServiceId: optionalUuid,
  /**
   * The content came from the tax records (課税・滞納情報); never shared at a 支援会議. Not given:
   * false for a new record, unchanged on an edit (a form that does not show it keeps the mark).
   */
  taxInformation: z.boolean().optional(),
});

export const contactUpdateBody = z.object({ version, contact: contactFields });

export const closureBody = z
  .object({
    version,
    kind: z.enum(['termination', 'interruption']),
    decidedOn: dateInput,
    reason: optionalChoice(terminationReasons),
    reasonDetail: optionalText(2000),
    meetingNote: optionalText(2000),
    followUp: z.boolean().default(false),
    followUpBy: optionalUuid,
    followUpMethod: optionalText(500),
    followUpUntil: optionalDate,
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'termination' && !v.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'choose' });
    }
    if (v.followUp && !v.followUpBy)
      ctx.addIssue({ code: 'custom', path: ['followUpBy'], message: 'choose' });
    if (v.followUp && !v.followUpUntil)
      ctx.addIssue({ code: 'custom', path: ['followUpUntil'], message: 'required' });
    if (v.followUp && v.followUpUntil && v.followUpUntil < v.decidedOn) {
      ctx.addIssue({ code: 'custom', path: ['followUpUntil'], message: 'endBeforeStart' });
    }
  });

export const assignBody = z.object({
  version,
  leadWorkerId: optionalUuid,
  teamUserIds: z.array(uuid).max(20).default([]),
});

export const caseSearchQuery = z.object({
  q: z.string().trim().max(100).default(''),
  status: z.enum(['open', 'ended', 'all']).default('all'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const caseloadQuery = z.object({
  /** The day the lists are built for; the server's today in Japan when absent. */
  today: z.preprocess((v) => (v === '' ? undefined : v), dateInput.optional()),
  /** The page of the caseload table: where it starts and how many cases it shows. */
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export type IntakeInput = z.output<typeof intakeFields>;
export type DetectionInput = z.output<typeof detectionFields>;
export type TriageInput = z.output<typeof triageBody>;
export type EmergencyInput = z.output<typeof emergencyFields>;
export type ContactInput = z.output<typeof contactFields>;
export type ClosureInput = z.output<typeof closureBody>;
export type SimpleAction = (typeof simpleActions)[number];
