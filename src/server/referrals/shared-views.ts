import { handOverVisible } from '../../domain/referrals/referral-status';
import { ageOn, todayInJapan } from '../../domain/text/wareki';
import type { Referral, SupportCase } from '../db/schema';
import type { ActorContext, AppDeps } from '../http/context';
import { presentEvent } from './present';
import { auditWithheld } from './referral-access';

/**
 * Referrals as their receiver sees them: reason, history, who sent them and who keeps the case,
 * and the hand-over with its documents only where it may be shown (a withheld hand-over is
 * audited as a refused read). The person by name, reading and age only.
 */
export async function referralViews(
  deps: AppDeps,
  ctx: ActorContext,
  kase: SupportCase,
  referrals: readonly Referral[],
  /** The hand-over may be shown: the partner's consent covers it, or the reader works the case. */
  handOverAllowed: boolean,
) {
  const db = deps.database.db;
  const ids = referrals.map((r) => r.id);
  const [events, documents, senders] = await Promise.all([
    ids.length
      ? db
          .selectFrom('referral_event')
          .selectAll()
          .where('referral_id', 'in', ids)
          .orderBy('id')
          .execute()
      : Promise.resolve([]),
    ids.length
      ? db
          .selectFrom('referral_attachment')
          .innerJoin('attachment', 'attachment.id', 'referral_attachment.attachment_id')
          .select([
            'referral_attachment.referral_id',
            'attachment.id',
            'attachment.file_name',
            'attachment.media_type',
            'attachment.size_bytes',
          ])
          .where('referral_attachment.referral_id', 'in', ids)
          .execute()
      : Promise.resolve([]),
    db
      .selectFrom('support_agency')
      .select('name')
      .where('id', '=', kase.support_agency_id)
      .executeTakeFirstOrThrow(),
  ]);
  const userIds = [
    ...new Set(
      [
        ...referrals.map((r) => r.created_by),
        ...events.map((e) => e.actor_user_id),
        kase.lead_worker_id,
      ].filter((id): id is string => id !== null),
    ),
  ];
  const names = userIds.length
    ? await db
        .selectFrom('app_user')
        .select(['id', 'display_name'])
        .where('id', 'in', userIds)
        .where('municipality_id', '=', kase.municipality_id)
        .execute()
    : [];
  const nameOf = (id: string | null) => names.find((n) => n.id === id)?.display_name ?? null;
  const withheld: string[] = [];
  const views = referrals.map((r) => {
    const visible = handOverVisible(r.status, handOverAllowed);
    const docs = documents.filter((d) => d.referral_id === r.id);
    const hasHandOver = r.hand_over_summary !== null || docs.length > 0;
    if (!visible && hasHandOver) withheld.push(r.id);
    return {
      id: r.id,
      status: r.status,
      reason: r.reason,
      referredOn: r.referred_on,
      dueOn: r.due_on,
      accompanied: r.accompanied,
      toPublicAssistance: r.to_public_assistance,
      respondedAt: r.responded_at?.toISOString() ?? null,
      responseReason: r.response_reason,
      senderAgency: senders.name,
      senderName: nameOf(r.created_by),
      // The worker who keeps the case until the person has arrived.
      leadWorkerName: nameOf(kase.lead_worker_id),
      handOverSummary: visible ? r.hand_over_summary : null,
      handOverWithheld: !visible && hasHandOver,
      documents: visible
        ? docs.map((d) => ({
            id: d.id,
            fileName: d.file_name,
            mediaType: d.media_type,
            sizeBytes: d.size_bytes,
          }))
        : [],
      events: events
        .filter((e) => e.referral_id === r.id)
        .map((e) => ({ ...presentEvent(e), actorName: nameOf(e.actor_user_id) })),
      version: r.version,
    };
  });
  if (withheld.length > 0) await auditWithheld(db, ctx, kase, withheld);
  return views;
}

/**
 * One referral as its receiver may see it — the same view as the inbox and the shared case: the
 * hand-over only while the consent covers the agency, never the sender's own notes (the
 * confirmation note, the follow-up date, the consent record). What the receiver's answers carry,
 * the 409 of a stale answer included.
 */
export async function receiverView(
  deps: AppDeps,
  ctx: ActorContext,
  kase: SupportCase,
  referral: Referral,
  consentCovers: boolean,
) {
  const [view] = await referralViews(deps, ctx, kase, [referral], consentCovers);
  if (!view) throw new Error(`referral ${referral.id} without its view`);
  return view;
}

export async function personBasics(deps: AppDeps, kase: SupportCase) {
  const person = await deps.database.db
    .selectFrom('person')
    .select(['name', 'name_kana', 'birth_date', 'sensitive_categories'])
    .where('id', '=', kase.person_id)
    .executeTakeFirstOrThrow();
  const today = todayInJapan(deps.now());
  return {
    view: {
      name: person.name,
      nameKana: person.name_kana,
      age: person.birth_date ? ageOn(person.birth_date, today) : null,
    },
    sensitive: person.sensitive_categories,
  };
}
