import { ageOn } from '../text/wareki';
import type { IndicatorFigures, MonthKey } from './report';

/**
 * The counting rules of the national indicators (DOMAIN.md §7; shared/reference/anchor-mhlw-forms.md
 * §4–5). The sources name the figures but not always how to count them from the records; where
 * they are silent the rule is defined here, once, and the server's SQL (server/statistics/
 * count-figures.ts) counts exactly this. Each rule is written beside the figure it defines.
 *
 * Periods are whole months of the calendar in Japan. A date belongs to the month of its
 * 'YYYY-MM'; a moment (timestamptz) to the month of its date in Japan.
 */

/** The longest range one report covers: two fiscal years. */
export const maxReportMonths = 24;

export const indicatorRules = {
  /**
   * 新規相談受付件数: intakes whose received_on is in the month, plus each reopening of a case
   * (case_transition action 'reopen') in the month: a case that comes back is a new consultation
   * again. A lead (把握, detection) with no intake yet is not a consultation and is not counted.
   */
  newConsultations: 'intake.received_on in month + case_transition(reopen) in month',
  /**
   * プラン作成件数: plans with revision 0 whose 支援決定 (support_decision.decided_on) is in the
   * month: a plan counts when the municipality decides it, not when it is drafted. plan_no 1 is
   * the first plan, plan_no > 1 a re-plan (再プラン). A プラン変更 (revision > 0) never counts.
   */
  plans: 'plan(revision = 0) by support_decision.decided_on; plan_no = 1 first, > 1 re-plan',
  /** ① 就労支援対象者数: of the plans counted above, those with employment_support_target. */
  employmentSupportTargets: 'counted plans with employment_support_target',
  /**
   * 就労者数 / 増収者数: cases with an evaluation in the month recording employed (resp.
   * income_increased), counted once per (case, plan_no): in the month of the first evaluation of
   * that plan_no that records it. ② / ③ are those of them whose evaluated plan (that plan_no, the
   * revision evaluated) has employment_support_target.
   */
  employedAndIncome: 'first evaluation per (case, plan_no) recording it; ②③ when its plan targets',
  /** 就労・増収率 = (② + ③) / ① over the same period; null when ① is 0. */
  employmentRate: '(② + ③) / ①, null if ① = 0',
  /**
   * 自立に向けた改善: the distinct cases with an evaluation in the period, each judged on its latest
   * evaluation in the period: improved when that evaluation lists at least one item. The counts by
   * item come from the same rows (a case counts once per item it lists).
   */
  improvement: 'distinct cases evaluated in period, latest evaluation: ≥ 1 improvements item',
  /**
   * Triage outcomes: intakes whose triaged_on is in the period, by triage_outcome. うち生活保護:
   * the refer_out intakes whose case has a referral with to_public_assistance.
   */
  triage: 'intake.triaged_on in period by outcome; 生活保護 = refer_out with referral to PA',
  /**
   * Breakdowns (age band at received_on, sex, each topic, route in) are of the intakes received in
   * the period. A reopening has no new intake, so it counts in 新規相談受付件数 but in no breakdown.
   */
  breakdowns: 'intakes received in period: age band at received_on, sex, each topic, route_in',
  /**
   * District: the district the case was in on the day of the event (case_district_history).
   * Agency: the case's support agency (support_case.support_agency_id).
   */
  attribution: 'district on the event date; agency of the case',
} as const;

// ---- months -------------------------------------------------------------------------------

const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonthKey(value: string): value is MonthKey {
  return monthPattern.test(value);
}

/** The month of an ISO date ('2026-04-15' → '2026-04'). */
export function monthOf(isoDate: string): MonthKey {
  return isoDate.slice(0, 7);
}

function monthIndex(month: MonthKey): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

function monthAt(index: number): MonthKey {
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The month after ('2026-12' → '2027-01'). */
export function nextMonth(month: MonthKey): MonthKey {
  return monthAt(monthIndex(month) + 1);
}

/** Months from `from` to `to`, both included; empty when to < from. */
export function monthsBetween(from: MonthKey, to: MonthKey): MonthKey[] {
  const months: MonthKey[] = [];
  for (let i = monthIndex(from); i <= monthIndex(to); i++) months.push(monthAt(i));
  return months;
}

/** Number of months from `from` to `to`, both included. */
export function monthCount(from: MonthKey, to: MonthKey): number {
  return monthIndex(to) - monthIndex(from) + 1;
}

/** First day of the month, ISO. */
export function firstDayOf(month: MonthKey): string {
  return `${month}-01`;
}

/** First day after the month, ISO: the exclusive end of a range ending with `month`. */
export function firstDayAfter(month: MonthKey): string {
  return firstDayOf(nextMonth(month));
}

/** The fiscal year (年度, April–March) a date or month falls in: '2027-02' → 2026. */
export function fiscalYearOf(isoDateOrMonth: string): number {
  const year = Number(isoDateOrMonth.slice(0, 4));
  return Number(isoDateOrMonth.slice(5, 7)) >= 4 ? year : year - 1;
}

/** The twelve months of a fiscal year: 2026 → '2026-04' … '2027-03'. */
export function fiscalYearMonths(fiscalYear: number): { from: MonthKey; to: MonthKey } {
  return { from: `${fiscalYear}-04`, to: `${fiscalYear + 1}-03` };
}

// ---- age band ---------------------------------------------------------------------------------

/** Age bands of the breakdown (age on the day the consultation was received). */
export const ageBands = [
  'under20',
  '20s',
  '30s',
  '40s',
  '50s',
  '60to64',
  '65plus',
  'unknown',
] as const;
export type AgeBand = (typeof ageBands)[number];

export const ageBandLabels: Record<AgeBand, { ja: string; en: string }> = {
  under20: { ja: '20歳未満', en: 'Under 20' },
  '20s': { ja: '20歳代', en: '20s' },
  '30s': { ja: '30歳代', en: '30s' },
  '40s': { ja: '40歳代', en: '40s' },
  '50s': { ja: '50歳代', en: '50s' },
  '60to64': { ja: '60〜64歳', en: '60 to 64' },
  '65plus': { ja: '65歳以上', en: '65 and over' },
  unknown: { ja: '不明', en: 'Unknown' },
};

/** The age band of someone born on `birthDate` on the day `on`; 'unknown' without a birth date. */
export function ageBandOf(birthDate: string | null, on: string): AgeBand {
  if (!birthDate) return 'unknown';
  return ageBandOfAge(ageOn(birthDate, on));
}

export function ageBandOfAge(age: number | null): AgeBand {
  if (age === null || age < 0) return 'unknown';
  if (age < 20) return 'under20';
  if (age < 30) return '20s';
  if (age < 40) return '30s';
  if (age < 50) return '40s';
  if (age < 60) return '50s';
  if (age < 65) return '60to64';
  return '65plus';
}

/** Sex as the breakdown keys it: a person whose sex was not recorded is 'unknown'. */
export function sexKey(sex: string | null): string {
  return sex ?? 'unknown';
}

// ---- ratios -----------------------------------------------------------------------------------

/** numerator / denominator, or null when the denominator is 0 (no basis, not 0 %). */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

/**
 * Per 100,000 population per month = count × 100,000 / population / months; null when the
 * population is not known (null or 0). Not rounded: the screens round for display.
 */
export function per100kPerMonth(
  count: number,
  population: number | null,
  months: number,
): number | null {
  if (!population || months <= 0) return null;
  return (count * 100_000) / population / months;
}

/** The raw counts of one period, from which every figure of IndicatorFigures follows. */
export interface IndicatorCounts {
  newConsultations: number;
  firstPlans: number;
  replans: number;
  employmentSupportTargets: number;
  employed: number;
  employedOfTargets: number;
  incomeIncreased: number;
  incomeIncreasedOfTargets: number;
  planHoldersEvaluated: number;
  improved: number;
}

export const zeroCounts: IndicatorCounts = {
  newConsultations: 0,
  firstPlans: 0,
  replans: 0,
  employmentSupportTargets: 0,
  employed: 0,
  employedOfTargets: 0,
  incomeIncreased: 0,
  incomeIncreasedOfTargets: 0,
  planHoldersEvaluated: 0,
  improved: 0,
};

/**
 * The total of several months: every count summed, except the improvement share's, which counts
 * distinct cases over the whole period (a case evaluated in two months is one plan holder) and so
 * is counted for the period itself and passed in.
 */
export function totalOfMonths(
  months: readonly IndicatorCounts[],
  improvement: { planHoldersEvaluated: number; improved: number },
): IndicatorCounts {
  const total = { ...zeroCounts };
  for (const month of months) {
    for (const key of Object.keys(total) as (keyof IndicatorCounts)[]) total[key] += month[key];
  }
  return { ...total, ...improvement };
}

/** 就労・増収率 = (② + ③) / ①; null when ① is 0. */
export function employmentRate(counts: IndicatorCounts): number | null {
  return ratio(
    counts.employedOfTargets + counts.incomeIncreasedOfTargets,
    counts.employmentSupportTargets,
  );
}

/**
 * The figures of a period from its counts: plans = first + re-plans, the rates, and the per-100k
 * figures over the period's number of months (so a year's total is the monthly average).
 */
export function figuresOf(
  counts: IndicatorCounts,
  population: number | null,
  months: number,
): IndicatorFigures {
  const plans = counts.firstPlans + counts.replans;
  return {
    ...counts,
    plans,
    employmentRate: employmentRate(counts),
    improvedShare: ratio(counts.improved, counts.planHoldersEvaluated),
    per100k: {
      newConsultations: per100kPerMonth(counts.newConsultations, population, months),
      plans: per100kPerMonth(plans, population, months),
      employmentSupportTargets: per100kPerMonth(
        counts.employmentSupportTargets,
        population,
        months,
      ),
    },
  };
}

// ---- the rules over rows (the reference the SQL is tested against) ----------------------------

/** One evaluation as the employment rule reads it. */
export interface EvaluationFact {
  caseId: string;
  planNo: number;
  evaluatedOn: string;
  /** Orders two evaluations of the same day (the earlier-recorded first). */
  sequence: number;
  employed: boolean;
  incomeIncreased: boolean;
  employmentSupportTarget: boolean;
}

/**
 * 就労者数 / 増収者数 by month: for each (case, plan_no), the first evaluation recording employment
 * (resp. increased income) counts in its month; later ones of the same plan_no do not.
 */
export function employmentOutcomesByMonth(
  evaluations: readonly EvaluationFact[],
): Map<
  MonthKey,
  { employed: number; employedOfTargets: number; incomeIncreased: number; incomeOfTargets: number }
> {
  const ordered = [...evaluations].sort(
    (a, b) => a.evaluatedOn.localeCompare(b.evaluatedOn) || a.sequence - b.sequence,
  );
  const seenEmployed = new Set<string>();
  const seenIncome = new Set<string>();
  const result = new Map<
    MonthKey,
    {
      employed: number;
      employedOfTargets: number;
      incomeIncreased: number;
      incomeOfTargets: number;
    }
  >();
  const at = (month: MonthKey) => {
    let row = result.get(month);
    if (!row) {
      row = { employed: 0, employedOfTargets: 0, incomeIncreased: 0, incomeOfTargets: 0 };
      result.set(month, row);
    }
    return row;
  };
  for (const e of ordered) {
    const key = `${e.caseId}#${e.planNo}`;
    if (e.employed && !seenEmployed.has(key)) {
      seenEmployed.add(key);
      const row = at(monthOf(e.evaluatedOn));
      row.employed++;
      if (e.employmentSupportTarget) row.employedOfTargets++;
    }
    if (e.incomeIncreased && !seenIncome.has(key)) {
      seenIncome.add(key);
      const row = at(monthOf(e.evaluatedOn));
      row.incomeIncreased++;
      if (e.employmentSupportTarget) row.incomeOfTargets++;
    }
  }
  return result;
}
