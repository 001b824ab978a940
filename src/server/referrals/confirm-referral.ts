import { eventOf, type ReferralAction } from '../../domain/referrals/referral-status';
import { todayInJapan } from '../../domain/text/wareki';
import { auditCase, loadCaseToWork } from '../cases/case-access';
import { presentReferral } from '../cases/present';
import type { ActorContext, AppDeps } from '../http/context';
import { fieldError, versionConflict } from '../http/domain-error';
import { assertReferralStep, loadReferralOfCase } from './referral-access';
import type { ReferralConfirmInput } from './schema';

const actionOf: Record<ReferralConfirmInput['status'], ReferralAction> = {
  arrived: 'confirm_arrival',
  not_arrived: 'confirm_not_arrived',
  cancelled: 'cancel',
};

/**
 * The sender's follow-up of a referral (つないだ後の確認): the person arrived, did not, or the
 * referral is cancelled. Until then the case keeps its lead worker.
 */
export async function confirmReferral(
  deps: AppDeps,
  ctx: ActorContext,
  caseId: string,
  referralId: string,
  input: ReferralConfirmInput,
) {
  const { row } = await loadCaseToWork(deps, ctx, caseId, 'referral.confirm');
  const db = deps.database.db;
  const loaded = await loadReferralOfCase(db, ctx.actor, row, referralId, 'referral.confirm');
  const current = loaded.referral;
  const action = actionOf[input.status];
  const to = assertReferralStep(loaded, action);
  if (current.version !== input.version) throw versionConflict(presentReferral(current));
  const now = deps.now();
  const today = todayInJapan(now);
  const confirmedOn = action === 'cancel' ? null : (input.confirmedOn ?? today);
  if (confirmedOn !== null && confirmedOn < current.referred_on)
    throw fieldError('confirmedOn', 'notBeforeReferral');
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('referral')
      .set({
        status: to,
        confirmed_on: confirmedOn,
        confirmation_note: input.note,
        version: input.version + 1,
        updated_at: now,
      })
      .where('id', '=', referralId)
      .where('version', '=', input.version)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw versionConflict(presentReferral(current));
    await trx
      .insertInto('referral_event')
      .values({
        referral_id: referralId,
        case_id: caseId,
        municipality_id: row.municipality_id,
        event: eventOf(action),
        actor_user_id: ctx.actor.userId,
        occurred_at: now,
        reason: input.note,
      })
      .execute();
    await auditCase(
      trx,
      ctx,
      row,
      'referral.confirm',
      { type: 'referral', id: referralId },
      { status: to },
    );
    return updated;
  });
}
