import type { ActorContext, AppDeps } from '../http/context';
import { DomainError, fieldError } from '../http/domain-error';
import {
  assertOpen,
  auditMultiAgency,
  loadMultiAgencyCaseToManage,
  updateCaseRow,
} from './multi-agency-access';
import type { JointPlanInput } from './schema';

/**
 * 協働プラン（役割分担表）: the household's situation and issues, the goal the agencies share, the
 * policy of the support, the day it was written and when the 重層的支援会議 looks at it again.
 * Who does what is the members' roles. Written once the household is accepted.
 */
export async function saveJointPlan(
  deps: AppDeps,
  ctx: ActorContext,
  id: string,
  input: JointPlanInput,
) {
  const action = 'multi_agency.plan';
  const loaded = await loadMultiAgencyCaseToManage(deps, ctx, id, action);
  assertOpen(loaded);
  const { row } = loaded;
  if (row.status === 'referred') {
    // The plan is the coordinator's once the household is accepted.
    throw new DomainError('STEP_NOT_ALLOWED', {
      details: { status: row.status, allowed: ['accept', 'return'] },
    });
  }
  if (input.writtenOn && input.writtenOn < row.referred_on) {
    throw fieldError('writtenOn', 'notBeforeMultiAgencyReferral', { date: row.referred_on });
  }
  if (input.writtenOn && input.reviewOn && input.reviewOn < input.writtenOn) {
    throw fieldError('reviewOn', 'endBeforeStart');
  }
  return deps.database.db.transaction().execute(async (trx) => {
    const updated = await updateCaseRow(trx, deps, loaded, input.version, {
      plan_situation: input.situation,
      plan_issues: input.issues,
      plan_goal: input.goal,
      plan_policy: input.policy,
      plan_written_on: input.writtenOn,
      plan_review_on: input.reviewOn,
    });
    await auditMultiAgency(trx, ctx, loaded, action);
    return updated;
  });
}
