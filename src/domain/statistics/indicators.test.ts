import { describe, expect, it } from 'vitest';
import {
  ageBandOf,
  type EvaluationFact,
  employmentOutcomesByMonth,
  employmentRate,
  figuresOf,
  firstDayAfter,
  fiscalYearMonths,
  fiscalYearOf,
  isMonthKey,
  monthCount,
  monthsBetween,
  per100kPerMonth,
  ratio,
  sexKey,
  totalOfMonths,
  zeroCounts,
} from './indicators';

describe('months', () => {
  it('reads only real months as month keys', () => {
    expect(isMonthKey('2026-04')).toBe(true);
    expect(isMonthKey('2026-13')).toBe(false);
    expect(isMonthKey('2026-4')).toBe(false);
  });

  it('lists the months of a range across the turn of the year, both ends included', () => {
    expect(monthsBetween('2026-11', '2027-02')).toEqual([
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
    ]);
    expect(monthCount('2026-04', '2027-03')).toBe(12);
    expect(monthsBetween('2026-05', '2026-04')).toEqual([]);
  });

  it('ends a range on the first day after its last month', () => {
    expect(firstDayAfter('2026-12')).toBe('2027-01-01');
    expect(firstDayAfter('2028-02')).toBe('2028-03-01');
  });

  it('counts fiscal years (年度) from April to March', () => {
    expect(fiscalYearOf('2027-03-31')).toBe(2026);
    expect(fiscalYearOf('2026-04-01')).toBe(2026);
    expect(fiscalYearOf('2026-03')).toBe(2025);
    expect(fiscalYearMonths(2026)).toEqual({ from: '2026-04', to: '2027-03' });
  });
});

describe('age bands', () => {
  it('take the age on the day the consultation was received, birthday included', () => {
    expect(ageBandOf('2006-04-05', '2026-04-04')).toBe('under20');
    expect(ageBandOf('2006-04-05', '2026-04-05')).toBe('20s');
    expect(ageBandOf('1961-06-01', '2026-05-31')).toBe('60to64');
    expect(ageBandOf('1961-06-01', '2026-06-01')).toBe('65plus');
    expect(ageBandOf('1980-05-10', '2026-04-05')).toBe('40s');
    expect(ageBandOf(null, '2026-04-05')).toBe('unknown');
  });

  it('key a sex not recorded as unknown', () => {
    expect(sexKey(null)).toBe('unknown');
    expect(sexKey('female')).toBe('female');
  });
});

describe('ratios', () => {
  it('have no value without a denominator (not 0 %)', () => {
    expect(ratio(3, 0)).toBeNull();
    expect(ratio(1, 4)).toBe(0.25);
  });

  it('per 100,000 population per month: count × 100,000 / population / months', () => {
    expect(per100kPerMonth(24, 100_000, 1)).toBe(24);
    expect(per100kPerMonth(36, 50_000, 3)).toBe(24);
    expect(per100kPerMonth(5, null, 1)).toBeNull();
    expect(per100kPerMonth(5, 0, 1)).toBeNull();
  });

  it('就労・増収率 = (② + ③) / ①, null when ① is 0', () => {
    const counts = {
      ...zeroCounts,
      employmentSupportTargets: 4,
      employedOfTargets: 2,
      incomeIncreasedOfTargets: 1,
      employed: 5,
    };
    expect(employmentRate(counts)).toBe(0.75);
    expect(employmentRate({ ...counts, employmentSupportTargets: 0 })).toBeNull();
  });
});

describe('figures of a period', () => {
  it('add first plans and re-plans, and average the per-100k figures over the months', () => {
    const month = { ...zeroCounts, newConsultations: 6, firstPlans: 2, replans: 1 };
    const total = totalOfMonths([month, month, month], { planHoldersEvaluated: 4, improved: 3 });
    expect(total).toMatchObject({ newConsultations: 18, firstPlans: 6, replans: 3 });
    const figures = figuresOf(total, 200_000, 3);
    expect(figures.plans).toBe(9);
    expect(figures.per100k.newConsultations).toBe(3);
    expect(figures.per100k.plans).toBe(1.5);
    expect(figures.improvedShare).toBe(0.75);
  });

  it('take the improvement share of the whole period as given, not as a sum of months', () => {
    const month = { ...zeroCounts, planHoldersEvaluated: 1, improved: 1 };
    expect(totalOfMonths([month, month], { planHoldersEvaluated: 1, improved: 0 })).toMatchObject({
      planHoldersEvaluated: 1,
      improved: 0,
    });
  });
});

describe('就労者数 and 増収者数', () => {
  const fact = (over: Partial<EvaluationFact>): EvaluationFact => ({
    caseId: 'c1',
    planNo: 1,
    evaluatedOn: '2026-06-15',
    sequence: 1,
    employed: false,
    incomeIncreased: false,
    employmentSupportTarget: true,
    ...over,
  });

  it('count once per (case, plan_no), in the month of the first evaluation recording it', () => {
    const months = employmentOutcomesByMonth([
      fact({ evaluatedOn: '2026-07-01', employed: true, sequence: 3 }),
      fact({ evaluatedOn: '2026-06-15', employed: true }),
      fact({ evaluatedOn: '2026-06-25', employed: true, incomeIncreased: true, sequence: 2 }),
      // A re-plan is a new plan_no: its employment counts again.
      fact({
        planNo: 2,
        evaluatedOn: '2026-09-10',
        employed: true,
        employmentSupportTarget: false,
      }),
    ]);
    expect(months.get('2026-06')).toEqual({
      employed: 1,
      employedOfTargets: 1,
      incomeIncreased: 1,
      incomeOfTargets: 1,
    });
    expect(months.get('2026-07')).toBeUndefined();
    expect(months.get('2026-09')).toEqual({
      employed: 1,
      employedOfTargets: 0,
      incomeIncreased: 0,
      incomeOfTargets: 0,
    });
  });
});
