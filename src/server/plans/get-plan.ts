import { planAbilities } from '../../domain/policies/plan-policy';
import { auditCase } from '../cases/case-access';
import type { ActorContext, AppDeps } from '../http/context';
import { loadPlan } from './plan-access';
import { presentPlan } from './present';

/** One plan with its goals, service lines, decision and monitoring, as the plan screen shows it. */
export async function getPlan(
  deps: AppDeps,
  ctx: ActorContext,
  caseId: string,
  planId: string,
  options: { audit: boolean } = { audit: true },
) {
  const loaded = await loadPlan(deps, ctx, caseId, planId, 'plan.read', 'read');
  const db = deps.database.db;
  const [goals, services, decision, monitoring] = await Promise.all([
    db
      .selectFrom('plan_goal')
      .selectAll()
      .where('plan_id', '=', planId)
      .orderBy('sort_order')
      .execute(),
    db
      .selectFrom('plan_service')
      .leftJoin('social_resource', 'social_resource.id', 'plan_service.social_resource_id')
      .selectAll('plan_service')
      .select('social_resource.name as social_resource_name')
      .where('plan_service.plan_id', '=', planId)
      .orderBy('plan_service.sort_order')
      .execute(),
    db.selectFrom('support_decision').selectAll().where('plan_id', '=', planId).executeTakeFirst(),
    db
      .selectFrom('monitoring')
      .selectAll()
      .where('plan_id', '=', planId)
      .orderBy('due_on')
      .execute(),
  ]);
  if (options.audit)
    await auditCase(db, ctx, loaded.row, 'plan.read', { type: 'plan', id: planId });
  return presentPlan(
    loaded.plan,
    goals,
    services,
    decision,
    monitoring,
    planAbilities(ctx.actor, loaded.subject, loaded.plan.status),
  );
}
