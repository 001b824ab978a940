import { changedFields } from '../audit/changed-fields';
import { recordAudit } from '../audit/record-audit';
import type { ActorContext, AppDeps } from '../http/context';
import { versionConflict } from '../http/domain-error';
import { authorizeCommunity, loadActivity, loadBase } from './community-access';
import type { ActivityInput } from './schema';

function columns(input: ActivityInput, baseCoordinator: string | null) {
  return {
    base_id: input.baseId,
    name: input.name,
    kind: input.kind,
    schedule: input.schedule,
    held_on: input.heldOn,
    coordinator_name: input.coordinatorName ?? baseCoordinator,
    participants_count: input.participantsCount,
    note: input.note,
  };
}

/** 地域づくり: an activity held at a community base, regular or once. */
export async function createActivity(deps: AppDeps, ctx: ActorContext, input: ActivityInput) {
  authorizeCommunity(ctx, 'community_activity.create');
  const base = await loadBase(deps, ctx, input.baseId);
  return deps.database.db.transaction().execute(async (trx) => {
    const created = await trx
      .insertInto('community_activity')
      .values({
        ...columns(input, base.coordinator_name),
        municipality_id: ctx.actor.municipalityId,
        created_by: ctx.actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      action: 'community_activity.create',
      outcome: 'success',
      subjectType: 'community_activity',
      subjectId: created.id,
      legalBasis: 'administration',
      detail: { baseId: input.baseId },
    });
    return created;
  });
}

export async function updateActivity(
  deps: AppDeps,
  ctx: ActorContext,
  id: string,
  input: { version: number; activity: ActivityInput },
) {
  authorizeCommunity(ctx, 'community_activity.update', id);
  const current = await loadActivity(deps, ctx, id, 'community_activity.update');
  if (current.version !== input.version) throw versionConflict(current);
  const base = await loadBase(deps, ctx, input.activity.baseId);
  const changes = columns(input.activity, base.coordinator_name);
  return deps.database.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('community_activity')
      .set({ ...changes, version: input.version + 1, updated_at: deps.now() })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw versionConflict(current);
    await recordAudit(trx, ctx, {
      action: 'community_activity.update',
      outcome: 'success',
      subjectType: 'community_activity',
      subjectId: id,
      legalBasis: 'administration',
      detail: { changed: changedFields(current, changes) },
    });
    return updated;
  });
}
