import { z } from 'zod';
import {
  reviewOutcomes,
  supportTargets,
  tieStrengths,
} from '../../domain/multi-agency/multi-agency-case';
import {
  dateInput,
  optionalDate,
  optionalText,
  optionalUuid,
  requiredText,
  uuid,
  version,
} from '../http/fields';

/** Exactly one of a partner agency and a support agency, reported on the first field's path. */
function oneAgency(
  v: { partnerAgencyId: string | null; supportAgencyId: string | null },
  ctx: z.RefinementCtx,
  path: string,
) {
  if ((v.partnerAgencyId === null) === (v.supportAgencyId === null)) {
    ctx.addIssue({ code: 'custom', path: [path], message: 'agencyNeedsOne' });
  }
}

/** 多機関協働へのつなぎ: who asks, when, why. */
export const referralFields = z
  .object({
    referredOn: dateInput,
    partnerAgencyId: optionalUuid,
    supportAgencyId: optionalUuid,
    referrerContact: optionalText(100),
    reason: requiredText(2000),
    coordinatorId: optionalUuid,
  })
  .superRefine((v, ctx) => oneAgency(v, ctx, 'partnerAgencyId'));

export const acceptBody = z.object({
  version,
  acceptedOn: dateInput,
  coordinatorId: optionalUuid,
});

/** つなぎもどし: after consulting the referrer. */
export const returnBody = z.object({
  version,
  returnedOn: dateInput,
  reason: requiredText(2000),
  consultedWith: requiredText(200),
});

const memberTarget = {
  supports: z.enum(supportTargets),
  householdMemberId: optionalUuid,
  role: requiredText(1000),
  contactName: optionalText(100),
  tieStrength: z.enum(tieStrengths).default('normal'),
};

function targetNamed(
  v: { supports: string; householdMemberId: string | null },
  ctx: z.RefinementCtx,
) {
  if (v.supports === 'member' && !v.householdMemberId) {
    ctx.addIssue({ code: 'custom', path: ['householdMemberId'], message: 'choose' });
  }
}

export const memberFields = z
  .object({
    partnerAgencyId: optionalUuid,
    supportAgencyId: optionalUuid,
    ...memberTarget,
    joinedOn: dateInput,
    lead: z.boolean().default(false),
  })
  .superRefine((v, ctx) => {
    oneAgency(v, ctx, 'partnerAgencyId');
    targetNamed(v, ctx);
  });

export const memberUpdateBody = z
  .object({ version, ...memberTarget })
  .superRefine((v, ctx) => targetNamed(v, ctx));

export const memberLeaveBody = z.object({ version, leftOn: dateInput });

/** The case's version: the lead is the case's decision. */
export const leadBody = z.object({ version, memberId: uuid });

/** 協働プラン（役割分担）: the household, its issues, the shared goal, the policy, the next review. */
export const jointPlanBody = z.object({
  version,
  situation: optionalText(4000),
  issues: optionalText(4000),
  goal: optionalText(2000),
  policy: optionalText(4000),
  writtenOn: optionalDate,
  reviewOn: optionalDate,
});

export const reviewBody = z
  .object({
    version,
    reviewedOn: dateInput,
    meetingId: optionalUuid,
    meetingItemId: optionalUuid,
    outcome: z.enum(reviewOutcomes),
    note: optionalText(2000),
    nextReviewOn: optionalDate,
  })
  .superRefine((v, ctx) => {
    if (v.meetingItemId && !v.meetingId) {
      ctx.addIssue({ code: 'custom', path: ['meetingId'], message: 'choose' });
    }
    if (v.nextReviewOn && v.nextReviewOn < v.reviewedOn) {
      ctx.addIssue({ code: 'custom', path: ['nextReviewOn'], message: 'endBeforeStart' });
    }
  });

/** The end: why, and who carries on — the referrer (つなぎもどし to the original window) or another. */
export const endBody = z
  .object({
    version,
    endedOn: dateInput,
    reason: requiredText(2000),
    returnToReferrer: z.boolean().default(false),
    carriedByPartnerAgencyId: optionalUuid,
    carriedBySupportAgencyId: optionalUuid,
  })
  .superRefine((v, ctx) => {
    if (v.returnToReferrer) return;
    if ((v.carriedByPartnerAgencyId === null) === (v.carriedBySupportAgencyId === null)) {
      ctx.addIssue({
        code: 'custom',
        path: ['carriedByPartnerAgencyId'],
        message: 'carrierRequired',
      });
    }
  });

export const listQuery = z.object({
  /** Open cases (referred, accepted, in force), or every one. */
  scope: z.enum(['open', 'all']).default('open'),
  /** Only the cases the actor coordinates. */
  mine: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});

/** The strength of a household member's tie to one of their agencies, for the ecomap. */
export const tieBody = z.object({
  /** The person's version: the household is kept as one record. */
  version,
  householdMemberId: uuid,
  partnerAgencyId: uuid,
  tieStrength: z.enum(tieStrengths),
});

export type ReferralInput = z.output<typeof referralFields>;
export type AcceptInput = z.output<typeof acceptBody>;
export type ReturnInput = z.output<typeof returnBody>;
export type MemberInput = z.output<typeof memberFields>;
export type MemberUpdateInput = z.output<typeof memberUpdateBody>;
export type MemberLeaveInput = z.output<typeof memberLeaveBody>;
export type LeadInput = z.output<typeof leadBody>;
export type JointPlanInput = z.output<typeof jointPlanBody>;
export type ReviewInput = z.output<typeof reviewBody>;
export type EndInput = z.output<typeof endBody>;
export type ListQuery = z.output<typeof listQuery>;
export type TieInput = z.output<typeof tieBody>;
