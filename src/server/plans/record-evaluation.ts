import type { EvaluationDecision } from '../../domain/cases/vocabulary';
import { auditCase, loadCaseToWork } from '../cases/case-access';
import { transitionCase } from '../cases/transition';
import type { ActorContext, AppDeps } from '../http/context';
import { DomainError, fieldError } from '../http/domain-error';
import { stepPlan } from './plan-access';
import type { EvaluationInput } from './schema';

/**
 * 評価シート: achievement per goal, how support went, outcomes (就労, 増収, 自立に向けた改善), and
 * the decision. 再プラン moves the case back to planning; 継続 returns it to support under the same
 * plan; 終結 leaves it at evaluation until the termination (with its follow-up) is recorded.
 */
export async function recordEvaluation(
  deps: AppDeps,
  ctx: ActorContext,
  caseId: string,
  input: EvaluationInput,
) {
  const { row } = await loadCaseToWork(deps, ctx, caseId, 'evaluation.create');
  if (row.status !== 'evaluation') {
    throw new DomainError('TRANSITION_NOT_ALLOWED', {
      details: { status: row.status, action: 'evaluate', allowedActions: [] },
    });
  }
  const db = deps.database.db;
  const plan = await db
    .selectFrom('plan')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  if (!plan) throw new DomainError('PLAN_REQUIRED');
  const goals = await db
    .selectFrom('plan_goal')
    .select('id')
    .where('plan_id', '=', plan.id)
    .execute();
  const goalIds = new Set(goals.map((g) => g.id));
  const index = input.goals.findIndex((g) => !goalIds.has(g.planGoalId));
  if (index >= 0) throw fieldError(`goals.${index}.planGoalId`, 'unknownReference');
  const missing = goals.findIndex((g) => !input.goals.some((x) => x.planGoalId === g.id));
  if (missing >= 0) throw fieldError(`goals.${missing}.achievement`, 'choose');

  const now = deps.now();
  const caseAction: Record<EvaluationDecision, 'replan' | 'continue_support' | null> = {
    replan: 'replan',
    continue: 'continue_support',
    terminate: null,
  };
  return db.transaction().execute(async (trx) => {
    const evaluation = await trx
      .insertInto('evaluation')
      .values({
        municipality_id: row.municipality_id,
        case_id: caseId,
        plan_id: plan.id,
        evaluated_on: input.evaluatedOn,
        created_at: now,
        support_review: input.supportReview,
        person_view: input.personView,
        employed: input.employed,
        employment_started_on: input.employed ? input.employmentStartedOn : null,
        employment_type: input.employed ? input.employmentType : null,
        income_increased: input.incomeIncreased,
        income_note: input.incomeNote,
        improvements: input.improvements,
        decision: input.decision,
        recorded_by: ctx.actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (input.goals.length > 0) {
      await trx
        .insertInto('evaluation_goal')
        .values(
          input.goals.map((g) => ({
            evaluation_id: evaluation.id,
            municipality_id: row.municipality_id,
            plan_goal_id: g.planGoalId,
            achievement: g.achievement,
            comment: g.comment,
          })),
        )
        .execute();
    }
    if (input.decision !== 'continue') await stepPlan(trx, ctx, row, plan, 'evaluate', { now });
    const action = caseAction[input.decision];
    const kase = action
      ? await transitionCase(trx, ctx, row, action, { now, version: input.caseVersion })
      : row;
    await auditCase(
      trx,
      ctx,
      row,
      'evaluation.create',
      { type: 'evaluation', id: evaluation.id },
      {
        decision: input.decision,
        employed: input.employed,
        incomeIncreased: input.incomeIncreased,
      },
    );
    return { case: kase, evaluationId: evaluation.id };
  });
}
