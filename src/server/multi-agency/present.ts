import type { Kysely } from 'kysely';
import type { Actor } from '../../domain/actor';
import { relationshipLabel } from '../../domain/cases/vocabulary';
import { multiAgencyAbilities } from '../../domain/policies/multi-agency-policy';
import type { Database } from '../db/schema';
import type { LoadedMultiAgency } from './multi-agency-access';

export type AgencyRef = { kind: 'partner' | 'support'; id: string; name: string };

function agencyRef(
  partner: { id: string | null; name: string | null },
  support: { id: string | null; name: string | null },
): AgencyRef | null {
  if (partner.id) return { kind: 'partner', id: partner.id, name: partner.name ?? '' };
  if (support.id) return { kind: 'support', id: support.id, name: support.name ?? '' };
  return null;
}

async function agencyNames(db: Kysely<Database>, partnerIds: string[], supportIds: string[]) {
  const [partners, supports] = await Promise.all([
    partnerIds.length
      ? db
          .selectFrom('partner_agency')
          .select(['id', 'name'])
          .where('id', 'in', partnerIds)
          .execute()
      : Promise.resolve([]),
    supportIds.length
      ? db
          .selectFrom('support_agency')
          .select(['id', 'name'])
          .where('id', 'in', supportIds)
          .execute()
      : Promise.resolve([]),
  ]);
  return new Map([...partners, ...supports].map((a) => [a.id, a.name]));
}

/**
 * One multi-agency case as the reader may see it: the whole case for staff reading it as their own
 * case work, the partner's view for partner staff reading under the person's consent.
 */
export async function presentMultiAgencyCaseFor(
  db: Kysely<Database>,
  actor: Actor,
  loaded: LoadedMultiAgency,
): Promise<MultiAgencyCaseView | PartnerMultiAgencyCaseView> {
  return loaded.basis === 'consent'
    ? presentPartnerMultiAgencyCase(db, actor, loaded)
    : presentMultiAgencyCase(db, actor, loaded);
}

/**
 * One multi-agency case as staff work it: the referral, the coordinator, the household, the
 * agencies with their roles and the lead, the joint plan, the reviews at the 重層的支援会議, the
 * end, and what the actor may do with it. Never for a reader under consent (see the partner view).
 */
export async function presentMultiAgencyCase(
  db: Kysely<Database>,
  actor: Actor,
  loaded: LoadedMultiAgency,
) {
  const { row, anchor } = loaded;
  if (loaded.basis !== 'own_case') {
    throw new Error('The whole multi-agency case is for staff reading it as their own case work.');
  }
  const [person, household, members, reviews, coordinator] = await Promise.all([
    db
      .selectFrom('person')
      .select(['id', 'name', 'name_kana'])
      .where('id', '=', anchor.person_id)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('household_member')
      .select(['id', 'name', 'relationship', 'sex', 'age', 'lives_together'])
      .where('person_id', '=', anchor.person_id)
      .orderBy('sort_order')
      .execute(),
    db
      .selectFrom('multi_agency_member')
      .leftJoin('partner_agency', 'partner_agency.id', 'multi_agency_member.partner_agency_id')
      .leftJoin('support_agency', 'support_agency.id', 'multi_agency_member.support_agency_id')
      .leftJoin(
        'household_member',
        'household_member.id',
        'multi_agency_member.household_member_id',
      )
      .select([
        'multi_agency_member.id',
        'multi_agency_member.partner_agency_id',
        'multi_agency_member.support_agency_id',
        'partner_agency.name as partner_name',
        'partner_agency.field as partner_field',
        'support_agency.name as support_name',
        'multi_agency_member.supports',
        'multi_agency_member.household_member_id',
        'household_member.name as member_name',
        'household_member.relationship as member_relationship',
        'household_member.sex as member_sex',
        'multi_agency_member.role',
        'multi_agency_member.contact_name',
        'multi_agency_member.lead',
        'multi_agency_member.tie_strength',
        'multi_agency_member.joined_on',
        'multi_agency_member.left_on',
        'multi_agency_member.version',
      ])
      .where('multi_agency_member.multi_agency_case_id', '=', row.id)
      .orderBy('multi_agency_member.left_on', 'desc')
      .orderBy('multi_agency_member.lead', 'desc')
      .orderBy('multi_agency_member.joined_on')
      .orderBy('multi_agency_member.created_at')
      .execute(),
    db
      .selectFrom('multi_agency_review')
      .leftJoin('meeting', 'meeting.id', 'multi_agency_review.meeting_id')
      .leftJoin('meeting_series', 'meeting_series.id', 'meeting.series_id')
      .leftJoin('app_user', 'app_user.id', 'multi_agency_review.recorded_by')
      .select([
        'multi_agency_review.id',
        'multi_agency_review.reviewed_on',
        'multi_agency_review.meeting_id',
        'multi_agency_review.meeting_item_id',
        'meeting.held_on as meeting_held_on',
        'meeting_series.name as meeting_name',
        'multi_agency_review.outcome',
        'multi_agency_review.note',
        'multi_agency_review.next_review_on',
        'app_user.display_name as recorded_by_name',
      ])
      .where('multi_agency_review.multi_agency_case_id', '=', row.id)
      .orderBy('multi_agency_review.reviewed_on', 'desc')
      .orderBy('multi_agency_review.created_at', 'desc')
      .execute(),
    row.coordinator_id
      ? db
          .selectFrom('app_user')
          .select('display_name')
          .where('id', '=', row.coordinator_id)
          .executeTakeFirst()
      : Promise.resolve(undefined),
  ]);
  const names = await agencyNames(
    db,
    [row.referred_by_partner_agency_id, row.carried_by_partner_agency_id].flatMap((id) =>
      id ? [id] : [],
    ),
    [row.referred_by_support_agency_id, row.carried_by_support_agency_id].flatMap((id) =>
      id ? [id] : [],
    ),
  );
  const ref = (partnerId: string | null, supportId: string | null) =>
    agencyRef(
      { id: partnerId, name: partnerId ? (names.get(partnerId) ?? null) : null },
      { id: supportId, name: supportId ? (names.get(supportId) ?? null) : null },
    );
  return {
    id: row.id,
    caseId: row.case_id,
    caseNumber: anchor.case_number,
    person: { id: person.id, name: person.name, nameKana: person.name_kana },
    household: household.map((h) => ({
      id: h.id,
      name: h.name,
      relationship: h.relationship,
      sex: h.sex,
      age: h.age,
      livesTogether: h.lives_together,
    })),
    status: row.status,
    coordinatorId: row.coordinator_id,
    coordinatorName: coordinator?.display_name ?? null,
    referredOn: row.referred_on,
    referrer: ref(row.referred_by_partner_agency_id, row.referred_by_support_agency_id),
    referrerContact: row.referrer_contact,
    referralReason: row.referral_reason,
    consentId: row.consent_id,
    acceptedOn: row.accepted_on,
    returnedOn: row.returned_on,
    returnReason: row.return_reason,
    returnConsultedWith: row.return_consulted_with,
    plan: {
      situation: row.plan_situation,
      issues: row.plan_issues,
      goal: row.plan_goal,
      policy: row.plan_policy,
      writtenOn: row.plan_written_on,
      reviewOn: row.plan_review_on,
    },
    endedOn: row.ended_on,
    endReason: row.end_reason,
    carrier: ref(row.carried_by_partner_agency_id, row.carried_by_support_agency_id),
    returnedToReferrer: row.returned_to_referrer,
    version: row.version,
    members: members.map((m) => ({
      id: m.id,
      agency: agencyRef(
        { id: m.partner_agency_id, name: m.partner_name },
        { id: m.support_agency_id, name: m.support_name },
      ) as AgencyRef,
      partnerField: m.partner_field,
      supports: m.supports,
      householdMemberId: m.household_member_id,
      householdMemberName: m.member_name,
      householdMemberRelationship: m.member_relationship,
      householdMemberSex: m.member_sex,
      role: m.role,
      contactName: m.contact_name,
      lead: m.lead,
      tieStrength: m.tie_strength,
      joinedOn: m.joined_on,
      leftOn: m.left_on,
      version: m.version,
    })),
    reviews: reviews.map((r) => ({
      id: r.id,
      reviewedOn: r.reviewed_on,
      meetingId: r.meeting_id,
      meetingItemId: r.meeting_item_id,
      meetingName: r.meeting_name,
      meetingHeldOn: r.meeting_held_on,
      outcome: r.outcome,
      note: r.note,
      nextReviewOn: r.next_review_on,
      recordedBy: r.recorded_by_name,
    })),
    basis: 'own_case' as const,
    abilities: multiAgencyAbilities(actor, loaded.subject),
  };
}

export type MultiAgencyCaseView = Awaited<ReturnType<typeof presentMultiAgencyCase>>;

/**
 * What partner staff of an agency involved read under the person's consent — the roles and the
 * joint plan, no more: the person's name, the coordinator, the agencies still involved with whom
 * each supports (a household member by name and relationship only where a role names them), the
 * lead and the ties, the joint plan, and the dates and outcomes of its reviews. No case number,
 * consent, referrer's contact, reasons, household roster, review notes or meeting names.
 */
export async function presentPartnerMultiAgencyCase(
  db: Kysely<Database>,
  actor: Actor,
  loaded: LoadedMultiAgency,
) {
  const { row, anchor } = loaded;
  const [person, members, reviews, coordinator] = await Promise.all([
    db
      .selectFrom('person')
      .select(['name', 'name_kana'])
      .where('id', '=', anchor.person_id)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('multi_agency_member')
      .leftJoin('partner_agency', 'partner_agency.id', 'multi_agency_member.partner_agency_id')
      .leftJoin('support_agency', 'support_agency.id', 'multi_agency_member.support_agency_id')
      .leftJoin(
        'household_member',
        'household_member.id',
        'multi_agency_member.household_member_id',
      )
      .select([
        'multi_agency_member.id',
        'multi_agency_member.partner_agency_id',
        'multi_agency_member.support_agency_id',
        'partner_agency.name as partner_name',
        'support_agency.name as support_name',
        'multi_agency_member.supports',
        'household_member.name as member_name',
        'household_member.relationship as member_relationship',
        'household_member.sex as member_sex',
        'multi_agency_member.role',
        'multi_agency_member.contact_name',
        'multi_agency_member.lead',
        'multi_agency_member.tie_strength',
        'multi_agency_member.joined_on',
      ])
      .where('multi_agency_member.multi_agency_case_id', '=', row.id)
      .where('multi_agency_member.left_on', 'is', null)
      .orderBy('multi_agency_member.lead', 'desc')
      .orderBy('multi_agency_member.joined_on')
      .orderBy('multi_agency_member.created_at')
      .execute(),
    db
      .selectFrom('multi_agency_review')
      .select(['reviewed_on', 'outcome', 'next_review_on'])
      .where('multi_agency_case_id', '=', row.id)
      .orderBy('reviewed_on', 'desc')
      .orderBy('created_at', 'desc')
      .execute(),
    row.coordinator_id
      ? db
          .selectFrom('app_user')
          .select('display_name')
          .where('id', '=', row.coordinator_id)
          .executeTakeFirst()
      : Promise.resolve(undefined),
  ]);
  return {
    id: row.id,
    basis: 'consent' as const,
    status: row.status,
    person: { name: person.name, nameKana: person.name_kana },
    coordinatorName: coordinator?.display_name ?? null,
    members: members.map((m) => ({
      id: m.id,
      agency: agencyRef(
        { id: m.partner_agency_id, name: m.partner_name },
        { id: m.support_agency_id, name: m.support_name },
      ) as AgencyRef,
      supports: m.supports,
      householdMember:
        m.supports === 'member' && m.member_name !== null
          ? {
              name: m.member_name,
              relationship: m.member_relationship
                ? relationshipLabel(m.member_relationship, m.member_sex)
                : null,
            }
          : null,
      role: m.role,
      contactName: m.contact_name,
      lead: m.lead,
      tieStrength: m.tie_strength,
      joinedOn: m.joined_on,
    })),
    plan: {
      situation: row.plan_situation,
      issues: row.plan_issues,
      goal: row.plan_goal,
      policy: row.plan_policy,
      writtenOn: row.plan_written_on,
      reviewOn: row.plan_review_on,
    },
    reviews: reviews.map((r) => ({
      reviewedOn: r.reviewed_on,
      outcome: r.outcome,
      nextReviewOn: r.next_review_on,
    })),
    abilities: multiAgencyAbilities(actor, loaded.subject),
  };
}

export type PartnerMultiAgencyCaseView = Awaited<ReturnType<typeof presentPartnerMultiAgencyCase>>;
