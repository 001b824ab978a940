import { changedFields } from '../audit/changed-fields';
import type { ActorContext, AppDeps } from '../http/context';
import { notFound, versionConflict } from '../http/domain-error';
import { auditCase, loadCaseToWork } from './case-access';
import { intakeColumns } from './intake-columns';
import type { IntakeInput } from './schema';

/** Corrections to the 相談受付・申込票 after the day (a stale save answers 409). */
export async function updateIntake(
  deps: AppDeps,
  ctx: ActorContext,
  caseId: string,
  input: { version: number; intake: IntakeInput },
) {
  const { row } = await loadCaseToWork(deps, ctx, caseId, 'intake.update');
  const db = deps.database.db;
  const current = await db
    .selectFrom('intake')
    .selectAll()
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  if (!current) throw notFound({ action: 'intake.update', subjectType: 'case', subjectId: caseId });
  if (current.version !== input.version) throw versionConflict(current);
  const columns = intakeColumns(input.intake);
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('intake')
      .set({ ...columns, version: input.version + 1, updated_at: deps.now() })
      .where('case_id', '=', caseId)
      .where('version', '=', input.version)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw versionConflict(current);
    if (current.received_on !== input.intake.receivedOn) {
      await trx
        .updateTable('support_case')
        .set({ intake_on: input.intake.receivedOn })
        .where('id', '=', caseId)
        .execute();
    }
    await auditCase(
      trx,
      ctx,
      row,
      'intake.update',
      { type: 'case', id: caseId },
      {
        changed: changedFields(current, columns),
      },
    );
    return updated;
  });
}
