import { type RawBuilder, sql } from 'kysely';
import type { ReportScope } from './report-scope';

/**
 * The scope's filter, as SQL, on an event of the case `caseId` happening on the date `on`: the
 * case's agency (support_case.support_agency_id) and the district the case was in on that day
 * (case_district_history; valid_to is exclusive). True when neither is chosen.
 */
export function caseInScope(
  scope: Pick<ReportScope, 'supportAgencyId' | 'districtId'>,
  caseId: RawBuilder<unknown>,
  on: RawBuilder<unknown>,
): RawBuilder<boolean> {
  const parts: RawBuilder<boolean>[] = [];
  if (scope.supportAgencyId) {
    parts.push(sql<boolean>`exists (
      select 1 from support_case sc
      where sc.id = ${caseId} and sc.support_agency_id = ${scope.supportAgencyId})`);
  }
  if (scope.districtId) {
    parts.push(sql<boolean>`exists (
      select 1 from case_district_history h
      where h.case_id = ${caseId}
        and h.valid_from <= ${on} and (h.valid_to is null or h.valid_to > ${on})
        and h.district_id = ${scope.districtId})`);
  }
  return parts.length === 0 ? sql<boolean>`true` : sql<boolean>`(${sql.join(parts, sql` and `)})`;
}

/** Whether an agency or a district narrows the report. */
export const isNarrowed = (scope: Pick<ReportScope, 'supportAgencyId' | 'districtId'>) =>
  Boolean(scope.supportAgencyId || scope.districtId);

/** Midnight in Japan at the start of an ISO date, as timestamptz. */
export const japanMidnight = (isoDate: string) =>
  sql`(${isoDate}::date)::timestamp at time zone 'Asia/Tokyo'`;

/** A moment's date in Japan. */
export const japanDate = (column: RawBuilder<unknown>) =>
  sql<string>`(${column} at time zone 'Asia/Tokyo')::date`;
