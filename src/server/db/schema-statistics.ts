import type { ColumnType, Generated, Selectable } from 'kysely';

/**
 * Statistics (migration 0011): where each case was when, and the municipality's 目安値. The new
 * `district.population` is typed on its table in ./schema.ts. Kept by hand beside the migration,
 * like ./schema.ts, and merged into its `Database`.
 */

type Defaulted<T> = ColumnType<T, T | undefined, T>;
type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** `date`: an ISO `YYYY-MM-DD` string on both engines (see connect.ts). */
type IsoDate = string;

/** The district a case was in from valid_from until the day before valid_to (null: still). */
export interface CaseDistrictHistoryTable {
  id: Generated<number>;
  case_id: string;
  municipality_id: string;
  district_id: string | null;
  valid_from: IsoDate;
  valid_to: IsoDate | null;
}

/** 目安値 per 100,000 population per month; the rate as a fraction. Null: not set. */
export interface StatisticsTargetTable {
  municipality_id: string;
  new_consultations: number | null;
  plans: number | null;
  employment_support_targets: number | null;
  employment_rate: number | null;
  version: Defaulted<number>;
  updated_at: DefaultedTimestamp;
  updated_by: string | null;
}

export interface StatisticsTables {
  case_district_history: CaseDistrictHistoryTable;
  statistics_target: StatisticsTargetTable;
}

export type CaseDistrictHistory = Selectable<CaseDistrictHistoryTable>;
export type StatisticsTarget = Selectable<StatisticsTargetTable>;
