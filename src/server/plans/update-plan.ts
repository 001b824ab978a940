import { isEditablePlan } from '../../domain/cases/plan-status';
import { changedFields } from '../audit/changed-fields';
import { auditCase } from '../cases/case-access';
import type { ActorContext, AppDeps } from '../http/context';
import { DomainError, versionConflict } from '../http/domain-error';
import { getPlan } from './get-plan';
import { loadPlan } from './plan-access';
import { assertPlanReferences, planColumns, savePlanLines } from './plan-content';
import type { PlanInput } from './schema';

/**
 * Saves a draft plan. A stale save answers 409 with the plan as it now is, so the two people's
 * versions can be compared and neither is lost.
 */
export async function updatePlan(
  deps: AppDeps,
  ctx: ActorContext,
  caseId: string,
  planId: string,
  input: { version: number; plan: PlanInput },
) {
  const { row, plan } = await loadPlan(deps, ctx, caseId, planId, 'plan.update');
  if (!isEditablePlan(plan.status)) throw new DomainError('PLAN_NOT_EDITABLE');
  const conflict = async () =>
    versionConflict(await getPlan(deps, ctx, caseId, planId, { audit: false }));
  if (plan.version !== input.version) throw await conflict();
  await assertPlanReferences(deps.database.db, plan, row.person_id, input.plan);
  const columns = {
    ...planColumns(input.plan),
    ...(plan.revision > 0 && input.plan.changeReason
      ? { change_reason: input.plan.changeReason }
      : {}),
  };
  const saved = await deps.database.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('plan')
      .set({ ...columns, version: input.version + 1, updated_at: deps.now() })
      .where('id', '=', planId)
      .where('version', '=', input.version)
      .returningAll()
      .executeTakeFirst();
    if (!updated) return null;
    await savePlanLines(trx, updated, input.plan);
    await auditCase(
      trx,
      ctx,
      row,
      'plan.update',
      { type: 'plan', id: planId },
      {
        changed: changedFields(plan, columns),
        goals: input.plan.goals.length,
        services: input.plan.services.length,
      },
    );
    return updated;
  });
  if (!saved) throw await conflict();
  return getPlan(deps, ctx, caseId, planId, { audit: false });
}
