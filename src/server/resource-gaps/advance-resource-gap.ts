import {
  resourceGapStepsFrom,
  resourceGapTarget,
} from '../../domain/resources/resource-gap-status';
import { recordAudit } from '../audit/record-audit';
import { isUniqueViolation } from '../db/errors';
import type { ActorContext, AppDeps } from '../http/context';
import { DomainError, fieldError, versionConflict } from '../http/domain-error';
import { insertSocialResource } from '../resources/create-social-resource';
import { getResourceGap, loadResourceGap } from './get-resource-gap';
import type { ResourceGapStepInput } from './schema';

/**
 * Moves a gap one step along its lifecycle (domain/resources/resource-gap-status.ts), at the
 * version the user saw. The last step names the resource that resulted — one from the directory
 * (not archived), or one made here in the same transaction — so a created gap always points at
 * something that can be chosen in a plan. Each step leaves its history row and its audit row.
 */
export async function advanceResourceGap(
  deps: AppDeps,
  ctx: ActorContext,
  id: string,
  input: ResourceGapStepInput,
) {
  const { row, reader } = await loadResourceGap(deps, ctx, id, `resource_gap.${input.step}`);
  const conflict = async () => versionConflict(await getResourceGap(deps, ctx, id));
  if (row.version !== input.version) throw await conflict();
  const target = resourceGapTarget(row.status, input.step);
  if (!target) {
    throw new DomainError('VALIDATION_FAILED', {
      fields: [{ path: 'step', key: 'invalidChoice' }],
      details: { status: row.status, allowed: resourceGapStepsFrom(row.status) },
    });
  }
  if (input.step === 'create' && input.resourceId) {
    const resource = await reader
      .socialResources()
      .select(['id', 'archived_at'])
      .where('social_resource.id', '=', input.resourceId)
      .executeTakeFirst();
    if (!resource || resource.archived_at) throw fieldError('resourceId', 'unknownReference');
  }
  const now = deps.now();
  try {
    const moved = await deps.database.db.transaction().execute(async (trx) => {
      const resourceId =
        input.step !== 'create'
          ? null
          : input.resource
            ? await insertSocialResource(trx, ctx, input.resource, {
                prefix: 'resource.',
                detail: { resourceGapId: id },
              })
            : input.resourceId;
      const updated = await trx
        .updateTable('resource_gap')
        .set({
          status: target,
          ...(resourceId ? { resource_id: resourceId } : {}),
          ...(input.step === 'close' ? { closed_reason: input.reason } : {}),
          status_changed_at: now,
          version: input.version + 1,
          updated_at: now,
        })
        .where('id', '=', id)
        .where('version', '=', input.version)
        .returning('id')
        .executeTakeFirst();
      if (!updated) return false;
      await trx
        .insertInto('resource_gap_event')
        .values({
          gap_id: id,
          municipality_id: row.municipality_id,
          step: input.step,
          from_status: row.status,
          to_status: target,
          note: input.step === 'close' ? (input.note ?? input.reason) : input.note,
          resource_id: resourceId,
          actor_user_id: ctx.actor.userId,
          occurred_at: now,
        })
        .execute();
      await recordAudit(trx, ctx, {
        action: `resource_gap.${input.step}`,
        outcome: 'success',
        subjectType: 'resource_gap',
        subjectId: id,
        legalBasis: 'administration',
        detail: {
          from: row.status,
          to: target,
          ...(resourceId ? { resourceId, resourceCreated: Boolean(input.resource) } : {}),
        },
      });
      return true;
    });
    if (!moved) throw await conflict();
  } catch (error) {
    if (isUniqueViolation(error))
      throw new DomainError('DUPLICATE_NAME', {
        fields: [{ path: 'resource.name', key: 'duplicateName' }],
      });
    throw error;
  }
  return getResourceGap(deps, ctx, id);
}
