import { z } from 'zod';
import { terminationReasons } from '../../domain/cases/vocabulary';
import { itemDecisions, itemKinds, phases } from '../../domain/meetings/agenda';
import {
  attendanceRoles,
  legalBases,
  meetingPatterns,
  meetingTypeRules,
  meetingTypes,
  memberTiers,
} from '../../domain/meetings/meeting-types';
import {
  choices,
  dateInput,
  optionalChoice,
  optionalDate,
  optionalText,
  optionalUuid,
  requiredText,
  timeInput,
  uuid,
  version,
  wholeNumber,
} from '../http/fields';

const phaseMinutesBody = z.object(
  Object.fromEntries(phases.map((p) => [p, wholeNumber(0, 120)])) as Record<
    (typeof phases)[number],
    ReturnType<typeof wholeNumber>
  >,
);

export const seriesFields = z
  .object({
    type: z.enum(meetingTypes),
    name: requiredText(100),
    legalBasis: optionalChoice(legalBases),
    hostAgencyId: optionalUuid,
    pattern: z.enum(meetingPatterns),
    regularWeek: z
      .preprocess((v) => (v === '' ? null : v), wholeNumber(1, 5).nullable())
      .default(null),
    regularWeekday: z
      .preprocess((v) => (v === '' ? null : v), wholeNumber(0, 6).nullable())
      .default(null),
    defaultStart: timeInput.default('09:00'),
    place: optionalText(200),
    online: z.boolean().default(false),
    minutesPerCase: wholeNumber(5, 240).default(30),
    phaseMinutes: phaseMinutesBody.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.pattern !== 'ad_hoc') {
      if (v.regularWeek === null)
        ctx.addIssue({ code: 'custom', path: ['regularWeek'], message: 'regularPatternRequired' });
      if (v.regularWeekday === null)
        ctx.addIssue({
          code: 'custom',
          path: ['regularWeekday'],
          message: 'regularPatternRequired',
        });
    }
    const allowed = meetingTypeRules[v.type].legalBases;
    if (allowed.length > 0 && !v.legalBasis)
      ctx.addIssue({ code: 'custom', path: ['legalBasis'], message: 'legalBasisRequired' });
    if (v.legalBasis && !allowed.includes(v.legalBasis))
      ctx.addIssue({ code: 'custom', path: ['legalBasis'], message: 'legalBasisNotAllowed' });
  });

export const seriesUpdateBody = z.object({ version, series: seriesFields });

export const memberFields = z
  .object({
    tier: z.enum(memberTiers).default('core'),
    userId: optionalUuid,
    partnerAgencyId: optionalUuid,
    supportAgencyId: optionalUuid,
    name: optionalText(100),
    organisation: optionalText(200),
    appointedOn: optionalDate,
    endedOn: optionalDate,
  })
  .superRefine((v, ctx) => {
    const named = [v.userId, v.partnerAgencyId, v.supportAgencyId].filter(Boolean).length;
    if (named > 1 || (named === 0 && !v.name))
      ctx.addIssue({ code: 'custom', path: ['name'], message: 'memberNeedsOne' });
    if (v.appointedOn && v.endedOn && v.endedOn < v.appointedOn)
      ctx.addIssue({ code: 'custom', path: ['endedOn'], message: 'endBeforeStart' });
  });

export const meetingFields = z.object({
  seriesId: uuid,
  heldOn: dateInput,
  startsAt: z.preprocess((v) => (v === '' ? undefined : v), timeInput.optional()),
  place: optionalText(200),
  online: z.boolean().optional(),
  tier: z.enum(memberTiers).default('core'),
  jointSeriesIds: z.array(uuid).max(5).default([]),
  note: optionalText(4000),
});

export const meetingUpdateBody = z.object({
  version,
  heldOn: dateInput,
  startsAt: timeInput,
  place: optionalText(200),
  online: z.boolean().default(false),
  status: z.enum(['planned', 'held', 'cancelled']),
  note: optionalText(4000),
});

const attendeeBody = z
  .object({
    userId: optionalUuid,
    partnerAgencyId: optionalUuid,
    name: optionalText(100),
    organisation: optionalText(200),
    roles: choices(attendanceRoles, 6),
    present: z.boolean().nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (!v.userId && !v.partnerAgencyId && !v.name)
      ctx.addIssue({ code: 'custom', path: ['name'], message: 'required' });
  });

export const attendanceBody = z.object({
  version,
  attendees: z.array(attendeeBody).max(100),
});

const guestBody = z
  .object({
    partnerAgencyId: optionalUuid,
    userId: optionalUuid,
    name: optionalText(100),
    appointed: z.boolean().default(false),
  })
  .superRefine((v, ctx) => {
    const named = [v.partnerAgencyId, v.userId].filter(Boolean).length;
    if (named > 1 || (named === 0 && !v.name))
      ctx.addIssue({ code: 'custom', path: ['name'], message: 'memberNeedsOne' });
  });

export const itemFields = z.object({
  caseId: uuid,
  kind: z.enum(itemKinds).optional(),
  seriesId: uuid.optional(),
  minutes: wholeNumber(5, 240).optional(),
  reporterId: optionalUuid,
  guests: z.array(guestBody).max(20).default([]),
  summary: optionalText(4000),
  /** The summary contains tax information: refused at a 支援会議 (地方税法第22条). */
  summaryTaxInformation: z.boolean().default(false),
});

export const itemUpdateBody = z.object({
  version,
  position: wholeNumber(1, 100),
  minutes: wholeNumber(5, 240),
  reporterId: optionalUuid,
  guests: z.array(guestBody).max(20).default([]),
  summary: optionalText(4000),
  /** As on adding; not given: the mark stays as it was (a form that does not show it keeps it). */
  summaryTaxInformation: z.boolean().optional(),
});

const homeworkBody = z.object({
  description: requiredText(1000),
  ownerId: uuid,
  dueOn: optionalDate,
});

export const itemRecordBody = z.object({
  version,
  discussion: optionalText(8000),
  checkFits: z.boolean().nullable().default(null),
  checkAddresses: z.boolean().nullable().default(null),
  checkMotivates: z.boolean().nullable().default(null),
  personAttended: z.boolean().nullable().default(null),
  decision: optionalChoice(itemDecisions),
  decisionNote: optionalText(2000),
  homework: z.array(homeworkBody).max(20).default([]),
  resourceGaps: z
    .array(z.object({ description: requiredText(2000) }))
    .max(10)
    .default([]),
  /** For an approved termination or a confirmed interruption: what the case closure records. */
  closure: z
    .object({
      reason: optionalChoice(terminationReasons),
      reasonDetail: optionalText(2000),
      followUp: z.boolean().default(false),
      followUpBy: optionalUuid,
      followUpMethod: optionalText(500),
      followUpUntil: optionalDate,
    })
    .optional(),
});

export const requestFields = z.object({
  caseId: uuid,
  meetingType: z.enum(meetingTypes),
  kind: z.enum(itemKinds),
  note: optionalText(2000),
});

export const suggestionQuery = z.object({
  seriesId: uuid,
});

export const meetingListQuery = z.object({
  from: z.preprocess((v) => (v === '' ? undefined : v), dateInput.optional()),
  to: z.preprocess((v) => (v === '' ? undefined : v), dateInput.optional()),
  /** Newest first for the record of past meetings; the next ones first otherwise. */
  order: z.enum(['asc', 'desc']).default('asc'),
});

/** Meeting statistics: a range of dates; a missing end comes from the fiscal year of the other. */
export const statisticsQuery = meetingListQuery.superRefine((v, ctx) => {
  if (v.from && v.to && v.to < v.from)
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'endBeforeStart' });
});

export type SeriesInput = z.output<typeof seriesFields>;
export type MemberInput = z.output<typeof memberFields>;
export type MeetingInput = z.output<typeof meetingFields>;
export type MeetingUpdateInput = z.output<typeof meetingUpdateBody>;
export type AttendanceInput = z.output<typeof attendanceBody>;
export type ItemInput = z.output<typeof itemFields>;
export type ItemUpdateInput = z.output<typeof itemUpdateBody>;
export type ItemRecordInput = z.output<typeof itemRecordBody>;
export type GuestInput = z.output<typeof guestBody>;
export type RequestInput = z.output<typeof requestFields>;
