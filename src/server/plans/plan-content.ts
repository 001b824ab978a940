import type { Kysely } from 'kysely';
import type { Database, Plan } from '../db/schema';
import { fieldError } from '../http/domain-error';
import type { PlanInput } from './schema';

/** The request's plan as plan columns (goals and services are rows of their own). */
export function planColumns(input: PlanInput) {
  return {
    long_term_goal: input.longTermGoal,
    period_start: input.periodStart,
    period_end: input.periodEnd,
    person_words: input.personWords,
    signature_on: input.signatureOn,
    employment_support_target: input.employmentSupportTarget,
    programmes: input.programmes,
    monitoring_dates: [...new Set(input.monitoringDates)].sort(),
    budget_plan: input.budgetPlan,
    work_readiness_program: input.workReadinessProgram,
  };
}

/** Providers and household members named in the service lines must exist for this case. */
export async function assertPlanReferences(
  db: Kysely<Database>,
  plan: Plan,
  personId: string,
  input: PlanInput,
) {
  const agencyIds = [
    ...new Set(
      input.services.flatMap((s) => (s.providerPartnerAgencyId ? [s.providerPartnerAgencyId] : [])),
    ),
  ];
  if (agencyIds.length > 0) {
    const found = new Set(
      (
        await db
          .selectFrom('partner_agency')
          .select('id')
          .where('id', 'in', agencyIds)
          .where('municipality_id', '=', plan.municipality_id)
          .execute()
      ).map((r) => r.id),
    );
    const i = input.services.findIndex(
      (s) => s.providerPartnerAgencyId && !found.has(s.providerPartnerAgencyId),
    );
    if (i >= 0) throw fieldError(`services.${i}.providerPartnerAgencyId`, 'unknownReference');
  }
  await assertPlanResources(db, plan, input);
  const memberIds = [
    ...new Set(input.services.flatMap((s) => (s.householdMemberId ? [s.householdMemberId] : []))),
  ];
  if (memberIds.length > 0) {
    const found = new Set(
      (
        await db
          .selectFrom('household_member')
          .select('id')
          .where('id', 'in', memberIds)
          .where('person_id', '=', personId)
          .execute()
      ).map((r) => r.id),
    );
    const i = input.services.findIndex(
      (s) => s.householdMemberId && !found.has(s.householdMemberId),
    );
    if (i >= 0) throw fieldError(`services.${i}.householdMemberId`, 'unknownReference');
  }
}

/**
 * Makes the plan's goals and service lines match the lists sent. Kept rows keep their ids
 * (contact records and evaluations point at them); the others are replaced.
 */
export async function savePlanLines(
  trx: Kysely<Database>,
  plan: Plan,
  input: Pick<PlanInput, 'goals' | 'services'>,
) {
  const keepGoals = input.goals.flatMap((g) => (g.id ? [g.id] : []));
  let deleteGoals = trx.deleteFrom('plan_goal').where('plan_id', '=', plan.id);
  if (keepGoals.length > 0) deleteGoals = deleteGoals.where('id', 'not in', keepGoals);
  await deleteGoals.execute();
  for (const [index, g] of input.goals.entries()) {
    const values = { goal: g.goal, indicator: g.indicator, sort_order: index };
    const updated = g.id
      ? await trx
          .updateTable('plan_goal')
          .set(values)
          .where('id', '=', g.id)
          .where('plan_id', '=', plan.id)
          .executeTakeFirst()
      : undefined;
    if (!updated || Number(updated.numUpdatedRows) === 0) {
      await trx
        .insertInto('plan_goal')
        .values({ ...values, plan_id: plan.id, municipality_id: plan.municipality_id })
        .execute();
    }
  }
  const keepServices = input.services.flatMap((s) => (s.id ? [s.id] : []));
  let deleteServices = trx.deleteFrom('plan_service').where('plan_id', '=', plan.id);
  if (keepServices.length > 0) deleteServices = deleteServices.where('id', 'not in', keepServices);
  await deleteServices.execute();
  for (const [index, s] of input.services.entries()) {
    const values = {
      content: s.content,
      social_resource_id: s.socialResourceId,
      provider_partner_agency_id: s.providerPartnerAgencyId,
      provider_name: s.providerName,
      household_member_id: s.householdMemberId,
      service_class: s.serviceClass,
      programme: s.programme,
      frequency: s.frequency,
      start_on: s.startOn,
      end_on: s.endOn,
      sort_order: index,
    };
    const updated = s.id
      ? await trx
          .updateTable('plan_service')
          .set(values)
          .where('id', '=', s.id)
          .where('plan_id', '=', plan.id)
          .executeTakeFirst()
      : undefined;
    if (!updated || Number(updated.numUpdatedRows) === 0) {
      await trx
        .insertInto('plan_service')
        .values({ ...values, plan_id: plan.id, municipality_id: plan.municipality_id })
        .execute();
    }
  }
}

/** A new plan or revision starts from the one before: its goals and lines, without their ids. */
export async function copyPlanLines(trx: Kysely<Database>, from: Plan, to: Plan) {
  const goals = await trx
    .selectFrom('plan_goal')
    .selectAll()
    .where('plan_id', '=', from.id)
    .orderBy('sort_order')
    .execute();
  const services = await trx
    .selectFrom('plan_service')
    .selectAll()
    .where('plan_id', '=', from.id)
    .orderBy('sort_order')
    .execute();
  await savePlanLines(trx, to, {
    goals: goals.map((g) => ({ goal: g.goal, indicator: g.indicator })),
    services: services.map((s) => ({
      content: s.content,
      socialResourceId: s.social_resource_id,
      providerPartnerAgencyId: s.provider_partner_agency_id,
      providerName: s.provider_name,
      householdMemberId: s.household_member_id,
      serviceClass: s.service_class,
      programme: s.programme,
      frequency: s.frequency,
      startOn: s.start_on,
      endOn: s.end_on,
    })),
  });
}

/**
 * A provider chosen from the social-resource directory must be the municipality's and in use. A
 * line that already named a resource keeps it after the resource was archived (the plan was
 * written when it was in use); choosing an archived one anew is refused.
 */
async function assertPlanResources(db: Kysely<Database>, plan: Plan, input: PlanInput) {
  const resourceIds = [
    ...new Set(input.services.flatMap((s) => (s.socialResourceId ? [s.socialResourceId] : []))),
  ];
  if (resourceIds.length === 0) return;
  const [resources, lines] = await Promise.all([
    db
      .selectFrom('social_resource')
      .select(['id', 'archived_at'])
      .where('id', 'in', resourceIds)
      .where('municipality_id', '=', plan.municipality_id)
      .execute(),
    db
      .selectFrom('plan_service')
      .select(['id', 'social_resource_id'])
      .where('plan_id', '=', plan.id)
      .execute(),
  ]);
  const i = input.services.findIndex((s) => {
    if (!s.socialResourceId) return false;
    const resource = resources.find((r) => r.id === s.socialResourceId);
    if (!resource) return true;
    const kept = lines.some((l) => l.id === s.id && l.social_resource_id === s.socialResourceId);
    return resource.archived_at !== null && !kept;
  });
  if (i >= 0) throw fieldError(`services.${i}.socialResourceId`, 'unknownReference');
}
