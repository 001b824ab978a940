/**
 * The shape of the statistics report (issue 5): what the server computes from the records and
 * what the dashboard, the .xlsx/CSV exports and the benchmark read. The counting rules live beside
 * the indicators in ./indicators.ts; this file only names the figures.
 *
 * A report covers a range of whole months (`from`..`to`, at most 24) for one municipality,
 * optionally narrowed to one support agency and/or one district. Events are attributed to the
 * district the case was in on the day of the event (case_district_history), so a case that moved
 * counts in its old district before the move and in its new one after.
 */

/** 'YYYY-MM' */
export type MonthKey = string;

export interface StatisticsQuery {
  /** First month, 'YYYY-MM'. */
  from: MonthKey;
  /** Last month, 'YYYY-MM' (inclusive); from ≤ to, at most 24 months. */
  to: MonthKey;
  supportAgencyId?: string | undefined;
  districtId?: string | undefined;
}

/** The national indicators for one month (or the total of the range). */
export interface IndicatorFigures {
  /** 新規相談受付件数 */
  newConsultations: number;
  /** プラン作成件数 (= firstPlans + replans) */
  plans: number;
  firstPlans: number;
  replans: number;
  /** ① 就労支援対象者数 */
  employmentSupportTargets: number;
  /** 就労者数 */
  employed: number;
  /** ② 就労者数のうち就労支援対象プラン作成者分 */
  employedOfTargets: number;
  /** 増収者数 */
  incomeIncreased: number;
  /** ③ 増収者数のうち就労支援対象プラン作成者分 */
  incomeIncreasedOfTargets: number;
  /** 就労・増収率 = (② + ③) / ①; null when ① is 0. A fraction (0.43 = 43 %). */
  employmentRate: number | null;
  /** Plan holders evaluated in the period (denominator of the improvement share). */
  planHoldersEvaluated: number;
  /** Of them, with at least one 自立に向けた改善 item. */
  improved: number;
  /** improved / planHoldersEvaluated; null when none evaluated. */
  improvedShare: number | null;
  /** Per 100,000 population per month; null when the population is unknown (0 or not set). */
  per100k: {
    newConsultations: number | null;
    plans: number | null;
    employmentSupportTargets: number | null;
  };
}

export interface MonthFigures extends IndicatorFigures {
  month: MonthKey;
}

/** 目安値 per 100,000 population per month (rate as a fraction); null where not set. */
export interface StatisticsTargets {
  newConsultations: number | null;
  plans: number | null;
  employmentSupportTargets: number | null;
  employmentRate: number | null;
}

export interface CountRow<K extends string = string> {
  key: K;
  count: number;
}

export interface StatisticsReport {
  scope: {
    from: MonthKey;
    to: MonthKey;
    months: MonthKey[];
    municipalityName: string;
    supportAgencyId: string | null;
    supportAgencyName: string | null;
    districtId: string | null;
    districtName: string | null;
    /** The population the per-100k figures use: the municipality's, or the district's. */
    population: number | null;
    /** ISO timestamp of the computation. */
    generatedAt: string;
  };
  months: MonthFigures[];
  /** The whole range: counts summed, rates recomputed, per100k averaged per month. */
  total: IndicatorFigures;
  targets: StatisticsTargets;
  /** Of the new consultations of the range. Keys are the domain's vocabulary keys. */
  breakdowns: {
    /** 'under20' | '20s' | '30s' | '40s' | '50s' | '60to64' | '65plus' | 'unknown' */
    ageBand: CountRow[];
    /** 'male' | 'female' | 'other' | 'unanswered' | 'unknown' */
    sex: CountRow[];
    /** intake topics (a consultation counts once per topic it names) */
    topic: CountRow[];
    /** intake route_in */
    route: CountRow[];
  };
  /** Triage outcomes of intakes triaged in the range. */
  triage: {
    continued: number;
    referredOut: number;
    /** うち生活保護窓口へ */
    referredOutToPublicAssistance: number;
    infoOnly: number;
  };
  /** 自立に向けた改善 by item, among plan holders evaluated in the range. */
  improvements: CountRow[];
  meetings: {
    held: number;
    /** Agenda items discussed (cases). */
    casesDiscussed: number;
    casesPerMeeting: number | null;
    /** Minutes planned for the items. */
    minutes: number;
    /** Attendees marked present / attendees invited. */
    attendeesPresent: number;
    attendeesInvited: number;
  };
  referrals: {
    sent: number;
    arrived: number;
    notArrived: number;
    pending: number;
    cancelled: number;
    declined: number;
    returned: number;
    toPublicAssistance: number;
  };
  resourceGaps: {
    raised: number;
    /** Every gap's current status, of the gaps raised in the range. */
    byStatus: CountRow[];
  };
  /** Open cases per lead worker now (at the time of the report), and new ones in the range. */
  caseload: {
    userId: string | null;
    name: string;
    open: number;
    newInRange: number;
  }[];
}
