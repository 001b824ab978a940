import { z } from 'zod';
import {
  employmentTypes,
  evaluationDecisions,
  goalAchievements,
  improvementItems,
  serviceClasses,
  statutoryProgrammes,
} from '../../domain/cases/vocabulary';
import {
  choices,
  dateInput,
  optionalChoice,
  optionalDate,
  optionalText,
  optionalUuid,
  requiredText,
  uuid,
  version,
} from '../http/fields';

const goalBody = z.object({
  id: uuid.optional(),
  goal: requiredText(1000),
  indicator: optionalText(1000),
});

const serviceBody = z
  .object({
    id: uuid.optional(),
    content: requiredText(1000),
    /** The provider from the social-resource directory (社会資源), when it is one. */
    socialResourceId: optionalUuid,
    providerPartnerAgencyId: optionalUuid,
    providerName: optionalText(200),
    householdMemberId: optionalUuid,
    serviceClass: z.enum(serviceClasses),
    programme: optionalChoice(statutoryProgrammes),
    frequency: optionalText(200),
    startOn: optionalDate,
    endOn: optionalDate,
  })
  .superRefine((v, ctx) => {
    if (v.programme && v.serviceClass !== 'A') {
      ctx.addIssue({ code: 'custom', path: ['serviceClass'], message: 'programmeIsClassA' });
    }
    if (v.startOn && v.endOn && v.endOn < v.startOn) {
      ctx.addIssue({ code: 'custom', path: ['endOn'], message: 'endBeforeStart' });
    }
  });

export const planFields = z
  .object({
    longTermGoal: optionalText(2000),
    periodStart: optionalDate,
    periodEnd: optionalDate,
    personWords: optionalText(2000),
    signatureOn: optionalDate,
    employmentSupportTarget: z.boolean().default(false),
    programmes: choices(statutoryProgrammes),
    monitoringDates: z.array(dateInput).max(24).default([]),
    budgetPlan: optionalText(4000),
    workReadinessProgram: optionalText(4000),
    changeReason: optionalText(2000),
    goals: z.array(goalBody).max(20).default([]),
    services: z.array(serviceBody).max(60).default([]),
  })
  .superRefine((v, ctx) => {
    if (v.periodStart && v.periodEnd && v.periodEnd < v.periodStart) {
      ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: 'endBeforeStart' });
    }
    for (const [i, d] of v.monitoringDates.entries()) {
      if ((v.periodStart && d < v.periodStart) || (v.periodEnd && d > v.periodEnd)) {
        ctx.addIssue({
          code: 'custom',
          path: ['monitoringDates', i],
          message: 'outsidePlanPeriod',
        });
      }
    }
  });

export const planUpdateBody = z.object({ version, plan: planFields });
/** The case's version goes with requests that may move the case. */
export const planStepBody = z.object({
  version,
  caseVersion: version,
  note: optionalText(2000),
  on: optionalDate,
});
export const newPlanBody = z.object({ caseVersion: version });
export const planChangeBody = z.object({ changeReason: requiredText(2000) });

export const supportDecisionBody = z
  .object({
    version,
    caseVersion: version,
    kind: z.enum(['decision', 'confirmation']),
    decidedOn: dateInput,
    programmesDecided: choices(statutoryProgrammes),
    note: optionalText(2000),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'decision' && v.programmesDecided.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['programmesDecided'], message: 'chooseAtLeastOne' });
    }
  });

export const monitoringBody = z.object({
  version: version.optional(),
  doneOn: dateInput,
  servicesDelivered: optionalText(4000),
  progress: requiredText(4000),
  changes: optionalText(4000),
  nextAction: z.enum(['continue', 'plan_change', 'evaluate_early']),
});

export const evaluationBody = z
  .object({
    caseVersion: version,
    evaluatedOn: dateInput,
    goals: z
      .array(
        z.object({
          planGoalId: uuid,
          achievement: z.enum(goalAchievements),
          comment: optionalText(1000),
        }),
      )
      .max(20),
    supportReview: optionalText(4000),
    personView: optionalText(2000),
    employed: z.boolean().default(false),
    employmentStartedOn: optionalDate,
    employmentType: optionalChoice(employmentTypes),
    incomeIncreased: z.boolean().default(false),
    incomeNote: optionalText(1000),
    improvements: choices(improvementItems),
    decision: z.enum(evaluationDecisions),
  })
  .superRefine((v, ctx) => {
    if (v.employed && !v.employmentStartedOn) {
      ctx.addIssue({ code: 'custom', path: ['employmentStartedOn'], message: 'required' });
    }
    if (v.employed && !v.employmentType) {
      ctx.addIssue({ code: 'custom', path: ['employmentType'], message: 'choose' });
    }
  });

export type PlanInput = z.output<typeof planFields>;
export type EvaluationInput = z.output<typeof evaluationBody>;
export type MonitoringInput = z.output<typeof monitoringBody>;
