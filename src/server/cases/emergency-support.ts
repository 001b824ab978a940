import type { ActorContext, AppDeps } from '../http/context';
import { auditCase, correctCaseRecord, loadCaseToWork } from './case-access';
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
  return correctCaseRecord(deps, ctx, caseId, {
    action: 'emergency_support.update',
    subject: { type: 'emergency_support', id },
    version: input.version,
    load: (db) =>
      db
        .selectFrom('emergency_support')
        .selectAll()
        .where('id', '=', id)
        .where('case_id', '=', caseId)
        .executeTakeFirst(),
    changes: () => columns(input.emergency),
    write: (trx, changes, stamp) =>
      trx
        .updateTable('emergency_support')
        .set({ ...(changes as ReturnType<typeof columns>), ...stamp })
        .where('id', '=', id)
        .where('version', '=', input.version)
        .returningAll()
        .executeTakeFirst(),
  });
}
