import { type Kysely, type RawBuilder, sql } from 'kysely';
import { type IndicatorCounts, zeroCounts } from '../../domain/statistics/indicators';
import type { CountRow, MonthKey, StatisticsReport } from '../../domain/statistics/report';
import type { Database } from '../db/schema';
import type { ReportScope } from './report-scope';
import { caseInScope as inScope, japanDate, japanMidnight } from './scope-sql';

/**
 * The counts behind a report, as the rules in src/domain/statistics/indicators.ts define them.
 * One grouped query per figure family over the whole range (grouped by month where the report
 * shows months), never one per month or per case: each reads one index range of one table
 * (intake_received_idx, support_decision_decided_idx, evaluation_evaluated_idx …, migration 0011).
 *
 * Scope: the municipality always; the agency through support_case.support_agency_id; the
 * district through case_district_history on the event's date.
 */

type Db = Kysely<Database>;

/** The month of a date column, 'YYYY-MM'. */
const monthOfDate = (column: RawBuilder<unknown>) => sql<string>`to_char(${column}, 'YYYY-MM')`;

const ref = (name: string) => sql.ref(name);

type MonthCounts = Map<MonthKey, IndicatorCounts>;

function at(map: MonthCounts, month: MonthKey): IndicatorCounts {
  let row = map.get(month);
  if (!row) {
    row = { ...zeroCounts };
    map.set(month, row);
  }
  return row;
}

/**
 * 新規相談受付件数 by month: intakes received, plus reopenings (in Japan's calendar).
 */
async function countNewConsultations(db: Db, scope: ReportScope, into: MonthCounts) {
  const { rows } = await sql<{ month: string; n: number }>`
    select e.month, count(*)::int as n from (
      select ${monthOfDate(ref('i.received_on'))} as month, i.case_id, i.received_on as on_date
      from intake i
      where i.municipality_id = ${scope.municipalityId}
        and i.received_on >= ${scope.fromDate} and i.received_on < ${scope.toDateExclusive}
      union all
      select to_char(t.occurred_at at time zone 'Asia/Tokyo', 'YYYY-MM'), t.case_id,
        ${japanDate(ref('t.occurred_at'))}
      from case_transition t
      where t.municipality_id = ${scope.municipalityId} and t.action = 'reopen'
        and t.occurred_at >= ${japanMidnight(scope.fromDate)}
        and t.occurred_at < ${japanMidnight(scope.toDateExclusive)}
    ) e
    where ${inScope(scope, ref('e.case_id'), ref('e.on_date'))}
    group by e.month`.execute(db);
  for (const r of rows) at(into, r.month).newConsultations = r.n;
}

/** プラン作成件数 (first plans, re-plans) and ① by the month of the 支援決定. */
async function countPlans(db: Db, scope: ReportScope, into: MonthCounts) {
  const { rows } = await sql<{ month: string; first: number; replans: number; targets: number }>`
    select ${monthOfDate(ref('d.decided_on'))} as month,
      (count(*) filter (where p.plan_no = 1))::int as first,
      (count(*) filter (where p.plan_no > 1))::int as replans,
      (count(*) filter (where p.employment_support_target))::int as targets
    from support_decision d
    join plan p on p.id = d.plan_id
    where d.municipality_id = ${scope.municipalityId}
      and d.decided_on >= ${scope.fromDate} and d.decided_on < ${scope.toDateExclusive}
      and p.revision = 0
      and ${inScope(scope, ref('d.case_id'), ref('d.decided_on'))}
    group by 1`.execute(db);
  for (const r of rows) {
    const row = at(into, r.month);
    row.firstPlans = r.first;
    row.replans = r.replans;
    row.employmentSupportTargets = r.targets;
  }
}

/** An earlier evaluation of the same (case, plan_no) recording the same outcome. */
const earlier = (flag: 'employed' | 'income_increased') => sql<boolean>`exists (
  select 1 from evaluation e2 join plan p2 on p2.id = e2.plan_id
  where e2.case_id = e.case_id and p2.plan_no = p.plan_no and e2.${sql.ref(flag)}
    and (e2.evaluated_on, e2.created_at, e2.id) < (e.evaluated_on, e.created_at, e.id))`;

/** 就労者数 / 増収者数 and ② / ③: first evaluation per (case, plan_no) recording it. */
async function countEmployment(db: Db, scope: ReportScope, into: MonthCounts) {
  const { rows } = await sql<{
    month: string;
    employed: number;
    employed_targets: number;
    income: number;
    income_targets: number;
  }>`
    select month,
      (count(*) filter (where first_employed))::int as employed,
      (count(*) filter (where first_employed and target))::int as employed_targets,
      (count(*) filter (where first_income))::int as income,
      (count(*) filter (where first_income and target))::int as income_targets
    from (
      select ${monthOfDate(ref('e.evaluated_on'))} as month,
        p.employment_support_target as target,
        e.employed and not ${earlier('employed')} as first_employed,
        e.income_increased and not ${earlier('income_increased')} as first_income
      from evaluation e
      join plan p on p.id = e.plan_id
      where e.municipality_id = ${scope.municipalityId}
        and e.evaluated_on >= ${scope.fromDate} and e.evaluated_on < ${scope.toDateExclusive}
        and (e.employed or e.income_increased)
        and ${inScope(scope, ref('e.case_id'), ref('e.evaluated_on'))}
    ) x
    group by month`.execute(db);
  for (const r of rows) {
    const row = at(into, r.month);
    row.employed = r.employed;
    row.employedOfTargets = r.employed_targets;
    row.incomeIncreased = r.income;
    row.incomeIncreasedOfTargets = r.income_targets;
  }
}

/**
 * 自立に向けた改善: each case's latest evaluation in the period (per month, and over the whole
 * range), improved when it lists an item; and the items of the range's latest evaluations.
 */
async function countImprovement(db: Db, scope: ReportScope, into: MonthCounts) {
  const evaluated = sql`
    from evaluation e
    where e.municipality_id = ${scope.municipalityId}
      and e.evaluated_on >= ${scope.fromDate} and e.evaluated_on < ${scope.toDateExclusive}
      and ${inScope(scope, ref('e.case_id'), ref('e.evaluated_on'))}`;
  const [byMonth, total] = await Promise.all([
    sql<{ month: string; holders: number; improved: number }>`
      select month, count(*)::int as holders,
        (count(*) filter (where cardinality(improvements) > 0))::int as improved
      from (
        select distinct on (e.case_id, ${monthOfDate(ref('e.evaluated_on'))})
          ${monthOfDate(ref('e.evaluated_on'))} as month, e.improvements
        ${evaluated}
        order by e.case_id, ${monthOfDate(ref('e.evaluated_on'))},
          e.evaluated_on desc, e.created_at desc, e.id desc
      ) x
      group by month`.execute(db),
    sql<{ item: string | null; n: number; holders: number; improved: number }>`
      with latest as (
        select distinct on (e.case_id) e.case_id, e.improvements
        ${evaluated}
        order by e.case_id, e.evaluated_on desc, e.created_at desc, e.id desc
      )
      select null as item, 0 as n, count(*)::int as holders,
        (count(*) filter (where cardinality(improvements) > 0))::int as improved
      from latest
      union all
      select item, count(distinct case_id)::int, 0, 0
      from latest, unnest(latest.improvements) as item
      group by item`.execute(db),
  ]);
  for (const r of byMonth.rows) {
    const row = at(into, r.month);
    row.planHoldersEvaluated = r.holders;
    row.improved = r.improved;
  }
  const head = total.rows.find((r) => r.item === null);
  return {
    planHoldersEvaluated: head?.holders ?? 0,
    improved: head?.improved ?? 0,
    items: sortRows(
      total.rows.flatMap((r) => (r.item === null ? [] : [{ key: r.item, count: r.n }])),
    ),
  };
}

function sortRows(rows: CountRow[]): CountRow[] {
  return rows.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** The per-month indicator counts and the range's improvement figures. */
export async function countIndicators(db: Db, scope: ReportScope) {
  const months: MonthCounts = new Map();
  const [, , , improvement] = await Promise.all([
    countNewConsultations(db, scope, months),
    countPlans(db, scope, months),
    countEmployment(db, scope, months),
    countImprovement(db, scope, months),
  ]);
  return { months, improvement };
}

/** Triage outcomes of the intakes triaged in the range; 生活保護 among the つなぎ. */
export async function countTriage(db: Db, scope: ReportScope): Promise<StatisticsReport['triage']> {
  const { rows } = await sql<{ outcome: string; n: number; pa: number }>`
    select i.triage_outcome as outcome, count(*)::int as n,
      -- One hashed set of the 生活保護 referrals, not an index probe per intake.
      (count(*) filter (where i.case_id in (
        select r.case_id from referral r
        where r.municipality_id = ${scope.municipalityId} and r.to_public_assistance
      )))::int as pa
    from intake i
    where i.municipality_id = ${scope.municipalityId}
      and i.triaged_on >= ${scope.fromDate} and i.triaged_on < ${scope.toDateExclusive}
      and i.triage_outcome is not null
      and ${inScope(scope, ref('i.case_id'), ref('i.triaged_on'))}
    group by 1`.execute(db);
  const of = (outcome: string) => rows.find((r) => r.outcome === outcome);
  return {
    continued: of('continue')?.n ?? 0,
    referredOut: of('refer_out')?.n ?? 0,
    referredOutToPublicAssistance: of('refer_out')?.pa ?? 0,
    infoOnly: of('info_only')?.n ?? 0,
  };
}

/**
 * The new consultations of the range (intakes received) by age at receipt, sex and route in — one
 * pass over the range's intakes with their people (grouping sets) — and by each topic (the intakes
 * alone). Ages come back as numbers and are banded by the domain's ageBandOfAge.
 */
export async function countBreakdowns(db: Db, scope: ReportScope) {
  const inRange = sql`
    i.municipality_id = ${scope.municipalityId}
    and i.received_on >= ${scope.fromDate} and i.received_on < ${scope.toDateExclusive}
    and ${inScope(scope, ref('i.case_id'), ref('i.received_on'))}`;
  const [grouped, topics] = await Promise.all([
    sql<{ age: number | null; sex: string | null; route: string | null; by: string; n: number }>`
      select date_part('year', age(i.received_on, p.birth_date))::int as age, p.sex,
        i.route_in as route,
        case when grouping(p.sex) = 0 then 'sex' when grouping(i.route_in) = 0 then 'route'
          else 'age' end as by,
        count(*)::int as n
      from intake i
      join support_case c on c.id = i.case_id
      join person p on p.id = c.person_id
      where ${inRange}
      group by grouping sets (
        (date_part('year', age(i.received_on, p.birth_date))), (p.sex), (i.route_in))`.execute(db),
    sql<{ key: string; n: number }>`
      select topic as key, count(*)::int as n
      from intake i cross join unnest(i.topics) as topic
      where ${inRange}
      group by 1`.execute(db),
  ]);
  const of = (by: string) => grouped.rows.filter((r) => r.by === by);
  return {
    ages: of('age').map((r) => ({ age: r.age, n: r.n })),
    sexes: of('sex').map((r) => ({ key: r.sex ?? 'unknown', count: r.n })),
    topics: topics.rows.map((r) => ({ key: r.key, count: r.n })),
    routes: of('route').map((r) => ({ key: r.route ?? 'unknown', count: r.n })),
  };
}
