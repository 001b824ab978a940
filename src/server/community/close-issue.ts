import { allowedIssueActions, nextIssueStatus } from '../../domain/participation/community';
import { recordAudit } from '../audit/record-audit';
import type { ActorContext, AppDeps } from '../http/context';
import { DomainError, fieldError, versionConflict } from '../http/domain-error';
import { authorizeCommunity, loadIssue } from './community-access';
import type { CloseIssueInput } from './schema';

/** An issue done with: passed on and taken up, or resolved without passing it on. */
export async function closeIssue(
  deps: AppDeps,
  ctx: ActorContext,
  id: string,
  input: CloseIssueInput,
) {
  authorizeCommunity(ctx, 'community_issue.close', id);
  const current = await loadIssue(deps, ctx, id, 'community_issue.close');
  if (current.version !== input.version) throw versionConflict(current);
  if (!nextIssueStatus(current.status, 'close')) {
    throw new DomainError('STEP_NOT_ALLOWED', {
      details: { status: current.status, allowed: allowedIssueActions(current.status) },
    });
  }
  const previous = current.passed_on ?? current.noticed_on;
  if (input.closedOn < previous)
    throw fieldError('closedOn', 'stepBeforePrevious', { date: previous });
  return deps.database.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('community_issue')
      .set({
        status: 'closed',
        closed_on: input.closedOn,
        close_note: input.note,
        version: input.version + 1,
        updated_at: deps.now(),
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw versionConflict(current);
    await recordAudit(trx, ctx, {
      action: 'community_issue.close',
      outcome: 'success',
      subjectType: 'community_issue',
      subjectId: id,
      legalBasis: 'administration',
    });
    return updated;
  });
}
