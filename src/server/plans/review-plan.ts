import type { CaseAction } from '../../domain/cases/case-status';
import type { PlanAction } from '../../domain/cases/plan-status';
import { todayInJapan } from '../../domain/text/wareki';
import { transitionCase } from '../cases/transition';
import { transact } from '../db/transact';
import type { ActorContext, AppDeps } from '../http/context';
import { DomainError, type FieldProblem } from '../http/domain-error';
import { getPlan } from './get-plan';
import { loadPlan, stepPlan } from './plan-access';

/**
 * The plan's way through the 支援調整会議: submitted as a draft (プラン案), then adopted or
 * returned. For a numbered plan the case moves with it; a プラン変更 moves alone while the case
 * stays in support.
 */
const steps = {
  submit: { planAction: 'submit', caseAction: 'submit_plan' },
  return: { planAction: 'return', caseAction: 'return_plan' },
  adopt: { planAction: 'adopt', caseAction: 'adopt_plan' },
} as const satisfies Record<string, { planAction: PlanAction; caseAction: CaseAction }>;

export async function reviewPlan(
  deps: AppDeps,
  ctx: ActorContext,
  caseId: string,
  planId: string,
  step: keyof typeof steps,
  input: { version: number; caseVersion: number; note: string | null; on: string | null },
) {
  const { row, plan } = await loadPlan(deps, ctx, caseId, planId, `plan.${step}`);
  const db = deps.database.db;
  const now = deps.now();
  const on = input.on ?? todayInJapan(now);
  if (step === 'submit') {
    const [goals, services] = await Promise.all([
      db.selectFrom('plan_goal').select('id').where('plan_id', '=', planId).execute(),
      db.selectFrom('plan_service').select('id').where('plan_id', '=', planId).execute(),
    ]);
    const missing: FieldProblem[] = [];
    if (!plan.long_term_goal) missing.push({ path: 'longTermGoal', key: 'planIncomplete' });
    if (!plan.period_start) missing.push({ path: 'periodStart', key: 'planIncomplete' });
    if (!plan.period_end) missing.push({ path: 'periodEnd', key: 'planIncomplete' });
    if (goals.length === 0) missing.push({ path: 'goals', key: 'planIncomplete' });
    if (services.length === 0) missing.push({ path: 'services', key: 'planIncomplete' });
    if (missing.length > 0) throw new DomainError('VALIDATION_FAILED', { fields: missing });
  }
  await transact(db, async (trx) => {
    await stepPlan(trx, ctx, row, plan, steps[step].planAction, {
      now,
      version: input.version,
      set:
        step === 'submit'
          ? { submitted_on: on }
          : step === 'adopt'
            ? { adopted_on: on, adoption_note: input.note }
            : { submitted_on: null },
    });
    if (plan.revision === 0) {
      await transitionCase(trx, ctx, row, steps[step].caseAction, {
        now,
        version: input.caseVersion,
        reason: input.note,
      });
    }
  });
  return getPlan(deps, ctx, caseId, planId, { audit: false });
}
