import { todayInJapan } from '../../domain/text/wareki';
import { transitionCase } from '../cases/transition';
import type { ActorContext, AppDeps } from '../http/context';
import { getPlan } from './get-plan';
import { loadPlan, stepPlan } from './plan-access';

/**
 * The decided plan comes into force: 支援の提供 begins. The plan (or revision) it follows is
 * superseded, and a monitoring is scheduled on each date the plan set.
 */
export async function startSupport(
  deps: AppDeps,
  ctx: ActorContext,
  caseId: string,
  planId: string,
  input: { version: number; caseVersion: number; on: string | null },
) {
  const { row, plan } = await loadPlan(deps, ctx, caseId, planId, 'plan.activate');
  const now = deps.now();
  const on = input.on ?? todayInJapan(now);
  await deps.database.db.transaction().execute(async (trx) => {
    const previous = await trx
      .selectFrom('plan')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('id', '!=', planId)
      .where('status', 'in', ['active', 'evaluated'])
      .execute();
    for (const old of previous) await stepPlan(trx, ctx, row, old, 'supersede', { now });
    // Monitoring still open on a superseded plan moves to the new one's dates.
    await trx
      .deleteFrom('monitoring')
      .where('case_id', '=', caseId)
      .where('done_on', 'is', null)
      .execute();
    await stepPlan(trx, ctx, row, plan, 'activate', {
      now,
      version: input.version,
      set: { activated_on: on },
    });
    if (plan.monitoring_dates.length > 0) {
      await trx
        .insertInto('monitoring')
        .values(
          plan.monitoring_dates.map((due) => ({
            municipality_id: row.municipality_id,
            case_id: caseId,
            plan_id: planId,
            due_on: due,
          })),
        )
        .onConflict((oc) => oc.columns(['plan_id', 'due_on']).doNothing())
        .execute();
    }
    if (plan.revision === 0) {
      await transitionCase(trx, ctx, row, 'start_support', { now, version: input.caseVersion });
    }
  });
  return getPlan(deps, ctx, caseId, planId, { audit: false });
}
