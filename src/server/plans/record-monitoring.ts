import type { Selectable } from 'kysely';
import { auditCase, loadCaseToWork } from '../cases/case-access';
import type { MonitoringTable } from '../db/schema';
import type { ActorContext, AppDeps } from '../http/context';
import { DomainError, notFound, versionConflict } from '../http/domain-error';
import { presentMonitoring } from './present';
import type { MonitoringInput } from './schema';

const columns = (input: MonitoringInput) => ({
  done_on: input.doneOn,
  services_delivered: input.servicesDelivered,
  progress: input.progress,
  changes: input.changes,
  next_action: input.nextAction,
});

/**
 * モニタリング: on a date the plan set (the scheduled row is filled in), or whenever something
 * changes (a row of its own). Are the services delivered, is the person moving toward the goals?
 */
export async function recordMonitoring(
  deps: AppDeps,
  ctx: ActorContext,
  caseId: string,
  monitoringId: string | null,
  input: MonitoringInput,
) {
  const { row } = await loadCaseToWork(deps, ctx, caseId, 'monitoring.record');
  const db = deps.database.db;
  return db.transaction().execute(async (trx) => {
    let saved: Selectable<MonitoringTable> | undefined;
    if (monitoringId) {
      const current = await trx
        .selectFrom('monitoring')
        .selectAll()
        .where('id', '=', monitoringId)
        .where('case_id', '=', caseId)
        .executeTakeFirst();
      if (!current)
        throw notFound({
          action: 'monitoring.record',
          subjectType: 'monitoring',
          subjectId: monitoringId,
        });
      const expected = input.version ?? current.version;
      saved = await trx
        .updateTable('monitoring')
        .set({
          ...columns(input),
          recorded_by: ctx.actor.userId,
          version: expected + 1,
          updated_at: deps.now(),
        })
        .where('id', '=', monitoringId)
        .where('version', '=', expected)
        .returningAll()
        .executeTakeFirst();
      if (!saved) throw versionConflict(presentMonitoring(current));
    } else {
      const active = await trx
        .selectFrom('plan')
        .select('id')
        .where('case_id', '=', caseId)
        .where('status', '=', 'active')
        .executeTakeFirst();
      if (!active) throw new DomainError('PLAN_REQUIRED');
      saved = await trx
        .insertInto('monitoring')
        .values({
          ...columns(input),
          municipality_id: row.municipality_id,
          case_id: caseId,
          plan_id: active.id,
          due_on: input.doneOn,
          recorded_by: ctx.actor.userId,
        })
        .onConflict((oc) =>
          oc
            .columns(['plan_id', 'due_on'])
            .doUpdateSet({ ...columns(input), recorded_by: ctx.actor.userId }),
        )
        .returningAll()
        .executeTakeFirstOrThrow();
    }
    await auditCase(
      trx,
      ctx,
      row,
      'monitoring.record',
      { type: 'monitoring', id: saved.id },
      {
        nextAction: input.nextAction,
      },
    );
    return presentMonitoring(saved);
  });
}
