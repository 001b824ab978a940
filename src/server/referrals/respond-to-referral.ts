import { eventOf } from '../../domain/referrals/referral-status';
import type { ActorContext, AppDeps } from '../http/context';
import { versionConflict } from '../http/domain-error';
import { assertReferralStep, auditShared, coveringConsent, loadReferral } from './referral-access';
import type { ReferralResponseInput } from './schema';
import { receiverView } from './shared-views';

/**
 * The receiving agency answers a referral: it accepts the person, declines, or returns them to
 * the sender (つなぎもどし) — the last two with the reason, which goes to the sending worker's
 * list. Only staff of the agency referred to may answer. The answer — and the 409 of a stale
 * one — carries the referral as the receiver sees it (shared-views.ts), never the sender's record.
 */
export async function respondToReferral(
  deps: AppDeps,
  ctx: ActorContext,
  referralId: string,
  input: ReferralResponseInput,
) {
  const loaded = await loadReferral(deps, ctx, referralId, 'referral.respond');
  const action = input.response;
  const to = assertReferralStep(loaded, action);
  const current = loaded.referral;
  const consentId = await coveringConsent(deps, current.case_id, current.partner_agency_id);
  const asReceiver = (r: typeof current) =>
    receiverView(deps, ctx, loaded.kase, r, consentId !== null);
  if (current.version !== input.version) throw versionConflict(await asReceiver(current));
  const db = deps.database.db;
  const now = deps.now();
  const updated = await db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('referral')
      .set({
        status: to,
        responded_at: now,
        responded_by: ctx.actor.userId,
        response_reason: input.reason,
        version: input.version + 1,
        updated_at: now,
      })
      .where('id', '=', referralId)
      .where('version', '=', input.version)
      .returningAll()
      .executeTakeFirst();
    // Nothing written yet: the conflict is answered outside the transaction.
    if (!row) return null;
    await trx
      .insertInto('referral_event')
      .values({
        referral_id: referralId,
        case_id: current.case_id,
        municipality_id: current.municipality_id,
        event: eventOf(action),
        actor_user_id: ctx.actor.userId,
        actor_partner_agency_id: ctx.actor.partnerAgencyId,
        occurred_at: now,
        reason: input.reason,
      })
      .execute();
    await auditShared(trx, ctx, {
      action: 'referral.respond',
      kase: loaded.kase,
      subject: { type: 'referral', id: referralId },
      consentId,
      detail: { response: input.response },
    });
    return row;
  });
  if (!updated) throw versionConflict(await asReceiver(current));
  return asReceiver(updated);
}
