import { auditCase, loadCaseToWork } from '../cases/case-access';
import type { ActorContext, AppDeps } from '../http/context';
import { fieldError, notFound, versionConflict } from '../http/domain-error';

/** The person withdraws consent: from that day nothing is shared on its basis. */
export async function withdrawConsent(
  deps: AppDeps,
  ctx: ActorContext,
  caseId: string,
  consentId: string,
  input: { version: number; withdrawnOn: string; reason: string | null },
) {
  const { row } = await loadCaseToWork(deps, ctx, caseId, 'consent.withdraw');
  const db = deps.database.db;
  const current = await db
    .selectFrom('consent')
    .selectAll()
    .where('id', '=', consentId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  if (!current)
    throw notFound({ action: 'consent.withdraw', subjectType: 'consent', subjectId: consentId });
  if (current.withdrawn_on) throw fieldError('withdrawnOn', 'alreadyWithdrawn');
  if (input.withdrawnOn < current.given_on) throw fieldError('withdrawnOn', 'endBeforeStart');
  if (current.version !== input.version) throw versionConflict(current);
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('consent')
      .set({
        withdrawn_on: input.withdrawnOn,
        withdrawal_reason: input.reason,
        withdrawal_recorded_by: ctx.actor.userId,
        version: input.version + 1,
      })
      .where('id', '=', consentId)
      .where('version', '=', input.version)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw versionConflict(current);
    await auditCase(trx, ctx, row, 'consent.withdraw', { type: 'consent', id: consentId });
    return updated;
  });
}
