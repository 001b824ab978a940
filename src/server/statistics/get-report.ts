import {
  ageBandOfAge,
  ageBands,
  figuresOf,
  totalOfMonths,
  zeroCounts,
} from '../../domain/statistics/indicators';
import type { CountRow, StatisticsQuery, StatisticsReport } from '../../domain/statistics/report';
import type { ActorContext, AppDeps } from '../http/context';
import { countCaseload, countMeetings, countReferrals, countResourceGaps } from './count-activity';
import { countBreakdowns, countIndicators, countTriage } from './count-figures';
import { resolveReportScope } from './report-scope';
import { getTargets } from './targets';

/**
 * 統計: the national indicators month by month and in total, against the 目安値, with the local
 * breakdowns. Aggregates only — no person can be told from them — so the read is not audited.
 */
export async function getStatisticsReport(
  deps: AppDeps,
  ctx: ActorContext,
  query: StatisticsQuery,
): Promise<StatisticsReport> {
  const scope = await resolveReportScope(deps, ctx, query);
  const cacheKey = JSON.stringify([scope.supportAgencyId, scope.districtId, scope.from, scope.to]);
  const cache = deps.reportCache;
  const cached = cache.get(scope.municipalityId, cacheKey, deps.now());
  if (cached) return cached;
  const generation = cache.generation(scope.municipalityId);
  const report = await countReport(deps, scope);
  cache.set(scope.municipalityId, cacheKey, report, generation, deps.now());
  return report;
}

async function countReport(
  deps: AppDeps,
  scope: Awaited<ReturnType<typeof resolveReportScope>>,
): Promise<StatisticsReport> {
  const db = deps.database.db;
  const [indicators, triage, breakdowns, meetings, referrals, resourceGaps, caseload, targets] =
    await Promise.all([
      countIndicators(db, scope),
      countTriage(db, scope),
      countBreakdowns(db, scope),
      countMeetings(db, scope),
      countReferrals(db, scope),
      countResourceGaps(db, scope),
      countCaseload(db, scope),
      getTargets(db, scope.municipalityId),
    ]);
  const monthCounts = scope.months.map((month) => indicators.months.get(month) ?? zeroCounts);
  const total = totalOfMonths(monthCounts, indicators.improvement);
  const bands = new Map<string, number>(ageBands.map((band) => [band, 0]));
  for (const row of breakdowns.ages) {
    const band = ageBandOfAge(row.age);
    bands.set(band, (bands.get(band) ?? 0) + row.n);
  }
  return {
    scope: {
      from: scope.from,
      to: scope.to,
      months: scope.months,
      municipalityName: scope.names.municipality,
      supportAgencyId: scope.supportAgencyId,
      supportAgencyName: scope.names.supportAgency,
      districtId: scope.districtId,
      districtName: scope.names.district,
      population: scope.population,
      generatedAt: deps.now().toISOString(),
    },
    months: scope.months.map((month, i) => ({
      month,
      ...figuresOf(monthCounts[i] ?? zeroCounts, scope.population, 1),
    })),
    total: figuresOf(total, scope.population, scope.months.length),
    targets: targets.values,
    breakdowns: {
      ageBand: [...bands].map(([key, count]) => ({ key, count })),
      sex: byCount(breakdowns.sexes),
      topic: byCount(breakdowns.topics),
      route: byCount(breakdowns.routes),
    },
    triage,
    improvements: indicators.improvement.items,
    meetings,
    referrals,
    resourceGaps,
    caseload,
  };
}

function byCount(rows: CountRow[]): CountRow[] {
  return [...rows].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}
