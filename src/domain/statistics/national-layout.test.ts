import { describe, expect, it } from 'vitest';
import {
  type NationalFacts,
  nationalCodeLists,
  nationalColumns,
  nationalHeader,
  nationalRow,
} from './national-layout';

const facts: NationalFacts = {
  caseNumber: '2026-00012',
  personId: 'p-1',
  agencyName: 'つなぐ市自立相談支援センター',
  districtName: '西地区',
  caseStatus: 'terminated',
  sex: 'female',
  birthDate: '1990-05-05',
  intake: {
    receivedOn: '2026-05-04',
    routeIn: 'welfare_commissioner',
    mainTopic: 'income',
    topics: ['job_search', 'income', 'income'],
    workStatus: 'unemployed',
    housingStatus: 'rented',
    healthInsurance: 'national',
    pensionStatus: null,
    triageOutcome: 'continue',
    triagedOn: '2026-05-06',
  },
  household: [
    { relationship: 'child', livesTogether: true },
    { relationship: 'parent', livesTogether: false },
  ],
  plans: [
    {
      planNo: 1,
      revision: 0,
      decidedOn: '2026-05-20',
      employmentSupportTarget: false,
      programmes: ['self_reliance_consultation'],
    },
    {
      planNo: 2,
      revision: 0,
      decidedOn: '2026-08-20',
      employmentSupportTarget: true,
      programmes: ['work_readiness', 'self_reliance_consultation'],
    },
    {
      planNo: 2,
      revision: 1,
      decidedOn: '2026-09-01',
      employmentSupportTarget: true,
      programmes: [],
    },
  ],
  evaluations: [
    {
      evaluatedOn: '2026-08-01',
      employed: false,
      employmentType: null,
      incomeIncreased: false,
      improvements: ['motivation'],
    },
    {
      evaluatedOn: '2026-11-01',
      employed: true,
      employmentType: 'non_regular',
      incomeIncreased: true,
      improvements: ['earned_income_increased', 'has_goal'],
    },
  ],
  referrals: [{ referredOn: '2026-06-01', toPublicAssistance: false }],
  closure: { kind: 'termination', decidedOn: '2026-11-20', reason: 'goals_in_sight' },
};

const cell = (id: string) => {
  const row = nationalRow(facts);
  return row[nationalColumns.findIndex((c) => c.id === id)];
};

describe('the assumed national per-person layout', () => {
  it('has one header per column, unique ids, a rule for each', () => {
    expect(nationalHeader).toHaveLength(nationalColumns.length);
    expect(new Set(nationalColumns.map((c) => c.id)).size).toBe(nationalColumns.length);
    for (const column of nationalColumns) {
      expect(column.rule).not.toBe('');
      if (column.kind === 'code' || column.kind === 'codes') expect(column.codes).toBeDefined();
    }
  });

  it('derives each value as the documentation says', () => {
    expect(cell('sex')).toBe(2);
    expect(cell('age')).toBe(35);
    expect(cell('age_band')).toBe(3); // 30歳代
    expect(cell('route_in')).toBe(6); // 民生委員・児童委員から
    expect(cell('topics')).toBe('3;7'); // sorted, each once
    expect(cell('pension_status')).toBeNull();
    expect(cell('household_size')).toBe(2);
    expect(cell('lives_alone')).toBe(0);
    expect(cell('household_relationships')).toBe('2');
    expect(cell('plans')).toBe(2); // a プラン変更 is not a plan made
    expect(cell('first_plan_decided_on')).toBe('2026-05-20');
    expect(cell('latest_plan_decided_on')).toBe('2026-09-01');
    expect(cell('employment_support_target')).toBe(1);
    expect(cell('programmes')).toBe('1;3');
    expect(cell('latest_evaluated_on')).toBe('2026-11-01');
    expect(cell('employed')).toBe(1);
    expect(cell('employment_type')).toBe(2);
    expect(cell('improvements')).toBe('9;12');
    expect(cell('referrals')).toBe(1);
    expect(cell('referred_to_public_assistance')).toBe(0);
    expect(cell('closure_kind')).toBe(1);
    expect(cell('termination_reason')).toBe(1);
  });

  it('leaves outcomes empty, not 0, for a case not yet planned or evaluated', () => {
    const fresh = { ...facts, plans: [], evaluations: [], closure: null };
    const row = nationalRow(fresh);
    const at = (id: string) => row[nationalColumns.findIndex((c) => c.id === id)];
    expect(at('plans')).toBe(0);
    expect(at('employment_support_target')).toBeNull();
    expect(at('employed')).toBeNull();
    expect(at('improvements')).toBeNull();
    expect(at('closed_on')).toBeNull();
  });

  it('keeps its codes: a reordered vocabulary would change what old files mean', () => {
    expect(nationalCodeLists.sex.codes.map((c) => `${c.code}:${c.key}`)).toEqual([
      '1:male',
      '2:female',
      '3:other',
      '4:unanswered',
    ]);
    expect(nationalCodeLists.topic.codes.slice(0, 7).map((c) => c.key)).toEqual([
      'health_disability',
      'housing',
      'income',
      'rent_loan',
      'tax_utilities',
      'debt',
      'job_search',
    ]);
    expect(nationalCodeLists.routeIn.codes.map((c) => c.key)).toEqual([
      'self_visit',
      'self_phone',
      'family_acquaintance',
      'municipal_department',
      'partner_agency',
      'welfare_commissioner',
      'outreach',
      'other',
    ]);
  });
});
