import type { CaseStatus } from './case-status';

/**
 * Dates the caseworker's day is built from. Every rule here counts Japanese calendar days on ISO
 * dates; "today" comes from the caller (todayInJapan) so tests and reports can fix it.
 */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

/** Statuses before the first plan goes to review: the intake-to-plan deadline applies. */
export const beforePlanStatuses: readonly CaseStatus[] = [
  'intake',
  'continuing',
  'applied',
  'assessing',
  'planning',
  'reopened',
];

/**
 * The plan deadline is a municipality setting counted from intake (2 weeks in one city, a month in
 * another: DOMAIN.md §3 step 6). A case is overdue once the deadline has passed and no plan has
 * yet gone to review.
 */
export function planDueOn(intakeOn: string, deadlineDays: number): string {
  return addDays(intakeOn, deadlineDays);
}

export function isPlanOverdue(
  status: CaseStatus,
  intakeOn: string,
  deadlineDays: number,
  today: string,
  hasSubmittedPlan: boolean,
): boolean {
  return (
    beforePlanStatuses.includes(status) &&
    !hasSubmittedPlan &&
    planDueOn(intakeOn, deadlineDays) < today
  );
}

/** Monitoring about every three months (seed 002, a municipal 要綱) within the plan period. */
export function suggestMonitoringDates(
  periodStart: string,
  periodEnd: string,
  everyMonths = 3,
): string[] {
  const dates: string[] = [];
  for (
    let next = addMonths(periodStart, everyMonths);
    next < periodEnd;
    next = addMonths(next, everyMonths)
  ) {
    dates.push(next);
  }
  return dates;
}
