import type { PlanAbilities } from '../../domain/policies/plan-policy';
import type { Monitoring, Plan, PlanGoal, PlanService, SupportDecision } from '../db/schema';

export function presentMonitoring(m: Monitoring) {
  return {
    id: m.id,
    planId: m.plan_id,
    dueOn: m.due_on,
    doneOn: m.done_on,
    servicesDelivered: m.services_delivered,
    progress: m.progress,
    changes: m.changes,
    nextAction: m.next_action,
    version: m.version,
  };
}

/** A service line with the name of the social resource it names as provider, if any. */
export type PlanServiceRow = PlanService & { social_resource_name: string | null };

export function presentPlan(
  plan: Plan,
  goals: PlanGoal[],
  services: PlanServiceRow[],
  decision: SupportDecision | undefined,
  monitoring: Monitoring[],
  abilities: PlanAbilities,
) {
  return {
    id: plan.id,
    planNo: plan.plan_no,
    revision: plan.revision,
    status: plan.status,
    longTermGoal: plan.long_term_goal,
    periodStart: plan.period_start,
    periodEnd: plan.period_end,
    personWords: plan.person_words,
    signatureOn: plan.signature_on,
    employmentSupportTarget: plan.employment_support_target,
    programmes: plan.programmes,
    monitoringDates: plan.monitoring_dates,
    budgetPlan: plan.budget_plan,
    workReadinessProgram: plan.work_readiness_program,
    changeReason: plan.change_reason,
    submittedOn: plan.submitted_on,
    adoptedOn: plan.adopted_on,
    adoptionNote: plan.adoption_note,
    activatedOn: plan.activated_on,
    version: plan.version,
    goals: goals.map((g) => ({ id: g.id, goal: g.goal, indicator: g.indicator })),
    services: services.map((s) => ({
      id: s.id,
      content: s.content,
      socialResourceId: s.social_resource_id,
      socialResourceName: s.social_resource_name,
      providerPartnerAgencyId: s.provider_partner_agency_id,
      providerName: s.provider_name,
      householdMemberId: s.household_member_id,
      serviceClass: s.service_class,
      programme: s.programme,
      frequency: s.frequency,
      startOn: s.start_on,
      endOn: s.end_on,
    })),
    decision: decision
      ? {
          kind: decision.kind,
          decidedOn: decision.decided_on,
          decidedBy: decision.decided_by,
          programmesDecided: decision.programmes_decided,
          note: decision.note,
        }
      : null,
    monitoring: monitoring.map(presentMonitoring),
    abilities,
  };
}

export type PlanView = ReturnType<typeof presentPlan>;
