import type { Actor } from '../../domain/actor';
import { firstDayAfter, firstDayOf, monthsBetween } from '../../domain/statistics/indicators';
import type { MonthKey, StatisticsQuery } from '../../domain/statistics/report';
import { authorize } from '../access/authorize';
import { ScopedReader } from '../access/scoped-reader';
import type { ActorContext, AppDeps } from '../http/context';
import { forbidden, notFound } from '../http/domain-error';

/** What one report (or export) covers, checked against who asks. */
export interface ReportScope {
  municipalityId: string;
  supportAgencyId: string | null;
  districtId: string | null;
  from: MonthKey;
  to: MonthKey;
  /** First day of `from`, ISO. */
  fromDate: string;
  /** First day after `to`, ISO: ranges are [fromDate, toDateExclusive). */
  toDateExclusive: string;
  months: MonthKey[];
  names: { municipality: string; supportAgency: string | null; district: string | null };
  /** The district's population when one is chosen, else the municipality's; null if unknown. */
  population: number | null;
}

/**
 * Staff of a support agency (not the municipality's officers or administrators) see the figures of
 * their own agency only: the others' caseloads are not theirs to compare.
 */
export function agencyBoundTo(actor: Actor): string | null {
  if (actor.roles.includes('municipal_officer') || actor.roles.includes('admin')) return null;
  return actor.supportAgencyId;
}

/**
 * The scope of a statistics request: statistics.read, the agency an agency-bound user is held to
 * (another agency answers 403, none given means their own), and the names and population of what
 * was chosen (an unknown agency or district answers 404).
 */
export async function resolveReportScope(
  deps: AppDeps,
  ctx: ActorContext,
  query: StatisticsQuery,
): Promise<ReportScope> {
  const { actor } = ctx;
  authorize(actor, 'statistics.read', undefined, { subjectType: 'statistics' });
  const bound = agencyBoundTo(actor);
  if (bound && query.supportAgencyId && query.supportAgencyId !== bound) {
    throw forbidden({
      action: 'statistics.read',
      subjectType: 'support_agency',
      subjectId: query.supportAgencyId,
    });
  }
  const supportAgencyId = bound ?? query.supportAgencyId ?? null;
  const districtId = query.districtId ?? null;
  const reader = new ScopedReader(deps.database.db, actor);
  const [municipality, agency, district] = await Promise.all([
    reader.municipality().select(['name', 'population']).executeTakeFirstOrThrow(),
    supportAgencyId
      ? reader
          .supportAgencies()
          .select('name')
          .where('support_agency.id', '=', supportAgencyId)
          .executeTakeFirst()
      : undefined,
    districtId
      ? reader
          .districts()
          .select(['name', 'population'])
          .where('district.id', '=', districtId)
          .executeTakeFirst()
      : undefined,
  ]);
  if (supportAgencyId && !agency) throw notFound();
  if (districtId && !district) throw notFound();
  const population = district ? district.population : municipality.population;
  return {
    municipalityId: actor.municipalityId,
    supportAgencyId,
    districtId,
    from: query.from,
    to: query.to,
    fromDate: firstDayOf(query.from),
    toDateExclusive: firstDayAfter(query.to),
    months: monthsBetween(query.from, query.to),
    names: {
      municipality: municipality.name,
      supportAgency: agency?.name ?? null,
      district: district?.name ?? null,
    },
    population: population && population > 0 ? population : null,
  };
}
