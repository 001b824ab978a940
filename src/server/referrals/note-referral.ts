import { auditCase, loadCaseToWork } from '../cases/case-access';
import { presentReferral } from '../cases/present';
import type { ActorContext, AppDeps } from '../http/context';
import { DomainError, versionConflict } from '../http/domain-error';
import { loadReferralOfCase } from './referral-access';

/**
 * The sending worker has read a decline or a return (つなぎもどし) and taken it from there —
 * continued the support here or referred again — so it leaves their list of alerts.
 */
export async function noteReferral(
  deps: AppDeps,
  ctx: ActorContext,
  caseId: string,
  referralId: string,
  input: { version: number },
) {
  const { row } = await loadCaseToWork(deps, ctx, caseId, 'referral.note');
  const db = deps.database.db;
  const { referral } = await loadReferralOfCase(db, ctx.actor, row, referralId, 'referral.note');
  if ((referral.status !== 'declined' && referral.status !== 'returned') || referral.noted_at) {
    throw new DomainError('REFERRAL_STEP_NOT_ALLOWED', {
      details: { status: referral.status, action: 'note', allowedActions: [] },
    });
  }
  if (referral.version !== input.version) throw versionConflict(presentReferral(referral));
  const now = deps.now();
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('referral')
      .set({
        noted_at: now,
        noted_by: ctx.actor.userId,
        version: input.version + 1,
        updated_at: now,
      })
      .where('id', '=', referralId)
      .where('version', '=', input.version)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw versionConflict(presentReferral(referral));
    await auditCase(trx, ctx, row, 'referral.note', { type: 'referral', id: referralId });
    return updated;
  });
}
