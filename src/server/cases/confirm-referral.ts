import { todayInJapan } from '../../domain/text/wareki';
import type { ActorContext, AppDeps } from '../http/context';
import { notFound, versionConflict } from '../http/domain-error';
import { auditCase, loadCaseToWork } from './case-access';

/** The follow-up of a referral: did the person arrive? (つないだ後の確認) */
export async function confirmReferral(
  deps: AppDeps,
  ctx: ActorContext,
  caseId: string,
  referralId: string,
  input: {
    version: number;
    status: 'arrived' | 'not_arrived' | 'cancelled';
    confirmedOn: string | null;
    note: string | null;
  },
) {
  const { row } = await loadCaseToWork(deps, ctx, caseId, 'referral.confirm');
  const db = deps.database.db;
  const current = await db
    .selectFrom('referral')
    .selectAll()
    .where('id', '=', referralId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  if (!current)
    throw notFound({ action: 'referral.confirm', subjectType: 'referral', subjectId: referralId });
  if (current.version !== input.version) throw versionConflict(current);
  const confirmedOn =
    input.status === 'cancelled' ? null : (input.confirmedOn ?? todayInJapan(deps.now()));
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('referral')
      .set({
        status: input.status,
        confirmed_on: confirmedOn,
        confirmation_note: input.note,
        version: input.version + 1,
        updated_at: deps.now(),
      })
      .where('id', '=', referralId)
      .where('version', '=', input.version)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw versionConflict(current);
    await auditCase(
      trx,
      ctx,
      row,
      'referral.confirm',
      { type: 'referral', id: referralId },
      {
        status: input.status,
      },
    );
    return updated;
  });
}
