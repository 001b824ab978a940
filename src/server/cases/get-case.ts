import { isPlanOverdue, planDueOn } from '../../domain/cases/deadlines';
import { missingAttemptsForInterruption } from '../../domain/cases/interruption';
import { todayInJapan } from '../../domain/text/wareki';
import { readTogether } from '../db/read-together';
import type { ActorContext, AppDeps } from '../http/context';
import {
  caseReferralLists,
  presentCaseReferrals,
  referralUserIds,
} from '../referrals/case-referrals';
import { abilitiesFor, auditCase, loadCase } from './case-access';
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
} from './present';
import { buildTimeline } from './timeline';

/**
 * The case page: the person and household, every record of the case, the timeline of all that
 * happened, and what the actor may do now. Reading it is a read of the person's data: audited.
 */
export async function getCase(deps: AppDeps, ctx: ActorContext, caseId: string) {
  const loaded = await loadCase(deps, ctx, caseId, 'case.read');
  const { row } = loaded;
  const db = deps.database.db;
  // Every list of the case in one statement (db/read-together.ts): one round trip, not 26.
  const read = await readTogether(db, {
    person: db.selectFrom('person').selectAll().where('id', '=', row.person_id),
    members: db
      .selectFrom('household_member')
      .selectAll()
      .where('person_id', '=', row.person_id)
      .orderBy('sort_order'),
    memberAgencies: db
      .selectFrom('household_member_agency')
      .innerJoin(
        'household_member',
        'household_member.id',
        'household_member_agency.household_member_id',
      )
      .select([
        'household_member_agency.household_member_id',
        'household_member_agency.partner_agency_id',
      ])
      .where('household_member.person_id', '=', row.person_id),
    detection: db.selectFrom('detection').selectAll().where('case_id', '=', caseId),
    intake: db.selectFrom('intake').selectAll().where('case_id', '=', caseId),
    referrals: db
      .selectFrom('referral')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('referred_on'),
    consents: db
      .selectFrom('consent')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('given_on'),
    consentAgencies: db
      .selectFrom('consent_agency')
      .innerJoin('consent', 'consent.id', 'consent_agency.consent_id')
      .select(['consent_agency.consent_id', 'consent_agency.partner_agency_id'])
      .where('consent.case_id', '=', caseId),
    emergencies: db
      .selectFrom('emergency_support')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('requested_on'),
    assessments: db
      .selectFrom('assessment')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('version_no'),
    assessmentDomains: db
      .selectFrom('assessment_domain')
      .innerJoin('assessment', 'assessment.id', 'assessment_domain.assessment_id')
      .selectAll('assessment_domain')
      .where('assessment.case_id', '=', caseId),
    plans: db
      .selectFrom('plan')
      .select([
        'id',
        'plan_no',
        'revision',
        'status',
        'period_start',
        'period_end',
        'submitted_on',
        'adopted_on',
        'activated_on',
        'change_reason',
        'employment_support_target',
        'created_at',
      ])
      .where('case_id', '=', caseId)
      .orderBy('plan_no')
      .orderBy('revision'),
    contacts: db
      .selectFrom('contact_record')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('occurred_at', 'desc'),
    monitoring: db
      .selectFrom('monitoring')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('due_on'),
    evaluations: db
      .selectFrom('evaluation')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('evaluated_on'),
    evaluationGoals: db
      .selectFrom('evaluation_goal')
      .innerJoin('evaluation', 'evaluation.id', 'evaluation_goal.evaluation_id')
      .select([
        'evaluation_goal.evaluation_id',
        'evaluation_goal.plan_goal_id',
        'evaluation_goal.achievement',
        'evaluation_goal.comment',
      ])
      .where('evaluation.case_id', '=', caseId),
    closures: db
      .selectFrom('case_closure')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('created_at'),
    transitions: db
      .selectFrom('case_transition')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('id'),
    decisions: db.selectFrom('support_decision').selectAll().where('case_id', '=', caseId),
    municipality: db
      .selectFrom('municipality')
      .select('plan_deadline_days')
      .where('id', '=', row.municipality_id),
    ...caseReferralLists(db, caseId),
    escalations: db
      .selectFrom('outreach_escalation')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('escalated_at'),
  });
  const [person] = read.person;
  const [municipality] = read.municipality;
  if (!person || !municipality) throw new Error('a case without its person or municipality');
  const detection = read.detection[0];
  const intake = read.intake[0];
  const {
    members,
    memberAgencies,
    referrals,
    consents,
    consentAgencies,
    emergencies,
    assessments,
    assessmentDomains,
    plans,
    contacts,
    monitoring,
    evaluations,
    evaluationGoals,
    closures,
    transitions,
    decisions,
    escalations,
  } = read;
  const team = loaded.subject.teamUserIds;
  const referralRecords = {
    events: read.events,
    activities: read.activities,
    links: read.links,
    attachments: read.attachments,
  };

  const userIds = new Set<string>();
  for (const id of [
    row.lead_worker_id,
    intake?.received_by,
    ...contacts.map((c) => c.recorded_by),
    ...transitions.map((t) => t.actor_user_id),
    ...consents.map((c) => c.obtained_by),
    ...decisions.map((d) => d.decided_by),
    ...closures.map((c) => c.follow_up_by),
    ...assessments.flatMap((a) => [a.author_id, a.reviewed_by]),
    ...team,
    ...escalations.map((e) => e.recorded_by),
    ...referralUserIds(referrals, referralRecords),
  ]) {
    if (id) userIds.add(id);
  }
  const staff =
    userIds.size > 0
      ? await db
          .selectFrom('app_user')
          .select(['id', 'display_name'])
          .where('id', 'in', [...userIds])
          .where('municipality_id', '=', row.municipality_id)
          .execute()
      : [];

  // 要配慮個人情報 is named in the audit row, so its reads can be reviewed apart.
  await auditCase(
    db,
    ctx,
    row,
    'case.read',
    { type: 'case', id: caseId },
    person.sensitive_categories.length > 0 ? { sensitive: person.sensitive_categories } : undefined,
  );

  const today = todayInJapan(deps.now());
  const submitted = plans.some((p) => p.submitted_on !== null);
  const abilities = abilitiesFor(ctx, loaded);
  return {
    case: presentCaseSummary(row),
    person: presentPerson(person),
    household: members.map((m) =>
      presentMember(
        m,
        memberAgencies
          .filter((a) => a.household_member_id === m.id)
          .map((a) => a.partner_agency_id),
      ),
    ),
    detection: detection ? presentDetection(detection) : null,
    intake: intake ? presentIntake(intake) : null,
    ...presentCaseReferrals(ctx.actor, abilities.update, referrals, referralRecords, today),
    consents: consents.map((c) =>
      presentConsent(
        c,
        consentAgencies.filter((a) => a.consent_id === c.id).map((a) => a.partner_agency_id),
      ),
    ),
    emergencies: emergencies.map(presentEmergency),
    assessments: assessments.map((a) =>
      presentAssessment(
        a,
        assessmentDomains.filter((d) => d.assessment_id === a.id),
      ),
    ),
    plans: plans.map((p) => ({
      id: p.id,
      planNo: p.plan_no,
      revision: p.revision,
      status: p.status,
      periodStart: p.period_start,
      periodEnd: p.period_end,
      submittedOn: p.submitted_on,
      adoptedOn: p.adopted_on,
      activatedOn: p.activated_on,
      changeReason: p.change_reason,
      employmentSupportTarget: p.employment_support_target,
    })),
    contacts: contacts.map(presentContact),
    monitoring: monitoring.map((m) => ({
      id: m.id,
      planId: m.plan_id,
      dueOn: m.due_on,
      doneOn: m.done_on,
      progress: m.progress,
      nextAction: m.next_action,
      version: m.version,
    })),
    evaluations: evaluations.map((e) =>
      presentEvaluation(
        e,
        evaluationGoals.filter((g) => g.evaluation_id === e.id),
      ),
    ),
    closures: closures.map(presentClosure),
    team: [...team],
    staff: Object.fromEntries(staff.map((s) => [s.id, s.display_name])),
    deadlines: {
      planDueOn: row.intake_on ? planDueOn(row.intake_on, municipality.plan_deadline_days) : null,
      planOverdue: row.intake_on
        ? isPlanOverdue(
            row.status,
            row.intake_on,
            municipality.plan_deadline_days,
            today,
            submitted,
          )
        : false,
      interruptionMissing: missingAttemptsForInterruption(
        contacts.map((c) => ({
          mode: c.mode,
          occurredAt: c.occurred_at.toISOString(),
          reached: c.reached,
        })),
      ),
    },
    timeline: buildTimeline({
      transitions,
      contacts,
      consents,
      emergencies,
      escalations,
      referrals,
      referralEvents: referralRecords.events,
      partnerActivities: referralRecords.activities,
      assessments,
      plans,
      decisions,
      monitoring,
      evaluations,
      closures,
    }),
    abilities,
  };
}

export type CaseView = Awaited<ReturnType<typeof getCase>>;
