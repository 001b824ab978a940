import { handOverVisible } from '../../domain/referrals/referral-status';
import { ageOn, todayInJapan } from '../../domain/text/wareki';
import { ScopedReader } from '../access/scoped-reader';
import { recordAudit } from '../audit/record-audit';
import type { ActorContext, AppDeps } from '../http/context';
import { DomainError, forbidden } from '../http/domain-error';
import { presentActivity } from './present';
import { auditShared, coveringConsent, isPartnerStaff } from './referral-access';
import { personBasics, referralViews } from './shared-views';

/**
 * What partner staff see of a person referred to their agency (DOMAIN.md §1: "see only what they
 * are entitled to"): the name, reading and age — not the birth date, address or telephone, nor
 * the 要配慮 categories, unless the hand-over itself says them — and, per referral, the reason,
 * the history and the hand-over with its documents while the person's consent covers the agency.
 * After a withdrawal the hand-over is withheld and the refused read is audited. Their own
 * agency's records of what it did come with it; nothing else of the case does.
 */
async function partnerContext(deps: AppDeps, ctx: ActorContext, caseId: string, action: string) {
  if (!isPartnerStaff(ctx.actor))
    throw forbidden({ action, subjectType: 'case', subjectId: caseId });
  const db = deps.database.db;
  const reader = new ScopedReader(db, ctx.actor);
  const kase = await reader
    .sharedCases()
    .selectAll()
    .where('support_case.id', '=', caseId)
    .executeTakeFirst();
  // Any case not shared with the agency is refused alike, whether it exists or not.
  if (!kase) throw forbidden({ action, subjectType: 'case', subjectId: caseId });
  return { db, reader, kase, partnerAgencyId: ctx.actor.partnerAgencyId };
}

/** The people referred to the partner's agency, newest referral first. */
export async function listSharedCases(deps: AppDeps, ctx: ActorContext) {
  if (!isPartnerStaff(ctx.actor)) throw forbidden({ action: 'sharedCase.list' });
  const db = deps.database.db;
  const today = todayInJapan(deps.now());
  const rows = await new ScopedReader(db, ctx.actor)
    .sharedCases()
    .innerJoin('person', 'person.id', 'support_case.person_id')
    .select((eb) => [
      'support_case.id',
      'person.id as person_id',
      'person.name',
      'person.name_kana',
      'person.birth_date',
      eb
        .selectFrom('referral')
        .select((r) => r.fn.max('referral.referred_on').as('latest'))
        .whereRef('referral.case_id', '=', 'support_case.id')
        .where('referral.partner_agency_id', '=', ctx.actor.partnerAgencyId)
        // As ScopedReader.referrals(): not one cancelled before the agency accepted it.
        .where((r) =>
          r.or([
            r('referral.status', '<>', 'cancelled'),
            r('referral.responded_at', 'is not', null),
          ]),
        )
        .as('latest_referral'),
    ])
    .orderBy('latest_referral', 'desc')
    .limit(200)
    .execute();
  if (rows.length > 0) {
    await recordAudit(db, ctx, {
      action: 'sharedCase.list',
      outcome: 'success',
      subjectType: 'case',
      personIds: rows.map((r) => r.person_id),
      legalBasis: 'consent',
    });
  }
  return rows.map((r) => ({
    caseId: r.id,
    name: r.name,
    nameKana: r.name_kana,
    age: r.birth_date ? ageOn(r.birth_date, today) : null,
    latestReferral: r.latest_referral,
  }));
}

/**
 * One person as shared with the partner's agency: 403 and audited for anyone else, and for any
 * case without a referral to their agency.
 */
export async function getSharedCase(deps: AppDeps, ctx: ActorContext, caseId: string) {
  const { db, reader, kase, partnerAgencyId } = await partnerContext(
    deps,
    ctx,
    caseId,
    'sharedCase.read',
  );
  const [referrals, activities, meetings, person, consentId] = await Promise.all([
    reader
      .referrals()
      .selectAll()
      .where('referral.case_id', '=', caseId)
      .orderBy('referral.referred_on', 'desc')
      .execute(),
    reader
      .partnerActivities()
      .selectAll()
      .where('partner_activity.case_id', '=', caseId)
      .orderBy('partner_activity.occurred_on', 'desc')
      .execute(),
    // The meetings where the case is discussed with the agency invited for it (issue 7); what may
    // be read there is decided on the meeting's page.
    reader
      .meetings()
      .innerJoin('meeting_item', 'meeting_item.meeting_id', 'meeting.id')
      .innerJoin('meeting_series', 'meeting_series.id', 'meeting.series_id')
      .select(['meeting.id', 'meeting.held_on', 'meeting_series.name as series_name'])
      .where('meeting_item.case_id', '=', caseId)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('meeting_item_guest')
            .select('meeting_item_guest.id')
            .whereRef('meeting_item_guest.item_id', '=', 'meeting_item.id')
            .where('meeting_item_guest.partner_agency_id', '=', partnerAgencyId),
        ),
      )
      .orderBy('meeting.held_on', 'desc')
      .execute(),
    personBasics(deps, kase),
    coveringConsent(deps, caseId, partnerAgencyId),
  ]);
  const views = await referralViews(deps, ctx, kase, referrals, consentId !== null);
  const recorders = [...new Set(activities.map((a) => a.recorded_by))];
  const staff = recorders.length
    ? await db
        .selectFrom('app_user')
        .select(['id', 'display_name'])
        .where('id', 'in', recorders)
        .where('municipality_id', '=', kase.municipality_id)
        .execute()
    : [];
  await auditShared(db, ctx, {
    action: 'sharedCase.read',
    kase,
    subject: { type: 'case', id: caseId },
    consentId,
    referralId: referrals[0]?.id ?? caseId,
    ...(person.sensitive.length > 0 ? { detail: { sensitive: person.sensitive } } : {}),
  });
  const open = referrals.find((r) => r.status === 'accepted' || r.status === 'arrived');
  return {
    caseId,
    person: person.view,
    consentCovers: consentId !== null,
    referrals: views,
    activities: activities.map((a) => ({
      ...presentActivity(a),
      recordedByName: staff.find((s) => s.id === a.recorded_by)?.display_name ?? null,
    })),
    meetings: meetings.map((m) => ({ id: m.id, heldOn: m.held_on, seriesName: m.series_name })),
    abilities: {
      /** The referral the agency records its work under: the one it has taken the person on by. */
      activityReferralId: open?.id ?? null,
    },
  };
}

export type SharedCaseView = Awaited<ReturnType<typeof getSharedCase>>;

/**
 * A document handed over with a referral, for the agency referred to: only while the consent
 * covers it (403 HAND_OVER_WITHHELD and audited otherwise).
 */
export async function readSharedDocument(
  deps: AppDeps,
  ctx: ActorContext,
  caseId: string,
  referralId: string,
  attachmentId: string,
) {
  const { db, reader, kase, partnerAgencyId } = await partnerContext(
    deps,
    ctx,
    caseId,
    'referral.document.read',
  );
  const referral = await reader
    .referrals()
    .selectAll()
    .where('referral.id', '=', referralId)
    .where('referral.case_id', '=', caseId)
    .executeTakeFirst();
  const linked = referral
    ? await db
        .selectFrom('referral_attachment')
        .select('attachment_id')
        .where('referral_id', '=', referralId)
        .where('attachment_id', '=', attachmentId)
        .executeTakeFirst()
    : undefined;
  const denied = {
    action: 'referral.document.read',
    subjectType: 'attachment',
    subjectId: attachmentId,
    personId: kase.person_id,
  };
  if (!referral || !linked) throw forbidden(denied);
  const consentId = await coveringConsent(deps, caseId, partnerAgencyId);
  if (!handOverVisible(referral.status, consentId !== null)) {
    throw new DomainError('HAND_OVER_WITHHELD', { denied });
  }
  const file = await db
    .selectFrom('attachment')
    .select(['id', 'file_name', 'media_type', 'content'])
    .where('id', '=', attachmentId)
    .where('case_id', '=', caseId)
    .executeTakeFirstOrThrow();
  await auditShared(db, ctx, {
    action: 'referral.document.read',
    kase,
    subject: { type: 'attachment', id: attachmentId },
    consentId,
  });
  return file;
}
