import { auditCase, loadCaseToWork } from '../cases/case-access';
import type { ActorContext, AppDeps } from '../http/context';
import { DomainError } from '../http/domain-error';
import { copyPlanLines } from './plan-content';

/**
 * プラン変更: a small correction of the plan in force, as a new revision of the same plan (not a
 * re-plan). It goes through review like the plan did; when it comes into force it supersedes it.
 */
export async function createPlanChange(
  deps: AppDeps,
  ctx: ActorContext,
  caseId: string,
  input: { changeReason: string },
) {
  const { row } = await loadCaseToWork(deps, ctx, caseId, 'plan.change');
  const db = deps.database.db;
  const active = await db
    .selectFrom('plan')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  if (!active) throw new DomainError('PLAN_REQUIRED');
  const pending = await db
    .selectFrom('plan')
    .select('id')
    .where('case_id', '=', caseId)
    .where('plan_no', '=', active.plan_no)
    .where('revision', '>', active.revision)
    .where('status', 'in', ['draft', 'under_review', 'adopted', 'decided'])
    .executeTakeFirst();
  if (pending) {
    throw new DomainError('TRANSITION_NOT_ALLOWED', {
      details: { pendingPlanId: pending.id, allowedActions: [] },
    });
  }
  return db.transaction().execute(async (trx) => {
    const { id: _id, version: _v, created_at: _c, updated_at: _u, ...content } = active;
    const plan = await trx
      .insertInto('plan')
      .values({
        ...content,
        revision: active.revision + 1,
        status: 'draft',
        change_reason: input.changeReason,
        submitted_on: null,
        adopted_on: null,
        adoption_note: null,
        activated_on: null,
        author_id: ctx.actor.userId,
        created_at: deps.now(),
        updated_at: deps.now(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await copyPlanLines(trx, active, plan);
    await auditCase(
      trx,
      ctx,
      row,
      'plan.change',
      { type: 'plan', id: plan.id },
      {
        planNo: plan.plan_no,
        revision: plan.revision,
      },
    );
    return plan;
  });
}
