import { sql } from 'kysely';
import { addDays, isPlanOverdue, planDueOn } from '../../domain/cases/deadlines';
import { nextApproach } from '../../domain/participation/outreach';
import { todayInJapan } from '../../domain/text/wareki';
import { authorize } from '../access/authorize';
import { ScopedReader } from '../access/scoped-reader';
import { recordAudit } from '../audit/record-audit';
import type { ActorContext, AppDeps } from '../http/context';

const caseloadLimit = 200;

/**
 * The caseworker's day: their caseload by status, and what is due — monitoring on or before
 * today, plans past the municipality's deadline, follow-ups coming to their end, referrals whose
 * arrival has not been confirmed, the next outreach approach (アウトリーチ) and the next follow-up of
 * a person at a place (参加支援) within a week. "Their" cases are those they lead or are on the team of.
 */
export async function getCaseload(
  deps: AppDeps,
  ctx: ActorContext,
  input: { today: string | undefined },
) {
  authorize(ctx.actor, 'case.read', undefined, { subjectType: 'case' });
  const db = deps.database.db;
  const today = input.today ?? todayInJapan(deps.now());
  const me = ctx.actor.userId;
  const reader = new ScopedReader(db, ctx.actor);
  const soon = addDays(today, 7);
  // Cases on the home page: those still current (the caseworker's load), except for referrals,
  // which are followed up after the case was referred out.
  const past = ['closed', 'referred_out', 'info_only'] as const;

  // The worker's cases, read once through the scoped reader: those they lead that are still
  // current (from one covering index, migration 0016) and those whose team they are on; every
  // list below is then found by these cases' ids, and only the people shown are read.
  const columns = [
    'support_case.id',
    'support_case.case_number',
    'support_case.status',
    'support_case.status_changed_at',
    'support_case.intake_on',
    'support_case.person_id',
  ] as const;
  const [led, onTeam, municipality] = await Promise.all([
    reader
      .cases()
      .select(columns)
      .where('support_case.lead_worker_id', '=', me)
      .where('support_case.status', 'not in', past)
      .execute(),
    reader
      .cases()
      .select(columns)
      .where('support_case.id', 'in', (eb) =>
        eb
          .selectFrom('case_team_member')
          .select('case_team_member.case_id')
          .where('case_team_member.user_id', '=', me),
      )
      .execute(),
    reader.municipality().select('plan_deadline_days').executeTakeFirstOrThrow(),
  ]);
  const mine = new Map([...led, ...onTeam].map((c) => [c.id, c]));
  const all = [...mine.values()];
  const ids = (list: typeof all) => sql<string>`any(${list.map((c) => c.id)}::uuid[])`;
  const current = all.filter((c) => !(past as readonly string[]).includes(c.status));
  const teamIds = onTeam.map((c) => c.id);
  const caseOf = (id: string) => {
    const c = mine.get(id);
    if (!c) throw new Error(`caseload: case ${id} is not the worker's`);
    return { id: c.id, case_number: c.case_number, status: c.status, person_id: c.person_id };
  };

  const cases = [...current]
    .sort((a, b) => b.status_changed_at.getTime() - a.status_changed_at.getTime())
    .slice(0, caseloadLimit);
  const counts = new Map<(typeof current)[number]['status'], number>();
  for (const c of current) counts.set(c.status, (counts.get(c.status) ?? 0) + 1);
  const beforePlan = all.filter(
    (c) =>
      c.intake_on !== null &&
      isPlanOverdue(c.status, c.intake_on, municipality.plan_deadline_days, today, false),
  );

  // Referrals are followed up on every case the worker leads, current or not: found from the
  // open referrals' own index (migration 0016), then the worker's cases among them.
  const referralsOf = (scope: 'led' | 'team') => {
    const query = reader
      .cases()
      .innerJoin('referral', 'referral.case_id', 'support_case.id')
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
      // Pending or accepted: the person has not yet been seen to arrive (つなぎの確認).
      .where('referral.status', 'in', ['pending', 'accepted'])
      .where('referral.follow_up_on', '<=', soon)
      .orderBy('referral.follow_up_on')
      .limit(100);
    return scope === 'led'
      ? query.where('support_case.lead_worker_id', '=', me).execute()
      : query.where('support_case.id', '=', sql<string>`any(${teamIds}::uuid[])`).execute();
  };

  const [monitoring, submitted, followUps, ledReferrals, teamReferrals, attempts, placeFollowUps] =
    await Promise.all([
      all.length === 0
        ? []
        : db
            .selectFrom('monitoring')
            .innerJoin('plan', 'plan.id', 'monitoring.plan_id')
            .select(['monitoring.case_id', 'monitoring.due_on', 'monitoring.id as monitoring_id'])
            .where('monitoring.municipality_id', '=', ctx.actor.municipalityId)
            .where('monitoring.case_id', '=', ids(all))
            .where('monitoring.done_on', 'is', null)
            .where('plan.status', '=', 'active')
            .where('monitoring.due_on', '<=', soon)
            .orderBy('monitoring.due_on')
            .limit(100)
            .execute(),
      // Plans already sent to review end the intake-to-plan deadline.
      beforePlan.length === 0
        ? []
        : db
            .selectFrom('plan')
            .select('plan.case_id')
            .distinct()
            .where('plan.case_id', '=', ids(beforePlan))
            .where('plan.submitted_on', 'is not', null)
            .execute(),
      db
        .selectFrom('case_closure')
        .select([
          'case_closure.case_id',
          'case_closure.follow_up_until',
          'case_closure.follow_up_method',
        ])
        .where(
          'case_closure.case_id',
          '=',
          ids(all.filter((c) => c.status === 'terminated' || c.status === 'follow_up')),
        )
        .where('case_closure.follow_up', '=', true)
        .orderBy('case_closure.follow_up_until')
        .limit(100)
        .execute(),
      referralsOf('led'),
      teamIds.length === 0 ? [] : referralsOf('team'),
      // The latest outreach attempt of each current case: its next approach within the week,
      // unless a consent has settled it since (domain/participation/outreach.ts `nextApproach`,
      // applied again below). Filtered and ordered by date after picking the latest, so the limit
      // keeps the soonest.
      current.length === 0
        ? []
        : db
            .selectFrom(
              db
                .selectFrom('contact_record')
                .distinctOn('contact_record.case_id')
                .select((eb) => [
                  'contact_record.case_id',
                  'contact_record.occurred_at',
                  'contact_record.next_step',
                  'contact_record.next_approach_on',
                  eb
                    .selectFrom('consent')
                    .select((c) => c.fn.max('consent.given_on').as('given_on'))
                    .whereRef('consent.case_id', '=', 'contact_record.case_id')
                    .where('consent.withdrawn_on', 'is', null)
                    .as('consented_on'),
                ])
                .where('contact_record.case_id', '=', ids(current))
                .where('contact_record.outreach_channel', 'is not', null)
                .orderBy('contact_record.case_id')
                .orderBy('contact_record.occurred_at', 'desc')
                .as('latest'),
            )
            .selectAll()
            .where('latest.next_approach_on', '<=', soon)
            .where((eb) =>
              eb.or([
                eb('latest.consented_on', 'is', null),
                eb(
                  'latest.consented_on',
                  '<',
                  sql<string>`(latest.occurred_at at time zone 'Asia/Tokyo')::date`,
                ),
              ]),
            )
            .orderBy('latest.next_approach_on')
            .limit(100)
            .execute(),
      // The latest follow-up of each place a person is trying or taking part in, due within the week.
      all.length === 0
        ? []
        : db
            .selectFrom(
              db
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
                .distinctOn('participation_match.id')
                .select([
                  'participation_match.case_id',
                  'participation_match.id as match_id',
                  'social_resource.name as place',
                  'participation_follow_up.next_on',
                ])
                .where('participation_match.case_id', '=', ids(all))
                .where('participation_match.status', 'in', ['trial', 'active'])
                .orderBy('participation_match.id')
                .orderBy('participation_follow_up.followed_on', 'desc')
                .orderBy('participation_follow_up.created_at', 'desc')
                .as('latest'),
            )
            .selectAll()
            .where('latest.next_on', '<=', soon)
            .orderBy('latest.next_on')
            .limit(100)
            .execute(),
    ]);
  const hasPlan = new Set(submitted.map((p) => p.case_id));
  const overduePlans = beforePlan
    .filter((c) => !hasPlan.has(c.id))
    .sort((a, b) => (a.intake_on ?? '').localeCompare(b.intake_on ?? ''))
    .slice(0, 100)
    .map((c) => ({
      ...caseOf(c.id),
      intake_on: c.intake_on,
      due_on: planDueOn(c.intake_on ?? today, municipality.plan_deadline_days),
    }));
  const referrals = [...new Map([...ledReferrals, ...teamReferrals].map((r) => [r.referral_id, r]))]
    .map(([, r]) => r)
    .sort((a, b) => (a.follow_up_on ?? '').localeCompare(b.follow_up_on ?? ''))
    .slice(0, 100);
  const approaches = attempts.flatMap((a) => {
    const next = nextApproach(
      [
        {
          occurredAt: a.occurred_at.toISOString(),
          nextStep: a.next_step,
          nextApproachOn: a.next_approach_on,
        },
      ],
      today,
      a.consented_on,
    );
    return next?.on && next.on <= soon
      ? [{ ...caseOf(a.case_id), next: { ...next, on: next.on } }]
      : [];
  });
  const placeDue = placeFollowUps.flatMap((f) =>
    f.next_on !== null ? [{ ...caseOf(f.case_id), ...f, next_on: f.next_on }] : [],
  );
  const monitoringDue = monitoring.map((m) => ({ ...caseOf(m.case_id), ...m }));
  const followUpsDue = followUps.map((f) => ({ ...caseOf(f.case_id), ...f }));

  const shown = [
    cases,
    monitoringDue,
    overduePlans,
    followUpsDue,
    referrals,
    approaches,
    placeDue,
  ].flatMap((list) => list.map((r) => r.person_id));
  // The names of the people shown, and only theirs (each is the person of a case found above
  // through the scoped reader).
  const people = new Map(
    (shown.length === 0
      ? []
      : await db
          .selectFrom('person')
          .select(['id', 'name', 'name_kana'])
          .where('person.municipality_id', '=', ctx.actor.municipalityId)
          .where('person.id', '=', sql<string>`any(${[...new Set(shown)]}::uuid[])`)
          .execute()
    ).map((p) => [p.id, p]),
  );
  const nameOf = (personId: string) => people.get(personId)?.name ?? '';
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
    counts: [...counts].map(([status, count]) => ({ status, count })),
    cases: cases.map((c) => ({
      id: c.id,
      caseNumber: c.case_number,
      status: c.status,
      statusChangedAt: c.status_changed_at.toISOString(),
      intakeOn: c.intake_on,
      name: nameOf(c.person_id),
      nameKana: people.get(c.person_id)?.name_kana ?? null,
    })),
    due: {
      monitoring: monitoringDue.map((m) => ({
        caseId: m.id,
        caseNumber: m.case_number,
        name: nameOf(m.person_id),
        dueOn: m.due_on,
        monitoringId: m.monitoring_id,
        overdue: m.due_on < today,
      })),
      overduePlans: overduePlans.map((p) => ({
        caseId: p.id,
        caseNumber: p.case_number,
        name: nameOf(p.person_id),
        intakeOn: p.intake_on,
        dueOn: p.due_on,
      })),
      followUps: followUpsDue.map((f) => ({
        caseId: f.id,
        caseNumber: f.case_number,
        name: nameOf(f.person_id),
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
        name: nameOf(a.person_id),
        plan: a.next.plan,
        dueOn: a.next.on,
        overdue: a.next.overdue,
      })),
      placeFollowUps: placeDue.map((f) => ({
        caseId: f.id,
        caseNumber: f.case_number,
        name: nameOf(f.person_id),
        matchId: f.match_id,
        place: f.place,
        dueOn: f.next_on,
        overdue: f.next_on < today,
      })),
    },
  };
}
