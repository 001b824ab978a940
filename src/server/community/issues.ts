import { allowedIssueActions } from '../../domain/participation/community';
import { changedFields } from '../audit/changed-fields';
import { recordAudit } from '../audit/record-audit';
import type { ActorContext, AppDeps } from '../http/context';
import { DomainError, versionConflict } from '../http/domain-error';
import { assertActivityAtBase, authorizeCommunity, loadBase, loadIssue } from './community-access';
import type { IssueInput } from './schema';

function columns(input: IssueInput) {
  return {
    base_id: input.baseId,
    activity_id: input.activityId,
    noticed_on: input.noticedOn,
    description: input.description,
  };
}

/** Something noticed at a community base, to be passed on (or closed). */
export async function recordIssue(deps: AppDeps, ctx: ActorContext, input: IssueInput) {
  authorizeCommunity(ctx, 'community_issue.create');
  await loadBase(deps, ctx, input.baseId);
  await assertActivityAtBase(deps, ctx, input.activityId, input.baseId);
  return deps.database.db.transaction().execute(async (trx) => {
    const created = await trx
      .insertInto('community_issue')
      .values({
        ...columns(input),
        municipality_id: ctx.actor.municipalityId,
        recorded_by: ctx.actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      action: 'community_issue.create',
      outcome: 'success',
      subjectType: 'community_issue',
      subjectId: created.id,
      legalBasis: 'administration',
      detail: { baseId: input.baseId },
    });
    return created;
  });
}

/** The wording of an issue, while it is still open (once passed on, it is what was passed). */
export async function updateIssue(
  deps: AppDeps,
  ctx: ActorContext,
  id: string,
  input: { version: number; issue: IssueInput },
) {
  authorizeCommunity(ctx, 'community_issue.update', id);
  const current = await loadIssue(deps, ctx, id, 'community_issue.update');
  if (current.version !== input.version) throw versionConflict(current);
  if (current.status !== 'open') {
    throw new DomainError('STEP_NOT_ALLOWED', {
      details: { status: current.status, allowed: allowedIssueActions(current.status) },
    });
  }
  await loadBase(deps, ctx, input.issue.baseId);
  await assertActivityAtBase(deps, ctx, input.issue.activityId, input.issue.baseId);
  const changes = columns(input.issue);
  return deps.database.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('community_issue')
      .set({ ...changes, version: input.version + 1, updated_at: deps.now() })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw versionConflict(current);
    await recordAudit(trx, ctx, {
      action: 'community_issue.update',
      outcome: 'success',
      subjectType: 'community_issue',
      subjectId: id,
      legalBasis: 'administration',
      detail: { changed: changedFields(current, changes) },
    });
    return updated;
  });
}
