import { changedFields } from '../audit/changed-fields';
import type { ActorContext, AppDeps } from '../http/context';
import { notFound, versionConflict } from '../http/domain-error';
import { auditCase, loadCaseToWork } from './case-access';
import type { EmergencyInput } from './schema';

function columns(input: EmergencyInput) {
  return {
    kind: input.kind,
    kind_other: input.kind === 'other' ? input.kindOther : null,
    requested_on: input.requestedOn,
    started_on: input.startedOn,
    ended_on: input.endedOn,
    outcome: input.outcome,
    detail: input.detail,
  };
}

/**
 * 緊急的な支援: help before any plan (住居確保給付金, 一時生活支援, 生活保護, 緊急小口資金, food,
 * debt settlement), recorded in any status while the case is open.
 */
export async function recordEmergencySupport(
  deps: AppDeps,
  ctx: ActorContext,
  caseId: string,
  input: EmergencyInput,
) {
  const { row } = await loadCaseToWork(deps, ctx, caseId, 'emergency_support.create');
  return deps.database.db.transaction().execute(async (trx) => {
    const created = await trx
      .insertInto('emergency_support')
      .values({
        ...columns(input),
        case_id: caseId,
        municipality_id: row.municipality_id,
        recorded_by: ctx.actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await auditCase(
      trx,
      ctx,
      row,
      'emergency_support.create',
      { type: 'emergency_support', id: created.id },
      {
        kind: input.kind,
      },
    );
    return created;
  });
}

export async function updateEmergencySupport(
  deps: AppDeps,
  ctx: ActorContext,
  caseId: string,
  id: string,
  input: { version: number; emergency: EmergencyInput },
) {
  const { row } = await loadCaseToWork(deps, ctx, caseId, 'emergency_support.update');
  const db = deps.database.db;
  const current = await db
    .selectFrom('emergency_support')
    .selectAll()
    .where('id', '=', id)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  if (!current)
    throw notFound({
      action: 'emergency_support.update',
      subjectType: 'emergency_support',
      subjectId: id,
    });
  if (current.version !== input.version) throw versionConflict(current);
  const changes = columns(input.emergency);
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('emergency_support')
      .set({ ...changes, version: input.version + 1, updated_at: deps.now() })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw versionConflict(current);
    await auditCase(
      trx,
      ctx,
      row,
      'emergency_support.update',
      { type: 'emergency_support', id },
      {
        changed: changedFields(current, changes),
      },
    );
    return updated;
  });
}
