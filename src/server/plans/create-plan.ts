import { auditCase, loadCaseToWork } from '../cases/case-access';
import { transitionCase } from '../cases/transition';
import type { ActorContext, AppDeps } from '../http/context';
import { DomainError } from '../http/domain-error';
import { copyPlanLines } from './plan-content';

/**
 * A new numbered plan: the first plan after the assessment, or a re-plan after an evaluation. A
 * re-plan starts from the plan before it. From アセスメント中 it needs a completed assessment and
 * moves the case to プラン作成中.
 */
export async function createPlan(
  deps: AppDeps,
  ctx: ActorContext,
  caseId: string,
  input: { caseVersion: number },
) {
  const { row } = await loadCaseToWork(deps, ctx, caseId, 'plan.create');
  const db = deps.database.db;
  if (row.status === 'assessing') {
    const completed = await db
      .selectFrom('assessment')
      .select('id')
      .where('case_id', '=', caseId)
      .where('status', '=', 'completed')
      .executeTakeFirst();
    if (!completed) throw new DomainError('ASSESSMENT_REQUIRED');
  } else if (row.status !== 'planning') {
    throw new DomainError('TRANSITION_NOT_ALLOWED', {
      details: { status: row.status, action: 'start_planning', allowedActions: [] },
    });
  }
  return db.transaction().execute(async (trx) => {
    const kase =
      row.status === 'assessing'
        ? await transitionCase(trx, ctx, row, 'start_planning', {
            now: deps.now(),
            version: input.caseVersion,
          })
        : row;
    const draft = await trx
      .selectFrom('plan')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('revision', '=', 0)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    if (draft) return { case: kase, plan: draft };
    const previous = await trx
      .selectFrom('plan')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('status', '!=', 'closed')
      .orderBy('plan_no', 'desc')
      .orderBy('revision', 'desc')
      .executeTakeFirst();
    const last = await trx
      .selectFrom('plan')
      .select((eb) => eb.fn.max('plan_no').as('n'))
      .where('case_id', '=', caseId)
      .executeTakeFirst();
    const plan = await trx
      .insertInto('plan')
      .values({
        municipality_id: row.municipality_id,
        case_id: caseId,
        plan_no: Number(last?.n ?? 0) + 1,
        revision: 0,
        author_id: ctx.actor.userId,
        created_at: deps.now(),
        long_term_goal: previous?.long_term_goal ?? null,
        employment_support_target: previous?.employment_support_target ?? false,
        programmes: previous?.programmes ?? [],
        budget_plan: previous?.budget_plan ?? null,
        work_readiness_program: previous?.work_readiness_program ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (previous) await copyPlanLines(trx, previous, plan);
    await auditCase(
      trx,
      ctx,
      row,
      'plan.create',
      { type: 'plan', id: plan.id },
      { planNo: plan.plan_no },
    );
    return { case: kase, plan };
  });
}
