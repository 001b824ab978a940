import type { Kysely, Updateable } from 'kysely';
import {
  allowedPlanActions,
  nextPlanStatus,
  type PlanAction,
} from '../../domain/cases/plan-status';
import { auditCase, type LoadedCase, loadCase, loadCaseToWork } from '../cases/case-access';
import type { Database, Plan, PlanTable, SupportCase } from '../db/schema';
import type { ActorContext, AppDeps } from '../http/context';
import { DomainError, notFound, versionConflict } from '../http/domain-error';

export async function loadPlan(
  deps: AppDeps,
  ctx: ActorContext,
  caseId: string,
  planId: string,
  action: string,
  mode: 'work' | 'read' = 'work',
): Promise<LoadedCase & { plan: Plan }> {
  const loaded =
    mode === 'work'
      ? await loadCaseToWork(deps, ctx, caseId, action)
      : await loadCase(deps, ctx, caseId, action);
  const plan = await deps.database.db
    .selectFrom('plan')
    .selectAll()
    .where('id', '=', planId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  if (!plan) throw notFound({ action, subjectType: 'plan', subjectId: planId });
  return { ...loaded, plan };
}

/**
 * The one way a plan changes status (domain/cases/plan-status.ts decides), at the version the
 * caller saw, audited in the caller's transaction.
 */
export async function stepPlan(
  trx: Kysely<Database>,
  ctx: ActorContext,
  kase: SupportCase,
  plan: Plan,
  action: PlanAction,
  options: { now: Date; version?: number; set?: Updateable<PlanTable> },
): Promise<Plan> {
  const to = nextPlanStatus(plan.status, action);
  if (!to) {
    throw new DomainError('TRANSITION_NOT_ALLOWED', {
      details: { planStatus: plan.status, action, allowedActions: allowedPlanActions(plan.status) },
    });
  }
  const expected = options.version ?? plan.version;
  const updated = await trx
    .updateTable('plan')
    .set({ ...options.set, status: to, version: expected + 1, updated_at: options.now })
    .where('id', '=', plan.id)
    .where('version', '=', expected)
    .returningAll()
    .executeTakeFirst();
  if (!updated) throw versionConflict({ id: plan.id, status: plan.status, version: plan.version });
  await auditCase(
    trx,
    ctx,
    kase,
    `plan.${action}`,
    { type: 'plan', id: plan.id },
    {
      planNo: plan.plan_no,
      revision: plan.revision,
      from: plan.status,
      to,
    },
  );
  return updated;
}
