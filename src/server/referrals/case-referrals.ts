import type { Kysely } from 'kysely';
import type { Actor } from '../../domain/actor';
import { referralAbilities } from '../../domain/policies/referral-policy';
import { referralAlert } from '../../domain/referrals/referral-status';
import { presentReferral } from '../cases/present';
import { readTogether } from '../db/read-together';
import type { Database, Referral } from '../db/schema';
import { presentActivity, presentEvent } from './present';

/**
 * The referral side of the case page: each referral with its documents, its alert and what the
 * actor may do with it, the history of every referral, what partner agencies recorded, and the
 * case's documents that a referral may hand over. Read in a few queries for the whole case.
 */
/** The queries of caseReferralRecords, for reading them with others (db/read-together.ts). */
export function caseReferralLists(db: Kysely<Database>, caseId: string) {
  return {
    events: db.selectFrom('referral_event').selectAll().where('case_id', '=', caseId).orderBy('id'),
    activities: db
      .selectFrom('partner_activity')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('occurred_on')
      .orderBy('created_at'),
    links: db
      .selectFrom('referral_attachment')
      .innerJoin('referral', 'referral.id', 'referral_attachment.referral_id')
      .select(['referral_attachment.referral_id', 'referral_attachment.attachment_id'])
      .where('referral.case_id', '=', caseId),
    attachments: db
      .selectFrom('attachment')
      .select(['id', 'file_name', 'media_type', 'size_bytes', 'uploaded_at'])
      .where('case_id', '=', caseId)
      .orderBy('uploaded_at'),
  };
}

export async function caseReferralRecords(db: Kysely<Database>, caseId: string) {
  return readTogether(db, caseReferralLists(db, caseId));
}

export type CaseReferralRecords = Awaited<ReturnType<typeof caseReferralRecords>>;

/** The users the referral records name, for the page's staff names. */
export function referralUserIds(referrals: readonly Referral[], records: CaseReferralRecords) {
  return [
    ...referrals.flatMap((r) => [r.created_by, r.responded_by, r.noted_by]),
    ...records.events.map((e) => e.actor_user_id),
    ...records.activities.map((a) => a.recorded_by),
  ].filter((id): id is string => id !== null);
}

export function presentCaseReferrals(
  actor: Actor,
  worksCase: boolean,
  referrals: readonly Referral[],
  records: CaseReferralRecords,
  today: string,
) {
  return {
    referrals: referrals.map((r) => ({
      ...presentReferral(r),
      attachmentIds: records.links
        .filter((l) => l.referral_id === r.id)
        .map((l) => l.attachment_id),
      alert: referralAlert(
        {
          status: r.status,
          dueOn: r.due_on,
          followUpOn: r.follow_up_on,
          noted: r.noted_at !== null,
        },
        today,
      ),
      abilities: referralAbilities(actor, {
        municipalityId: r.municipality_id,
        status: r.status,
        partnerAgencyId: r.partner_agency_id,
        worksCase,
      }),
    })),
    referralEvents: records.events.map(presentEvent),
    partnerActivities: records.activities.map(presentActivity),
    attachments: records.attachments.map((a) => ({
      id: a.id,
      fileName: a.file_name,
      mediaType: a.media_type,
      sizeBytes: a.size_bytes,
      uploadedAt: a.uploaded_at.toISOString(),
    })),
  };
}
