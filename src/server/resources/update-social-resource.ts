import { authorize } from '../access/authorize';
import { ScopedReader } from '../access/scoped-reader';
import { changedFields } from '../audit/changed-fields';
import { recordAudit } from '../audit/record-audit';
import type { ActorContext, AppDeps } from '../http/context';
import { notFound, versionConflict } from '../http/domain-error';
import { rethrowDuplicateName } from '../organisations/duplicate-name';
import { getSocialResource, socialResourceRows } from './list-social-resources';
import { presentSocialResource } from './present';
import { assertResourceReferences, socialResourceColumns } from './resource-columns';
import type { SocialResourceInput } from './schema';

/** Loads a resource in the actor's municipality for a change, or 404 (audited as an attempt). */
export async function loadResourceToManage(
  deps: AppDeps,
  ctx: ActorContext,
  id: string,
  action: string,
) {
  const current = await socialResourceRows(new ScopedReader(deps.database.db, ctx.actor))
    .where('social_resource.id', '=', id)
    .executeTakeFirst();
  if (!current) throw notFound({ action, subjectType: 'social_resource', subjectId: id });
  authorize(
    ctx.actor,
    'socialResource.manage',
    { municipalityId: current.municipality_id },
    { subjectType: 'social_resource', subjectId: id },
  );
  return current;
}

export async function updateSocialResource(
  deps: AppDeps,
  ctx: ActorContext,
  id: string,
  input: SocialResourceInput & { version: number },
) {
  const current = await loadResourceToManage(deps, ctx, id, 'social_resource.update');
  if (current.version !== input.version)
    throw versionConflict(presentSocialResource(ctx.actor, current));
  await assertResourceReferences(deps.database.db, current.municipality_id, input);
  const columns = socialResourceColumns(input);
  try {
    const saved = await deps.database.db.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable('social_resource')
        .set({ ...columns, version: input.version + 1, updated_at: deps.now() })
        .where('id', '=', id)
        .where('version', '=', input.version)
        .returning('id')
        .executeTakeFirst();
      if (!row) return false;
      const { search_text: _, ...audited } = columns;
      await recordAudit(trx, ctx, {
        action: 'social_resource.update',
        outcome: 'success',
        subjectType: 'social_resource',
        subjectId: id,
        legalBasis: 'administration',
        detail: { changed: changedFields(current, audited) },
      });
      return true;
    });
    if (!saved) throw versionConflict(await getSocialResource(deps, ctx, id));
    return getSocialResource(deps, ctx, id);
  } catch (error) {
    rethrowDuplicateName(error);
  }
}

/** Takes a resource out of the lists (kept for the plans and gaps that name it), or back in. */
export async function archiveSocialResource(
  deps: AppDeps,
  ctx: ActorContext,
  id: string,
  input: { version: number; archived: boolean },
) {
  const current = await loadResourceToManage(deps, ctx, id, 'social_resource.archive');
  if (current.version !== input.version)
    throw versionConflict(presentSocialResource(ctx.actor, current));
  const now = deps.now();
  const saved = await deps.database.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('social_resource')
      .set({
        archived_at: input.archived ? (current.archived_at ?? now) : null,
        version: input.version + 1,
        updated_at: now,
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .returning('id')
      .executeTakeFirst();
    if (!row) return false;
    await recordAudit(trx, ctx, {
      action: input.archived ? 'social_resource.archive' : 'social_resource.restore',
      outcome: 'success',
      subjectType: 'social_resource',
      subjectId: id,
      legalBasis: 'administration',
    });
    return true;
  });
  if (!saved) throw versionConflict(await getSocialResource(deps, ctx, id));
  return getSocialResource(deps, ctx, id);
}
