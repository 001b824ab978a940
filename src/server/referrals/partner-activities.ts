import { activityAllowed, type ReferralStatus } from '../../domain/referrals/referral-status';
import { todayInJapan } from '../../domain/text/wareki';
import { ScopedReader } from '../access/scoped-reader';
import type { ActorContext, AppDeps } from '../http/context';
import { DomainError, fieldError, forbidden, versionConflict } from '../http/domain-error';
import { presentActivity } from './present';
import { auditShared, coveringConsent, loadReferral } from './referral-access';
import type { ActivityInput } from './schema';

/** The receiver records its work only while it has the person on (accepted, or arrived). */
function assertActivityAllowed(status: ReferralStatus, action: 'add_activity' | 'update_activity') {
  if (!activityAllowed(status)) {
    throw new DomainError('REFERRAL_STEP_NOT_ALLOWED', {
      details: { status, action, allowedActions: [] },
    });
  }
}

/**
 * What the receiving agency did for the person (訪問, 面談, a service started …), recorded by
 * its own staff once it has taken the person on. The case's workers see it on the case; the
 * partner sees its own agency's records only.
 */
export async function addPartnerActivity(
  deps: AppDeps,
  ctx: ActorContext,
  referralId: string,
  input: ActivityInput,
) {
  const loaded = await loadReferral(deps, ctx, referralId, 'partnerActivity.create');
  const { referral, kase } = loaded;
  if (loaded.party !== 'receiver' || !ctx.actor.partnerAgencyId) {
    throw forbidden({
      action: 'partnerActivity.create',
      subjectType: 'referral',
      subjectId: referralId,
      personId: kase.person_id,
    });
  }
  assertActivityAllowed(referral.status, 'add_activity');
  const now = deps.now();
  if (input.occurredOn > todayInJapan(now)) throw fieldError('occurredOn', 'futureDate');
  if (input.occurredOn < referral.referred_on) throw fieldError('occurredOn', 'notBeforeReferral');
  const consentId = await coveringConsent(deps, kase.id, referral.partner_agency_id);
  const partnerAgencyId = ctx.actor.partnerAgencyId;
  return deps.database.db.transaction().execute(async (trx) => {
    const created = await trx
      .insertInto('partner_activity')
      .values({
        municipality_id: kase.municipality_id,
        case_id: kase.id,
        partner_agency_id: partnerAgencyId,
        referral_id: referralId,
        occurred_on: input.occurredOn,
        kind: input.kind,
        summary: input.summary,
        recorded_by: ctx.actor.userId,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await auditShared(trx, ctx, {
      action: 'partnerActivity.create',
      kase,
      subject: { type: 'partner_activity', id: created.id },
      consentId,
      referralId,
    });
    return presentActivity(created);
  });
}

/**
 * Corrects one of the agency's own records, at the version it was read, while the referral still
 * allows recording (as for adding).
 */
export async function updatePartnerActivity(
  deps: AppDeps,
  ctx: ActorContext,
  referralId: string,
  activityId: string,
  input: { version: number; activity: ActivityInput },
) {
  const loaded = await loadReferral(deps, ctx, referralId, 'partnerActivity.update');
  const { referral, kase } = loaded;
  const db = deps.database.db;
  const current =
    loaded.party === 'receiver'
      ? await new ScopedReader(db, ctx.actor)
          .partnerActivities()
          .selectAll()
          .where('partner_activity.id', '=', activityId)
          .where('partner_activity.referral_id', '=', referralId)
          .executeTakeFirst()
      : undefined;
  if (!current) {
    throw forbidden({
      action: 'partnerActivity.update',
      subjectType: 'partner_activity',
      subjectId: activityId,
      personId: kase.person_id,
    });
  }
  // The same rule as adding: once the referral is returned, declined or over, the record stands.
  assertActivityAllowed(referral.status, 'update_activity');
  const now = deps.now();
  const activity = input.activity;
  if (activity.occurredOn > todayInJapan(now)) throw fieldError('occurredOn', 'futureDate');
  if (activity.occurredOn < referral.referred_on)
    throw fieldError('occurredOn', 'notBeforeReferral');
  if (current.version !== input.version) throw versionConflict(presentActivity(current));
  const consentId = await coveringConsent(deps, kase.id, referral.partner_agency_id);
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('partner_activity')
      .set({
        occurred_on: activity.occurredOn,
        kind: activity.kind,
        summary: activity.summary,
        version: input.version + 1,
        updated_at: now,
      })
      .where('id', '=', activityId)
      .where('version', '=', input.version)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw versionConflict(presentActivity(current));
    await auditShared(trx, ctx, {
      action: 'partnerActivity.update',
      kase,
      subject: { type: 'partner_activity', id: activityId },
      consentId,
      referralId,
    });
    return presentActivity(updated);
  });
}
