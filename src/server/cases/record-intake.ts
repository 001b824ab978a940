import type { ActorContext, AppDeps } from '../http/context';
import { auditCase, loadCaseToWork } from './case-access';
import { intakeColumns } from './intake-columns';
import type { IntakeInput } from './schema';
import { transitionCase } from './transition';

/** A lead becomes a consultation: the person came, or was reached. */
export async function recordIntake(
  deps: AppDeps,
  ctx: ActorContext,
  caseId: string,
  input: { version: number; intake: IntakeInput },
) {
  const { row } = await loadCaseToWork(deps, ctx, caseId, 'case.record_intake');
  return deps.database.db.transaction().execute(async (trx) => {
    const updated = await transitionCase(trx, ctx, row, 'record_intake', {
      now: deps.now(),
      version: input.version,
      changes: { intake_on: input.intake.receivedOn },
    });
    await trx
      .insertInto('intake')
      .values({
        ...intakeColumns(input.intake),
        case_id: row.id,
        municipality_id: row.municipality_id,
        received_by: ctx.actor.userId,
      })
      .execute();
    await auditCase(trx, ctx, row, 'intake.create', { type: 'case', id: row.id });
    return updated;
  });
}
