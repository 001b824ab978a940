import type { Kysely } from 'kysely';
import type { EscalationTarget } from '../../domain/participation/outreach';
import { planAbilities } from '../../domain/policies/plan-policy';
import { todayInJapan } from '../../domain/text/wareki';
import { authorize } from '../access/authorize';
import { ScopedReader } from '../access/scoped-reader';
import { recordAudit } from '../audit/record-audit';
import { subjectOf } from '../cases/case-access';
import {
  presentAssessment,
  presentCaseSummary,
  presentClosure,
  presentConsent,
  presentContact,
  presentDetection,
  presentEmergency,
  presentEvaluation,
  presentIntake,
  presentMember,
  presentPerson,
  presentReferral,
} from '../cases/present';
import type { Database, Meeting, MeetingItem, MeetingSeries, SupportCase } from '../db/schema';
import type { ActorContext, AppDeps } from '../http/context';
import { itemAccessFor } from '../meetings/meeting-access';
import { itemGuests } from '../meetings/meetings';
import { presentMultiAgencyCase } from '../multi-agency/present';
import { presentEscalation } from '../outreach/present';
import { presentFollowUp, presentMatch } from '../participation/present';
import { presentPlan } from '../plans/present';
import { caseReferralRecords } from '../referrals/case-referrals';
import { presentActivity, presentEvent } from '../referrals/present';
import { findVisiblePerson } from './person-access';

/**
 * The layout of the disclosure document. Raise it when a field changes meaning or goes away, so
 * a file kept from an earlier request can still be read for what it is.
 */
export const disclosureFormatVersion = 1;

const action = 'person.disclose';

/**
 * 開示: everything held on one person, for a request for disclosure (個人情報の開示請求) — the
 * person (every column but the search keys), the household with each member's agencies, and for
 * every case of the person the actor may see: each record of the case, what was noticed at a
 * community base, what partner agencies recorded, the documents (their names, not their bytes),
 * the meeting items about the case, the multi-agency involvement, participation and the
 * districts it was in; then to whom the data was given (提供記録). Cases are those the actor
 * may read (ScopedReader.cases()): all of them for the municipality's officer, the agency's own
 * (and those whose team they are on) for its chief. A meeting item the actor may not read (a
 * 支援会議 whose duty of confidentiality they have not acknowledged) is counted, not shown. Read in
 * one transaction, with one audit row naming the person, the cases and the 要配慮 categories.
 */
export async function disclosePerson(deps: AppDeps, ctx: ActorContext, personId: string) {
  authorize(ctx.actor, action, undefined, { subjectType: 'person', subjectId: personId });
  return deps.database.db.transaction().execute(async (trx) => {
    const reader = new ScopedReader(trx, ctx.actor);
    const person = await findVisiblePerson(reader, personId, action);
    const cases = await reader
      .cases()
      .selectAll()
      .where('support_case.person_id', '=', personId)
      .orderBy('support_case.opened_on')
      .orderBy('support_case.case_number')
      .execute();
    const caseIds = cases.map((c) => c.id);

    const [household, memberAgencies, records, municipality, me] = await Promise.all([
      trx
        .selectFrom('household_member')
        .selectAll()
        .where('person_id', '=', personId)
        .orderBy('sort_order')
        .execute(),
      trx
        .selectFrom('household_member_agency')
        .innerJoin(
          'household_member',
          'household_member.id',
          'household_member_agency.household_member_id',
        )
        .select([
          'household_member_agency.household_member_id',
          'household_member_agency.partner_agency_id',
          'household_member_agency.note',
          'household_member_agency.tie_strength',
        ])
        .where('household_member.person_id', '=', personId)
        .execute(),
      caseRecords(trx, caseIds),
      reader.municipality().select(['id', 'name']).executeTakeFirstOrThrow(),
      reader.self().select('display_name').executeTakeFirstOrThrow(),
    ]);
    const [referralRecords, meetingItems, multiAgency, districts] = await Promise.all([
      Promise.all(caseIds.map((id) => caseReferralRecords(trx, id))),
      discussedAt(trx, ctx, caseIds),
      multiAgencyOf(trx, ctx, cases, records.team),
      districtHistory(trx, caseIds),
    ]);

    const names = await namesFor(trx, ctx.actor.municipalityId, {
      users: [
        ...cases.map((c) => c.lead_worker_id),
        ...records.team.map((t) => t.user_id),
        ...records.transitions.map((t) => t.actor_user_id),
        ...records.intakes.flatMap((i) => [i.received_by, i.triaged_by]),
        ...records.consents.flatMap((c) => [c.obtained_by, c.withdrawal_recorded_by]),
        ...records.emergencies.map((e) => e.recorded_by),
        ...records.assessments.flatMap((a) => [a.author_id, a.reviewed_by]),
        ...records.plans.map((p) => p.author_id),
        ...records.decisions.map((d) => d.decided_by),
        ...records.monitoring.map((m) => m.recorded_by),
        ...records.evaluations.map((e) => e.recorded_by),
        ...records.contacts.map((c) => c.recorded_by),
        ...records.escalations.map((e) => e.recorded_by),
        ...records.closures.flatMap((c) => [c.follow_up_by, c.recorded_by]),
        ...records.referrals.flatMap((r) => [r.created_by, r.responded_by, r.noted_by]),
        ...referralRecords.flatMap((r) => [
          ...r.events.map((e) => e.actor_user_id),
          ...r.activities.map((a) => a.recorded_by),
        ]),
        ...records.matches.map((m) => m.created_by),
        ...records.followUps.map((f) => f.recorded_by),
        ...meetingItems.items.flatMap((i) => [i.item.reporter_id, i.item.decided_by]),
      ],
      partners: [
        ...memberAgencies.map((a) => a.partner_agency_id),
        ...records.consentAgencies.map((a) => a.partner_agency_id),
        ...records.referrals.map((r) => r.partner_agency_id),
        ...records.services.map((s) => s.provider_partner_agency_id),
        ...records.escalations.map((e) => e.partner_agency_id),
        ...referralRecords.flatMap((r) => [
          ...r.events.map((e) => e.actor_partner_agency_id),
          ...r.activities.map((a) => a.partner_agency_id),
        ]),
      ],
      supports: cases.map((c) => c.support_agency_id),
      districts: [
        person.district_id,
        ...cases.map((c) => c.district_id),
        ...districts.map((d) => d.district_id),
      ],
    });

    await recordAudit(trx, ctx, {
      action,
      outcome: 'success',
      subjectType: 'person',
      subjectId: personId,
      personId,
      legalBasis: 'administration',
      legalBasisRef: 'disclosure_request',
      detail: {
        caseIds,
        formatVersion: disclosureFormatVersion,
        ...(person.sensitive_categories.length > 0
          ? { sensitive: person.sensitive_categories }
          : {}),
      },
    });

    const generatedAt = deps.now().toISOString();
    const caseViews = cases.map((kase, index) => {
      const of = <T extends { case_id: string }>(rows: readonly T[]) =>
        rows.filter((r) => r.case_id === kase.id);
      const referralsOf = referralRecords[index] ?? {
        events: [],
        activities: [],
        links: [],
        attachments: [],
      };
      const subject = subjectOf(
        kase,
        of(records.team).map((t) => t.user_id),
      );
      const detection = records.detections.find((d) => d.case_id === kase.id);
      const intake = records.intakes.find((i) => i.case_id === kase.id);
      const items = meetingItems.items.filter((i) => i.item.case_id === kase.id);
      return {
        case: { ...presentCaseSummary(kase), createdAt: kase.created_at.toISOString() },
        team: of(records.team).map((t) => ({
          userId: t.user_id,
          addedAt: t.added_at.toISOString(),
        })),
        statusHistory: of(records.transitions).map((t) => ({
          id: t.id,
          fromStatus: t.from_status,
          toStatus: t.to_status,
          action: t.action,
          actorUserId: t.actor_user_id,
          occurredAt: t.occurred_at.toISOString(),
          reason: t.reason,
        })),
        detection: detection ? presentDetection(detection) : null,
        intake: intake ? presentIntake(intake) : null,
        consents: of(records.consents).map((c) => ({
          ...presentConsent(
            c,
            records.consentAgencies
              .filter((a) => a.consent_id === c.id)
              .map((a) => a.partner_agency_id),
          ),
          withdrawalRecordedBy: c.withdrawal_recorded_by,
          createdAt: c.created_at.toISOString(),
        })),
        emergencies: of(records.emergencies).map(presentEmergency),
        assessments: of(records.assessments).map((a) =>
          presentAssessment(
            a,
            records.domains.filter((d) => d.assessment_id === a.id),
          ),
        ),
        plans: of(records.plans).map((p) => {
          const { abilities: _abilities, ...plan } = presentPlan(
            p,
            records.goals.filter((g) => g.plan_id === p.id),
            records.services.filter((s) => s.plan_id === p.id),
            records.decisions.find((d) => d.plan_id === p.id),
            records.monitoring.filter((m) => m.plan_id === p.id),
            planAbilities(ctx.actor, subject, p.status),
          );
          return {
            ...plan,
            authorId: p.author_id,
            createdAt: p.created_at.toISOString(),
            evaluations: records.evaluations
              .filter((e) => e.plan_id === p.id)
              .map((e) =>
                presentEvaluation(
                  e,
                  records.evaluationGoals.filter((g) => g.evaluation_id === e.id),
                ),
              ),
          };
        }),
        contacts: of(records.contacts).map((c) => ({
          ...presentContact(c),
          outreachChannel: c.outreach_channel,
          outreachOutcome: c.outreach_outcome,
          outreachVia: c.outreach_via,
          nextApproachOn: c.next_approach_on,
        })),
        escalations: of(records.escalations).map(presentEscalation),
        closures: of(records.closures).map((c) => ({
          ...presentClosure(c),
          recordedBy: c.recorded_by,
        })),
        referrals: of(records.referrals).map((r) => ({
          ...presentReferral(r),
          notedBy: r.noted_by,
          attachmentIds: referralsOf.links
            .filter((l) => l.referral_id === r.id)
            .map((l) => l.attachment_id),
          events: referralsOf.events.filter((e) => e.referral_id === r.id).map(presentEvent),
          partnerActivities: referralsOf.activities
            .filter((a) => a.referral_id === r.id)
            .map(presentActivity),
        })),
        /** What partner agencies recorded outside any referral. */
        partnerActivities: referralsOf.activities
          .filter((a) => a.referral_id === null)
          .map(presentActivity),
        /** The documents kept on the case: name, type, size and date — never the file itself. */
        attachments: referralsOf.attachments.map((a) => ({
          id: a.id,
          fileName: a.file_name,
          mediaType: a.media_type,
          sizeBytes: a.size_bytes,
          uploadedAt: a.uploaded_at.toISOString(),
        })),
        meetingItems: items.map(presentItem),
        /** Items about the case at meetings whose content the reader may not see. */
        withheldMeetingItems: meetingItems.withheld.filter((w) => w.case_id === kase.id).length,
        multiAgency: multiAgency.filter((m) => m.caseId === kase.id),
        participation: of(records.matches).map((m) => {
          const { actions: _actions, ...match } = presentMatch(m);
          return {
            ...match,
            socialResourceName: m.social_resource_name,
            followUps: records.followUps.filter((f) => f.match_id === m.id).map(presentFollowUp),
          };
        }),
        communityIssues: records.communityIssues
          .filter((i) => i.case_id === kase.id)
          .map((i) => ({
            id: i.id,
            noticedOn: i.noticed_on,
            baseName: i.base_name,
            activityName: i.activity_name,
            description: i.description,
            status: i.status,
            passedOn: i.passed_on,
            passNote: i.pass_note,
          })),
        districtHistory: districts
          .filter((d) => d.case_id === kase.id)
          .map((d) => ({
            districtId: d.district_id,
            validFrom: d.valid_from,
            validTo: d.valid_to,
          })),
      };
    });

    return {
      format: 'tsunagu.disclosure',
      formatVersion: disclosureFormatVersion,
      generatedAt,
      generatedBy: { userId: ctx.actor.userId, name: me.display_name },
      municipality: { id: municipality.id, name: municipality.name },
      person: {
        ...presentPerson(person),
        createdAt: person.created_at.toISOString(),
        updatedAt: person.updated_at.toISOString(),
      },
      household: household.map((m) => {
        const agencies = memberAgencies.filter((a) => a.household_member_id === m.id);
        return {
          ...presentMember(
            m,
            agencies.map((a) => a.partner_agency_id),
          ),
          agencies: agencies.map((a) => ({
            partnerAgencyId: a.partner_agency_id,
            note: a.note,
            tieStrength: a.tie_strength,
          })),
        };
      }),
      cases: caseViews,
      provisions: provisionsOf(caseViews, names.partnerAgencies),
      names,
    };
  });
}

export type DisclosureView = Awaited<ReturnType<typeof disclosePerson>>;

/** Every record of the given cases, a few queries for all of them. */
async function caseRecords(trx: Kysely<Database>, caseIds: string[]) {
  const records = await allOf({
    team: trx
      .selectFrom('case_team_member')
      .selectAll()
      .where('case_id', 'in', caseIds)
      .orderBy('added_at')
      .execute(),
    transitions: trx
      .selectFrom('case_transition')
      .selectAll()
      .where('case_id', 'in', caseIds)
      .orderBy('id')
      .execute(),
    detections: trx.selectFrom('detection').selectAll().where('case_id', 'in', caseIds).execute(),
    intakes: trx.selectFrom('intake').selectAll().where('case_id', 'in', caseIds).execute(),
    consents: trx
      .selectFrom('consent')
      .selectAll()
      .where('case_id', 'in', caseIds)
      .orderBy('given_on')
      .orderBy('created_at')
      .execute(),
    consentAgencies: trx
      .selectFrom('consent_agency')
      .innerJoin('consent', 'consent.id', 'consent_agency.consent_id')
      .select(['consent_agency.consent_id', 'consent_agency.partner_agency_id'])
      .where('consent.case_id', 'in', caseIds)
      .execute(),
    emergencies: trx
      .selectFrom('emergency_support')
      .selectAll()
      .where('case_id', 'in', caseIds)
      .orderBy('requested_on')
      .execute(),
    assessments: trx
      .selectFrom('assessment')
      .selectAll()
      .where('case_id', 'in', caseIds)
      .orderBy('version_no')
      .execute(),
    domains: trx
      .selectFrom('assessment_domain')
      .innerJoin('assessment', 'assessment.id', 'assessment_domain.assessment_id')
      .selectAll('assessment_domain')
      .where('assessment.case_id', 'in', caseIds)
      .execute(),
    plans: trx
      .selectFrom('plan')
      .selectAll()
      .where('case_id', 'in', caseIds)
      .orderBy('plan_no')
      .orderBy('revision')
      .execute(),
    goals: trx
      .selectFrom('plan_goal')
      .innerJoin('plan', 'plan.id', 'plan_goal.plan_id')
      .selectAll('plan_goal')
      .where('plan.case_id', 'in', caseIds)
      .orderBy('plan_goal.sort_order')
      .execute(),
    services: trx
      .selectFrom('plan_service')
      .innerJoin('plan', 'plan.id', 'plan_service.plan_id')
      .leftJoin('social_resource', 'social_resource.id', 'plan_service.social_resource_id')
      .selectAll('plan_service')
      .select('social_resource.name as social_resource_name')
      .where('plan.case_id', 'in', caseIds)
      .orderBy('plan_service.sort_order')
      .execute(),
    decisions: trx
      .selectFrom('support_decision')
      .selectAll()
      .where('case_id', 'in', caseIds)
      .execute(),
    monitoring: trx
      .selectFrom('monitoring')
      .selectAll()
      .where('case_id', 'in', caseIds)
      .orderBy('due_on')
      .execute(),
    evaluations: trx
      .selectFrom('evaluation')
      .selectAll()
      .where('case_id', 'in', caseIds)
      .orderBy('evaluated_on')
      .execute(),
    evaluationGoals: trx
      .selectFrom('evaluation_goal')
      .innerJoin('evaluation', 'evaluation.id', 'evaluation_goal.evaluation_id')
      .select([
        'evaluation_goal.evaluation_id',
        'evaluation_goal.plan_goal_id',
        'evaluation_goal.achievement',
        'evaluation_goal.comment',
      ])
      .where('evaluation.case_id', 'in', caseIds)
      .execute(),
    contacts: trx
      .selectFrom('contact_record')
      .selectAll()
      .where('case_id', 'in', caseIds)
      .orderBy('occurred_at')
      .execute(),
    escalations: trx
      .selectFrom('outreach_escalation')
      .selectAll()
      .where('case_id', 'in', caseIds)
      .orderBy('escalated_at')
      .execute(),
    closures: trx
      .selectFrom('case_closure')
      .selectAll()
      .where('case_id', 'in', caseIds)
      .orderBy('created_at')
      .execute(),
    referrals: trx
      .selectFrom('referral')
      .selectAll()
      .where('case_id', 'in', caseIds)
      .orderBy('referred_on')
      .orderBy('created_at')
      .execute(),
    matches: trx
      .selectFrom('participation_match')
      .innerJoin('social_resource', 'social_resource.id', 'participation_match.social_resource_id')
      .selectAll('participation_match')
      .select('social_resource.name as social_resource_name')
      .where('participation_match.case_id', 'in', caseIds)
      .orderBy('participation_match.proposed_on')
      .execute(),
    // What was noticed about the person at a community base and passed on as this case's lead.
    communityIssues: trx
      .selectFrom('community_issue')
      .innerJoin('social_resource', 'social_resource.id', 'community_issue.base_id')
      .leftJoin('community_activity', 'community_activity.id', 'community_issue.activity_id')
      .select([
        'community_issue.id',
        'community_issue.case_id',
        'community_issue.noticed_on',
        'community_issue.description',
        'community_issue.status',
        'community_issue.passed_on',
        'community_issue.pass_note',
        'social_resource.name as base_name',
        'community_activity.name as activity_name',
      ])
      .where('community_issue.case_id', 'in', caseIds)
      .orderBy('community_issue.noticed_on')
      .execute(),
  });
  const followUps = records.matches.length
    ? await trx
        .selectFrom('participation_follow_up')
        .selectAll()
        .where(
          'match_id',
          'in',
          records.matches.map((m) => m.id),
        )
        .orderBy('followed_on')
        .execute()
    : [];
  return { ...records, followUps };
}

/** Promise.all over an object: the same keys, each holding what its promise gave. */
async function allOf<T extends Record<string, Promise<unknown>>>(
  promises: T,
): Promise<{ [K in keyof T]: Awaited<T[K]> }> {
  const entries = await Promise.all(
    Object.entries(promises).map(async ([key, promise]) => [key, await promise] as const),
  );
  return Object.fromEntries(entries) as { [K in keyof T]: Awaited<T[K]> };
}

interface DiscussedItem {
  item: MeetingItem;
  meeting: Meeting;
  body: MeetingSeries;
  guests: Awaited<ReturnType<typeof itemGuests>>;
  homework: {
    description: string;
    owner_name: string | null;
    due_on: string | null;
    done_on: string | null;
  }[];
}

/**
 * The meeting items about the cases: the item, what was decided and who joined for it — nothing
 * of the other cases on the same agenda. Whether the reader sees an item is the meeting policy's
 * answer, as on the meeting screens; an item they may not see is only counted.
 */
async function discussedAt(trx: Kysely<Database>, ctx: ActorContext, caseIds: string[]) {
  const items = await trx
    .selectFrom('meeting_item')
    .selectAll()
    .where('case_id', 'in', caseIds)
    .orderBy('created_at')
    .execute();
  if (items.length === 0) return { items: [] as DiscussedItem[], withheld: [] as MeetingItem[] };
  const meetingIds = [...new Set(items.map((i) => i.meeting_id))];
  const meetings = await trx
    .selectFrom('meeting')
    .selectAll()
    .where('id', 'in', meetingIds)
    .execute();
  const joint = await trx
    .selectFrom('meeting_joint_series')
    .select(['meeting_id', 'series_id'])
    .where('meeting_id', 'in', meetingIds)
    .execute();
  const seriesIds = [
    ...new Set([...meetings.map((m) => m.series_id), ...joint.map((j) => j.series_id)]),
  ];
  const bodies = await trx
    .selectFrom('meeting_series')
    .selectAll()
    .where('id', 'in', seriesIds)
    .execute();
  const shown: DiscussedItem[] = [];
  const withheld: MeetingItem[] = [];
  for (const meeting of meetings) {
    const series = bodies.find((b) => b.id === meeting.series_id);
    if (!series) throw new Error(`meeting ${meeting.id} without its series`);
    const others = joint
      .filter((j) => j.meeting_id === meeting.id && j.series_id !== series.id)
      .flatMap((j) => bodies.filter((b) => b.id === j.series_id));
    const loaded = { meeting, series, bodies: [series, ...others] };
    const mine = items.filter((i) => i.meeting_id === meeting.id);
    const access = await itemAccessFor(trx, ctx.actor, loaded, mine);
    for (const item of mine) {
      if (!access.get(item.id)?.allowed) {
        withheld.push(item);
        continue;
      }
      const body = loaded.bodies.find((b) => b.id === item.series_id) ?? series;
      shown.push({ item, meeting, body, guests: [], homework: [] });
    }
  }
  const shownIds = shown.map((s) => s.item.id);
  if (shownIds.length > 0) {
    const [guests, homework] = await Promise.all([
      itemGuests(trx, shownIds),
      trx
        .selectFrom('task')
        .leftJoin('app_user', 'app_user.id', 'task.owner_id')
        .select([
          'task.meeting_item_id',
          'task.description',
          'task.due_on',
          'task.done_on',
          'app_user.display_name as owner_name',
        ])
        .where('task.meeting_item_id', 'in', shownIds)
        .orderBy('task.created_at')
        .execute(),
    ]);
    for (const s of shown) {
      s.guests = guests.filter((g) => g.item_id === s.item.id);
      s.homework = homework.filter((h) => h.meeting_item_id === s.item.id);
    }
  }
  shown.sort((a, b) =>
    `${a.meeting.held_on} ${a.meeting.starts_at} ${a.item.position}`.localeCompare(
      `${b.meeting.held_on} ${b.meeting.starts_at} ${b.item.position}`,
    ),
  );
  return { items: shown, withheld };
}

function presentItem({ item, meeting, body, guests, homework }: DiscussedItem) {
  return {
    id: item.id,
    meetingId: meeting.id,
    meetingHeldOn: meeting.held_on,
    meetingStartsAt: meeting.starts_at,
    meetingStatus: meeting.status,
    bodyName: body.name,
    bodyType: body.type,
    legalBasis: item.legal_basis ?? body.legal_basis,
    kind: item.kind,
    basis: item.basis,
    consentId: item.consent_id,
    planId: item.plan_id,
    reporterId: item.reporter_id,
    summary: item.summary,
    discussion: item.discussion,
    checkFits: item.check_fits,
    checkAddresses: item.check_addresses,
    checkMotivates: item.check_motivates,
    personAttended: item.person_attended,
    decision: item.decision,
    decisionNote: item.decision_note,
    decidedAt: item.decided_at?.toISOString() ?? null,
    decidedBy: item.decided_by,
    guests: guests.map((g) => ({
      partnerAgencyId: g.partner_agency_id,
      name: g.partner_name ?? g.user_name ?? g.name,
      appointed: g.appointed,
    })),
    homework: homework.map((h) => ({
      description: h.description,
      ownerName: h.owner_name,
      dueOn: h.due_on,
      doneOn: h.done_on,
    })),
  };
}

/** The multi-agency cases resting on the person's cases, as staff read them (the whole case). */
async function multiAgencyOf(
  trx: Kysely<Database>,
  ctx: ActorContext,
  cases: readonly SupportCase[],
  team: readonly { case_id: string; user_id: string }[],
) {
  const rows = await trx
    .selectFrom('multi_agency_case')
    .selectAll()
    .where(
      'case_id',
      'in',
      cases.map((c) => c.id),
    )
    .orderBy('referred_on')
    .execute();
  const views = [];
  for (const row of rows) {
    const anchor = cases.find((c) => c.id === row.case_id);
    if (!anchor) continue;
    const {
      abilities: _abilities,
      person: _person,
      household: _household,
      ...view
    } = await presentMultiAgencyCase(trx, ctx.actor, {
      row,
      anchor,
      basis: 'own_case',
      consentId: null,
      subject: {
        municipalityId: row.municipality_id,
        status: row.status,
        coordinatorId: row.coordinator_id,
        anchor: subjectOf(
          anchor,
          team.filter((t) => t.case_id === anchor.id).map((t) => t.user_id),
        ),
        memberPartnerAgencyIds: [],
        consentCoversActor: false,
      },
    });
    views.push(view);
  }
  return views;
}

/**
 * The districts each case was in and when (case_district_history, migration 0011): from
 * valid_from until the day before valid_to, the day it moved (null: still there).
 */
function districtHistory(trx: Kysely<Database>, caseIds: string[]) {
  return trx
    .selectFrom('case_district_history')
    .select(['case_id', 'district_id', 'valid_from', 'valid_to'])
    .where('case_id', 'in', caseIds)
    .orderBy('valid_from')
    .orderBy('id')
    .execute();
}

/** The names behind the ids the document cites, so it can be read without the system. */
async function namesFor(
  trx: Kysely<Database>,
  municipalityId: string,
  ids: {
    users: (string | null)[];
    partners: (string | null)[];
    supports: (string | null)[];
    districts: (string | null)[];
  },
) {
  const uniq = (list: (string | null)[]) => [
    ...new Set(list.filter((id): id is string => id !== null)),
  ];
  const named = (table: 'partner_agency' | 'support_agency' | 'district', list: string[]) =>
    list.length
      ? trx
          .selectFrom(table)
          .select(['id', 'name'])
          .where('municipality_id', '=', municipalityId)
          .where('id', 'in', list)
          .execute()
      : [];
  const users = uniq(ids.users);
  const [u, p, s, d] = await Promise.all([
    users.length
      ? trx
          .selectFrom('app_user')
          .select(['id', 'display_name as name'])
          .where('municipality_id', '=', municipalityId)
          .where('id', 'in', users)
          .execute()
      : [],
    named('partner_agency', uniq(ids.partners)),
    named('support_agency', uniq(ids.supports)),
    named('district', uniq(ids.districts)),
  ]);
  const map = (rows: { id: string; name: string }[]) =>
    Object.fromEntries(rows.map((r) => [r.id, r.name])) as Record<string, string>;
  return {
    staff: map(u),
    partnerAgencies: map(p),
    supportAgencies: map(s),
    districts: map(d),
  };
}

type CaseView = {
  case: { caseNumber: string };
  consents: {
    id: string;
    givenOn: string;
    allAgencies: boolean;
    partnerAgencyIds: string[];
    purposes: string[];
    withdrawnOn: string | null;
  }[];
  referrals: {
    id: string;
    referredOn: string;
    partnerAgencyId: string | null;
    destinationName: string | null;
    status: string;
    consentId: string | null;
    toPublicAssistance: boolean;
  }[];
  escalations: {
    id: string;
    escalatedAt: string;
    escalatedTo: EscalationTarget;
    partnerAgencyId: string | null;
    escalatedToName: string | null;
  }[];
  meetingItems: {
    id: string;
    meetingHeldOn: string;
    bodyName: string;
    bodyType: string;
    basis: string;
    consentId: string | null;
    guests: { name: string | null }[];
  }[];
  multiAgency: {
    id: string;
    consentId: string;
    members: {
      agency: { kind: string; id: string; name: string };
      joinedOn: string;
      role: string;
    }[];
  }[];
  participation: { id: string; proposedOn: string; socialResourceName: string }[];
};

/**
 * 提供記録: to whom the person's information went, on what basis — referrals (つなぎ), the
 * agencies a consent covers, the meetings where the case was discussed and who joined for it,
 * the agencies of a multi-agency case, emergencies passed on, and the places of 参加支援.
 */
function provisionsOf(cases: readonly CaseView[], partnerNames: Record<string, string>) {
  const rows: {
    caseNumber: string;
    kind: 'referral' | 'consent' | 'meeting' | 'multi_agency' | 'escalation' | 'participation';
    on: string;
    recipients: string[];
    basis: 'consent' | 'law' | 'internal' | 'emergency' | null;
    /** For an emergency passed on: where it went (police, ambulance, 保健センター, …). */
    escalatedTo?: EscalationTarget;
    refId: string;
  }[] = [];
  const partner = (id: string | null, fallback: string | null) =>
    (id ? partnerNames[id] : null) ?? fallback ?? '';
  for (const c of cases) {
    const caseNumber = c.case.caseNumber;
    for (const r of c.referrals) {
      rows.push({
        caseNumber,
        kind: 'referral',
        on: r.referredOn,
        recipients: [partner(r.partnerAgencyId, r.destinationName)],
        basis: r.consentId ? 'consent' : null,
        refId: r.id,
      });
    }
    for (const consent of c.consents) {
      rows.push({
        caseNumber,
        kind: 'consent',
        on: consent.givenOn,
        recipients: consent.allAgencies
          ? []
          : consent.partnerAgencyIds.map((id) => partner(id, null)),
        basis: 'consent',
        refId: consent.id,
      });
    }
    for (const item of c.meetingItems) {
      rows.push({
        caseNumber,
        kind: 'meeting',
        on: item.meetingHeldOn,
        recipients: [item.bodyName, ...item.guests.flatMap((g) => (g.name ? [g.name] : []))],
        basis: item.basis as 'consent' | 'law' | 'internal',
        refId: item.id,
      });
    }
    for (const m of c.multiAgency) {
      for (const member of m.members) {
        rows.push({
          caseNumber,
          kind: 'multi_agency',
          on: member.joinedOn,
          recipients: [member.agency.name],
          basis: 'consent',
          refId: m.id,
        });
      }
    }
    for (const e of c.escalations) {
      rows.push({
        caseNumber,
        kind: 'escalation',
        on: todayInJapan(new Date(e.escalatedAt)),
        recipients: [partner(e.partnerAgencyId, e.escalatedToName)].filter(Boolean),
        escalatedTo: e.escalatedTo,
        basis: 'emergency',
        refId: e.id,
      });
    }
    for (const p of c.participation) {
      rows.push({
        caseNumber,
        kind: 'participation',
        on: p.proposedOn,
        recipients: [p.socialResourceName],
        basis: null,
        refId: p.id,
      });
    }
  }
  return rows.sort((a, b) => a.on.localeCompare(b.on));
}
