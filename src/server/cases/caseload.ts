import { sql } from 'kysely';
import { addDays } from '../../domain/cases/deadlines';
import { todayInJapan } from '../../domain/text/wareki';
import { authorize } from '../access/authorize';
import { ScopedReader } from '../access/scoped-reader';
import { recordAudit } from '../audit/record-audit';
import type { ActorContext, AppDeps } from '../http/context';

const caseloadLimit = 200;

/**
 * The caseworker's day: their caseload by status, and what is due — monitoring on or before
 * today, plans past the municipality's deadline, follow-ups coming to their end, referrals whose
 * arrival has not been confirmed. "Their" cases are those they lead or are on the team of.
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
  // Cases on the home page: those still current (the caseworker's load), except for referrals,
  // which are followed up after the case was referred out.
  const past = ['closed', 'referred_out', 'info_only'] as const;
  const mine = (current = true) =>
    reader.cases().where('support_case.id', 'in', (eb) => {
      const led = eb
        .selectFrom('support_case as led')
        .select('led.id')
        .where('led.lead_worker_id', '=', me);
      return (current ? led.where('led.status', 'not in', past) : led).unionAll(
        eb
          .selectFrom('case_team_member')
          .select('case_team_member.case_id as id')
          .where('case_team_member.user_id', '=', me),
      );
    });

  const [cases, monitoring, overduePlans, followUps, referrals] = await Promise.all([
    mine()
      .innerJoin('person', 'person.id', 'support_case.person_id')
      .select([
        'support_case.id',
        'support_case.case_number',
        'support_case.status',
        'support_case.status_changed_at',
        'support_case.intake_on',
        'person.id as person_id',
        'person.name',
        'person.name_kana',
      ])
      .where('support_case.status', 'not in', past)
      .orderBy('support_case.status_changed_at', 'desc')
      .limit(caseloadLimit)
      .execute(),
    mine()
      .innerJoin('monitoring', 'monitoring.case_id', 'support_case.id')
      .innerJoin('plan', 'plan.id', 'monitoring.plan_id')
      .innerJoin('person', 'person.id', 'support_case.person_id')
      .select([
        'support_case.id',
        'support_case.case_number',
        'person.id as person_id',
        'person.name',
        'monitoring.due_on',
        'monitoring.id as monitoring_id',
      ])
      .where('monitoring.done_on', 'is', null)
      .where('plan.status', '=', 'active')
      .where('monitoring.due_on', '<=', addDays(today, 7))
      .orderBy('monitoring.due_on')
      .limit(100)
      .execute(),
    mine()
      .innerJoin('municipality', 'municipality.id', 'support_case.municipality_id')
      .innerJoin('person', 'person.id', 'support_case.person_id')
      .select([
        'support_case.id',
        'support_case.case_number',
        'person.id as person_id',
        'person.name',
        'support_case.intake_on',
        sql<string>`(support_case.intake_on + municipality.plan_deadline_days)::text`.as('due_on'),
      ])
      .where('support_case.status', 'in', [
        'intake',
        'continuing',
        'applied',
        'assessing',
        'planning',
        'reopened',
      ])
      .where(
        sql<boolean>`support_case.intake_on + municipality.plan_deadline_days < ${today}::date`,
      )
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('plan')
              .select('plan.id')
              .whereRef('plan.case_id', '=', 'support_case.id')
              .where('plan.submitted_on', 'is not', null),
          ),
        ),
      )
      .orderBy('support_case.intake_on')
      .limit(100)
      .execute(),
    mine()
      .innerJoin('case_closure', 'case_closure.case_id', 'support_case.id')
      .innerJoin('person', 'person.id', 'support_case.person_id')
      .select([
        'support_case.id',
        'support_case.case_number',
        'support_case.status',
        'person.id as person_id',
        'person.name',
        'case_closure.follow_up_until',
        'case_closure.follow_up_method',
      ])
      .where('case_closure.follow_up', '=', true)
      .where('support_case.status', 'in', ['terminated', 'follow_up'])
      .orderBy('case_closure.follow_up_until')
      .limit(100)
      .execute(),
    mine(false)
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
      .where('referral.follow_up_on', '<=', addDays(today, 7))
      .orderBy('referral.follow_up_on')
      .limit(100)
      .execute(),
  ]);

  const counts = await mine()
    .where('support_case.status', 'not in', past)
    .select(['support_case.status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('support_case.status')
    .execute();

  const shown = [cases, monitoring, overduePlans, followUps, referrals].flatMap((list) =>
    list.map((r) => r.person_id),
  );
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
    counts: counts.map((c) => ({ status: c.status, count: Number(c.n) })),
    cases: cases.map((c) => ({
      id: c.id,
      caseNumber: c.case_number,
      status: c.status,
      statusChangedAt: c.status_changed_at.toISOString(),
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
    },
  };
}
