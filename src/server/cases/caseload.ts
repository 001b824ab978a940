import { type ExpressionBuilder, sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import {
  addDays,
  beforePlanStatuses,
  isPlanOverdue,
  planDueOn,
} from '../../domain/cases/deadlines';
import { nextApproach } from '../../domain/participation/outreach';
import { todayInJapan } from '../../domain/text/wareki';
import { authorize } from '../access/authorize';
import { ScopedReader } from '../access/scoped-reader';
import { recordAudit } from '../audit/record-audit';
import { fixed } from '../db/fixed';
import type { Database } from '../db/schema';
import type { ActorContext, AppDeps } from '../http/context';

/**
 * The caseworker's day: their caseload by status, and what is due — monitoring on or before
 * today, plans past the municipality's deadline, follow-ups coming to their end, referrals whose
 * arrival has not been confirmed, the next outreach approach (アウトリーチ) and the next follow-up of
 * a person at a place (参加支援) within a week. "Their" cases are those they lead or are on the team of.
 * The table of cases comes a page at a time (`offset`, `limit`), newest change first; the counts
 * and the due lists always cover every current case.
 */
export async function getCaseload(
  deps: AppDeps,
  ctx: ActorContext,
  input: { today?: string | undefined; offset?: number; limit?: number },
) {
  authorize(ctx.actor, 'case.read', undefined, { subjectType: 'case' });
  const db = deps.database.db;
  const today = input.today ?? todayInJapan(deps.now());
  const me = ctx.actor.userId;
  const limit = input.limit ?? 50;
  const offset = input.offset ?? 0;
  const reader = new ScopedReader(db, ctx.actor);
  const soon = addDays(today, 7);
  // Cases on the home page: those still current (the caseworker's load), except for referrals,
  // which are followed up after the case was referred out.
  const past = ['closed', 'referred_out', 'info_only'] as const;
  const teamCases = (eb: ExpressionBuilder<Database, 'support_case'>) =>
    eb
      .selectFrom('case_team_member')
      .select('case_team_member.case_id')
      .where('case_team_member.user_id', '=', me);
  const caseColumns = [
    'support_case.id',
    'support_case.case_number',
    'support_case.status',
    'support_case.status_changed_at',
    'support_case.intake_on',
    'support_case.person_id',
  ] as const;

  // One statement, one round trip: the worker's cases are read once through the scoped reader
  // (`mine`: those they lead that are still current, from one covering index, migration 0016, and
  // those whose team they are on; `ever`: every case they led, for the referrals), and each list
  // of the page is a JSON array over them, with only the shown people's names.
  const row = await db
    .with('mine', () =>
      reader
        .cases()
        .select(caseColumns)
        .where('support_case.lead_worker_id', '=', me)
        .where('support_case.status', 'not in', past)
        .unionAll(reader.cases().select(caseColumns).where('support_case.id', 'in', teamCases)),
    )
    .with('ever', () =>
      reader
        .cases()
        .select(['support_case.id', 'support_case.case_number', 'support_case.person_id'])
        .where('support_case.lead_worker_id', '=', me)
        .unionAll(
          reader
            .cases()
            .select(['support_case.id', 'support_case.case_number', 'support_case.person_id'])
            .where('support_case.id', 'in', teamCases),
        ),
    )
    .selectNoFrom((eb) => [
      // The page of cases first, then the names of its people only.
      jsonArrayFrom(
        eb
          .selectFrom(
            eb
              .selectFrom('mine')
              .distinctOn(['mine.status_changed_at', 'mine.id'])
              .selectAll('mine')
              .where('mine.status', 'not in', past)
              .orderBy('mine.status_changed_at', 'desc')
              .orderBy('mine.id')
              .limit(limit)
              .offset(offset)
              .as('page'),
          )
          .innerJoin('person', 'person.id', 'page.person_id')
          .select([
            'page.id',
            'page.case_number',
            'page.status',
            'page.status_changed_at',
            'page.intake_on',
            'page.person_id',
            'person.name',
            'person.name_kana',
          ])
          .orderBy('page.status_changed_at', 'desc')
          .orderBy('page.id'),
      ).as('cases'),
      jsonArrayFrom(
        eb
          .selectFrom(eb.selectFrom('mine').distinct().select(['mine.id', 'mine.status']).as('m'))
          .select(['m.status', (c) => c.fn.countAll<number>().as('n')])
          .where('m.status', 'not in', past)
          .groupBy('m.status'),
      ).as('counts'),
      // Monitoring not done, due within the week, of the worker's cases: the municipality's own
      // list of those is short and indexed (monitoring_due_idx).
      jsonArrayFrom(
        eb
          .selectFrom('monitoring')
          .innerJoin('plan', 'plan.id', 'monitoring.plan_id')
          .innerJoin(
            (m) =>
              m
                .selectFrom('mine')
                .distinct()
                .select(['mine.id', 'mine.case_number', 'mine.person_id'])
                .as('m'),
            (join) => join.onRef('m.id', '=', 'monitoring.case_id'),
          )
          .innerJoin('person', 'person.id', 'm.person_id')
          .select([
            'm.id',
            'm.case_number',
            'person.id as person_id',
            'person.name',
            'monitoring.due_on',
            'monitoring.id as monitoring_id',
          ])
          .where('monitoring.municipality_id', '=', ctx.actor.municipalityId)
          .where('monitoring.done_on', 'is', null)
          .where('plan.status', '=', 'active')
          .where('monitoring.due_on', '<=', soon)
          .orderBy('monitoring.due_on')
          .limit(100),
      ).as('monitoring'),
      // The cases before their first plan, whether one has gone to review: the deadline rule
      // (domain/cases/deadlines.ts) is applied below.
      jsonArrayFrom(
        eb
          .selectFrom('mine')
          .innerJoin('person', 'person.id', 'mine.person_id')
          .distinct()
          .select((c) => [
            'mine.id',
            'mine.case_number',
            'mine.status',
            'mine.intake_on',
            'mine.person_id',
            'person.name',
            c
              .exists(
                c
                  .selectFrom('plan')
                  .select('plan.id')
                  .whereRef('plan.case_id', '=', 'mine.id')
                  .where('plan.submitted_on', 'is not', null),
              )
              .as('submitted'),
          ])
          .where('mine.status', 'in', [...beforePlanStatuses]),
      ).as('beforePlan'),
      jsonArrayFrom(
        eb
          .selectFrom('mine')
          .innerJoin('case_closure', 'case_closure.case_id', 'mine.id')
          .innerJoin('person', 'person.id', 'mine.person_id')
          .distinct()
          .select([
            'mine.id',
            'mine.case_number',
            'mine.status',
            'person.id as person_id',
            'person.name',
            'case_closure.follow_up_until',
            'case_closure.follow_up_method',
          ])
          .where('case_closure.follow_up', '=', true)
          .where('mine.status', 'in', ['terminated', 'follow_up'])
          .orderBy('case_closure.follow_up_until')
          .limit(100),
      ).as('followUps'),
      jsonArrayFrom(
        eb
          .selectFrom('referral')
          .innerJoin('support_case', 'support_case.id', 'referral.case_id')
          .innerJoin('person', 'person.id', 'support_case.person_id')
          .leftJoin('partner_agency', 'partner_agency.id', 'referral.partner_agency_id')
          .select([
            'support_case.id',
            'support_case.case_number',
            'person.id as person_id',
            'person.name',
            'referral.id as referral_id',
            'referral.follow_up_on',
            'referral.destination_name',
            'partner_agency.name as partner_name',
          ])
          // The municipality's open referrals are few (those still awaiting 確認), while the cases a
          // worker ever led grow with the years: the planner may start from either
          // (referral_open_idx, or referral_open_case_idx for each case).
          .where('referral.municipality_id', '=', ctx.actor.municipalityId)
          .where('referral.case_id', 'in', (m) => m.selectFrom('ever').select('ever.id'))
          // Pending or accepted: the person has not yet been seen to arrive (つなぎの確認).
          .where('referral.status', 'in', [fixed('pending'), fixed('accepted')])
          .where('referral.follow_up_on', '<=', soon)
          .orderBy('referral.follow_up_on')
          .limit(100),
      ).as('referrals'),
      // The latest outreach attempt of each current case: its next approach within the week,
      // unless a consent has settled it since (domain/participation/outreach.ts `nextApproach`,
      // applied again below). Filtered and ordered by date after picking the latest, so the
      // limit keeps the soonest.
      jsonArrayFrom(
        eb
          .selectFrom(
            eb
              .selectFrom('contact_record')
              .innerJoin('support_case', 'support_case.id', 'contact_record.case_id')
              .innerJoin('person', 'person.id', 'support_case.person_id')
              .distinctOn('contact_record.case_id')
              .select((c) => [
                'support_case.id',
                'support_case.case_number',
                'person.id as person_id',
                'person.name',
                'contact_record.occurred_at',
                'contact_record.next_step',
                'contact_record.next_approach_on',
                c
                  .selectFrom('consent')
                  .select((k) => k.fn.max('consent.given_on').as('given_on'))
                  .whereRef('consent.case_id', '=', 'contact_record.case_id')
                  .where('consent.withdrawn_on', 'is', null)
                  .as('consented_on'),
              ])
              .where('contact_record.case_id', 'in', (m) =>
                m.selectFrom('mine').select('mine.id').where('mine.status', 'not in', past),
              )
              .where('contact_record.outreach_channel', 'is not', null)
              .orderBy('contact_record.case_id')
              .orderBy('contact_record.occurred_at', 'desc')
              .as('latest'),
          )
          .selectAll()
          .where('latest.next_approach_on', '<=', soon)
          .where((c) =>
            c.or([
              c('latest.consented_on', 'is', null),
              c(
                'latest.consented_on',
                '<',
                sql<string>`(latest.occurred_at at time zone 'Asia/Tokyo')::date`,
              ),
            ]),
          )
          .orderBy('latest.next_approach_on')
          .limit(100),
      ).as('attempts'),
      // The latest follow-up of each place a person is trying or taking part in, due within the week.
      jsonArrayFrom(
        eb
          .selectFrom(
            eb
              .selectFrom('participation_match')
              .innerJoin(
                'participation_follow_up',
                'participation_follow_up.match_id',
                'participation_match.id',
              )
              .innerJoin(
                'social_resource',
                'social_resource.id',
                'participation_match.social_resource_id',
              )
              .innerJoin('support_case', 'support_case.id', 'participation_match.case_id')
              .innerJoin('person', 'person.id', 'support_case.person_id')
              .distinctOn('participation_match.id')
              .select([
                'support_case.id',
                'support_case.case_number',
                'person.id as person_id',
                'person.name',
                'participation_match.id as match_id',
                'social_resource.name as place',
                'participation_follow_up.next_on',
              ])
              .where('participation_match.case_id', 'in', (m) =>
                m.selectFrom('mine').select('mine.id'),
              )
              .where('participation_match.status', 'in', ['trial', 'active'])
              .orderBy('participation_match.id')
              .orderBy('participation_follow_up.followed_on', 'desc')
              .orderBy('participation_follow_up.created_at', 'desc')
              .as('latest'),
          )
          .selectAll()
          .where('latest.next_on', '<=', soon)
          .orderBy('latest.next_on')
          .limit(100),
      ).as('placeFollowUps'),
      eb
        .selectFrom('municipality')
        .select('municipality.plan_deadline_days')
        .where('municipality.id', '=', ctx.actor.municipalityId)
        .as('deadlineDays'),
    ])
    .executeTakeFirstOrThrow();

  const deadlineDays = row.deadlineDays ?? 14;
  const { cases, monitoring } = row;
  const counts = row.counts.map((c) => ({ status: c.status, count: Number(c.n) }));
  const total = counts.reduce((sum, c) => sum + c.count, 0);
  // Past the end (cases closed while the worker was on a later page): the last page instead,
  // read before anything is audited as shown.
  if (cases.length === 0 && offset > 0 && total > 0) {
    return getCaseload(deps, ctx, {
      today,
      limit,
      offset: Math.floor((total - 1) / limit) * limit,
    });
  }
  const overduePlans = row.beforePlan
    .filter(
      (c) =>
        c.intake_on !== null &&
        isPlanOverdue(c.status, c.intake_on, deadlineDays, today, Boolean(c.submitted)),
    )
    .sort((a, b) => (a.intake_on ?? '').localeCompare(b.intake_on ?? ''))
    .slice(0, 100)
    .map((c) => ({ ...c, due_on: planDueOn(c.intake_on ?? today, deadlineDays) }));
  const followUps = row.followUps;
  const referrals = row.referrals;
  const approaches = row.attempts.flatMap((a) => {
    const next = nextApproach(
      [
        {
          occurredAt: new Date(a.occurred_at).toISOString(),
          nextStep: a.next_step,
          nextApproachOn: a.next_approach_on,
        },
      ],
      today,
      a.consented_on,
    );
    return next?.on && next.on <= soon ? [{ ...a, next: { ...next, on: next.on } }] : [];
  });
  const placeDue = row.placeFollowUps.flatMap((f) =>
    f.next_on !== null ? [{ ...f, next_on: f.next_on }] : [],
  );

  const shown = [
    cases,
    monitoring,
    overduePlans,
    followUps,
    referrals,
    approaches,
    placeDue,
  ].flatMap((list) => list.map((r) => r.person_id));
  if (shown.length > 0) {
    await recordAudit(db, ctx, {
      action: 'case.caseload',
      outcome: 'success',
      subjectType: 'case',
      personIds: shown,
      legalBasis: 'own_case',
    });
  }
  return {
    today,
    counts,
    page: { offset, limit, total },
    cases: cases.map((c) => ({
      id: c.id,
      caseNumber: c.case_number,
      status: c.status,
      statusChangedAt: new Date(c.status_changed_at).toISOString(),
      intakeOn: c.intake_on,
      name: c.name,
      nameKana: c.name_kana,
    })),
    due: {
      monitoring: monitoring.map((m) => ({
        caseId: m.id,
        caseNumber: m.case_number,
        name: m.name,
        dueOn: m.due_on,
        monitoringId: m.monitoring_id,
        overdue: m.due_on < today,
      })),
      overduePlans: overduePlans.map((p) => ({
        caseId: p.id,
        caseNumber: p.case_number,
        name: p.name,
        intakeOn: p.intake_on,
        dueOn: p.due_on,
      })),
      followUps: followUps.map((f) => ({
        caseId: f.id,
        caseNumber: f.case_number,
        name: f.name,
        status: f.status,
        until: f.follow_up_until,
        method: f.follow_up_method,
        ending: f.follow_up_until !== null && f.follow_up_until <= addDays(today, 14),
      })),
      referrals: referrals.map((r) => ({
        caseId: r.id,
        caseNumber: r.case_number,
        name: r.name,
        referralId: r.referral_id,
        followUpOn: r.follow_up_on,
        destination: r.partner_name ?? r.destination_name,
        overdue: r.follow_up_on !== null && r.follow_up_on < today,
      })),
      outreach: approaches.map((a) => ({
        caseId: a.id,
        caseNumber: a.case_number,
        name: a.name,
        plan: a.next.plan,
        dueOn: a.next.on,
        overdue: a.next.overdue,
      })),
      placeFollowUps: placeDue.map((f) => ({
        caseId: f.id,
        caseNumber: f.case_number,
        name: f.name,
        matchId: f.match_id,
        place: f.place,
        dueOn: f.next_on,
        overdue: f.next_on < today,
      })),
    },
  };
}
