import {
  fiscalYearMonths,
  fiscalYearOf,
  isMonthKey,
  maxReportMonths,
  monthCount,
} from '../../../domain/statistics/indicators';
import type { MonthKey } from '../../../domain/statistics/report';
import { eraOf, formatWareki, todayInJapan } from '../../../domain/text/wareki';

/**
 * The dashboard's period: a fiscal year (年度, April–March), one month, or a range of months, kept
 * in the URL as `period` and `from`/`to` ('YYYY-MM'), so a filtered dashboard can be shared and
 * printed. The server checks the range again; this only offers sensible ones.
 */
export type PeriodKind = 'fy' | 'month' | 'range';
export const periodKinds: readonly PeriodKind[] = ['fy', 'month', 'range'];

export interface Period {
  kind: PeriodKind;
  from: MonthKey;
  to: MonthKey;
}

const monthParam = (value: string | null): MonthKey | null =>
  value !== null && isMonthKey(value) ? value : null;

export function currentMonth(today: string = todayInJapan()): MonthKey {
  return today.slice(0, 7);
}

/** The period in the URL, or this fiscal year when the URL names none (or a broken one). */
export function periodFromParams(params: URLSearchParams, today = todayInJapan()): Period {
  const kind = periodKinds.find((k) => k === params.get('period')) ?? 'fy';
  const from = monthParam(params.get('from'));
  const to = monthParam(params.get('to'));
  if (from && to) {
    if (kind === 'month') return { kind, from, to: from };
    if (kind === 'fy') return { kind, ...fiscalYearMonths(fiscalYearOf(from)) };
    return { kind, from, to };
  }
  const month = currentMonth(today);
  if (kind === 'month') return { kind, from: month, to: month };
  if (kind === 'range') return { kind, from: shiftMonth(month, -11), to: month };
  return { kind, ...fiscalYearMonths(fiscalYearOf(month)) };
}

/** What is wrong with a range, before asking the server: reversed, or longer than allowed. */
export function rangeProblem(period: Period): 'reversed' | 'tooLong' | null {
  const months = monthCount(period.from, period.to);
  if (months < 1) return 'reversed';
  if (months > maxReportMonths) return 'tooLong';
  return null;
}

export function shiftMonth(month: MonthKey, by: number): MonthKey {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + by;
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** 令和8 for the fiscal year 2026 (the era of its April); 令和元 for the first year of an era. */
export function warekiFiscalYear(year: number): string {
  const april = `${year}-04-01`;
  const era = eraOf(april);
  if (!era) return String(year);
  const n = year - Number(era.start.slice(0, 4)) + 1;
  return `${era.name}${n === 1 ? '元' : n}`;
}

/** 令和8年11月 for 2026-11. */
export function warekiMonth(month: MonthKey): string {
  return formatWareki(`${month}-01`).replace(/1日$/, '');
}

/** The fiscal years offered: this one and the `count - 1` before it, newest first. */
export function recentFiscalYears(count = 6, today = todayInJapan()): number[] {
  const current = fiscalYearOf(currentMonth(today));
  return Array.from({ length: count }, (_, i) => current - i);
}

/** The months offered: this month and the 35 before it, newest first. */
export function recentMonths(count = 36, today = todayInJapan()): MonthKey[] {
  const current = currentMonth(today);
  return Array.from({ length: count }, (_, i) => shiftMonth(current, -i));
}
