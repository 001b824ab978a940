import { type CaseStatus, caseStatuses, caseStatusLabels } from '../cases/case-status';
import {
  type ConsultationTopic,
  consultationTopicLabels,
  consultationTopics,
  type EmploymentType,
  employmentTypeLabels,
  employmentTypes,
  type HealthInsurance,
  type HousingStatus,
  healthInsuranceLabels,
  healthInsurances,
  housingStatuses,
  housingStatusLabels,
  type ImprovementItem,
  improvementItemLabels,
  improvementItems,
  type PensionStatus,
  pensionStatuses,
  pensionStatusLabels,
  type Relationship,
  type RouteIn,
  relationshipLabels,
  relationships,
  routeInLabels,
  routesIn,
  type Sex,
  type StatutoryProgramme,
  sexes,
  sexLabels,
  statutoryProgrammeLabels,
  statutoryProgrammes,
  type TerminationReason,
  type TriageOutcome,
  terminationReasonLabels,
  terminationReasons,
  triageOutcomeLabels,
  triageOutcomes,
  type WorkStatus,
  workStatuses,
  workStatusLabels,
} from '../cases/vocabulary';
import { ageOn } from '../text/wareki';
import { ageBandLabels, ageBandOfAge, ageBands } from './indicators';

/**
 * The per-person export laid out like the input of the national 生活困窮者自立支援統計システム.
 *
 * ASSUMED LAYOUT. The sources say only that agencies enter, per person, 職歴・収入・家族構成・
 * 支援の内容 (shared/reference/anchor-mhlw-forms.md §5.1); the system's input specification and
 * its code lists were not found (§7 items 8–9). So this is our layout, built from what the standard
 * forms record, and written down in docs/national-statistics-export.md. Change it here: the
 * server export, the code table sheet and the documentation's table all read this one list.
 *
 * One row per support case handled in the range: the case's consultation was received on or
 * before the range's last day, and the case was not closed before its first day. Every value is
 * "as of the range's last day": later plans, evaluations or closures are not shown. No name,
 * address or telephone number leaves the system: the statistics need none (data minimisation).
 *
 * Codes are numbers, 1 upwards, in the order of the domain's vocabularies (their Japanese labels
 * are the forms' wording); a multi-choice item is its codes joined with ';'. A column of 1/0 is a
 * yes/no. An empty cell means not recorded.
 */

export interface NationalCodeList {
  id: string;
  title: string;
  codes: readonly { code: number; key: string; label: string }[];
}

function codeList<K extends string>(
  id: string,
  title: string,
  keys: readonly K[],
  labels: Record<K, { ja: string }>,
): NationalCodeList & { codeOf: (key: K | null | undefined) => number | null } {
  const codes = keys.map((key, i) => ({ code: i + 1, key, label: labels[key].ja }));
  return {
    id,
    title,
    codes,
    codeOf: (key) => (key ? keys.indexOf(key) + 1 || null : null),
  };
}

export const nationalCodeLists = {
  sex: codeList('sex', '性別', sexes, sexLabels),
  ageBand: codeList('ageBand', '年齢区分', ageBands, ageBandLabels),
  routeIn: codeList('routeIn', '相談経路', routesIn, routeInLabels),
  topic: codeList('topic', '相談内容', consultationTopics, consultationTopicLabels),
  workStatus: codeList('workStatus', '仕事（職歴）', workStatuses, workStatusLabels),
  housingStatus: codeList('housingStatus', '住居', housingStatuses, housingStatusLabels),
  healthInsurance: codeList('healthInsurance', '健康保険', healthInsurances, healthInsuranceLabels),
  pensionStatus: codeList('pensionStatus', '年金', pensionStatuses, pensionStatusLabels),
  relationship: codeList('relationship', '続柄', relationships, relationshipLabels),
  triageOutcome: codeList('triageOutcome', '振り分け', triageOutcomes, triageOutcomeLabels),
  programme: codeList('programme', '利用事業', statutoryProgrammes, statutoryProgrammeLabels),
  employmentType: codeList('employmentType', '就労形態', employmentTypes, employmentTypeLabels),
  improvement: codeList('improvement', '自立に向けた改善', improvementItems, improvementItemLabels),
  caseStatus: codeList('caseStatus', 'ケースの状況', caseStatuses, caseStatusLabels),
  closureKind: codeList('closureKind', '終結・中断', ['termination', 'interruption'] as const, {
    termination: { ja: '終結' },
    interruption: { ja: '中断' },
  }),
  terminationReason: codeList(
    'terminationReason',
    '終結理由',
    terminationReasons,
    terminationReasonLabels,
  ),
} as const;

/** What the server gathers for one case, everything dated on or before the range's last day. */
export interface NationalFacts {
  caseNumber: string;
  personId: string;
  agencyName: string;
  /** The district the case was in on its last day in the range. */
  districtName: string | null;
  caseStatus: CaseStatus;
  sex: Sex | null;
  birthDate: string | null;
  intake: {
    receivedOn: string;
    routeIn: RouteIn;
    mainTopic: ConsultationTopic;
    topics: readonly ConsultationTopic[];
    workStatus: WorkStatus | null;
    housingStatus: HousingStatus | null;
    healthInsurance: HealthInsurance | null;
    pensionStatus: PensionStatus | null;
    triageOutcome: TriageOutcome | null;
    triagedOn: string | null;
  };
  /** Household members (not the person), those living together and those apart. */
  household: readonly { relationship: Relationship; livesTogether: boolean }[];
  /** Plans (each revision) with their support decision (支援決定 or 確認; one per plan). */
  plans: readonly {
    planNo: number;
    revision: number;
    decidedOn: string;
    employmentSupportTarget: boolean;
    programmes: readonly StatutoryProgramme[];
  }[];
  evaluations: readonly {
    evaluatedOn: string;
    employed: boolean;
    employmentType: EmploymentType | null;
    incomeIncreased: boolean;
    improvements: readonly ImprovementItem[];
  }[];
  referrals: readonly { referredOn: string; toPublicAssistance: boolean }[];
  /** The latest closure (終結 or 中断), if the case was closed. */
  closure: {
    kind: 'termination' | 'interruption';
    decidedOn: string;
    reason: TerminationReason | null;
  } | null;
}

export type NationalValue = string | number | null;

export interface NationalColumn {
  id: string;
  /** As in the file's header row. */
  header: string;
  /** The national system's heading this column feeds (per-person 職歴・収入・家族構成・支援の内容). */
  group: '基本' | '職歴・収入' | '家族構成' | '振り分け' | '支援の内容' | '評価' | '終結';
  /** How the value is obtained, for the documentation. */
  rule: string;
  kind: 'text' | 'number' | 'date' | 'code' | 'codes' | 'flag';
  codes?: NationalCodeList;
  value: (facts: NationalFacts) => NationalValue;
}

const flag = (value: boolean): number => (value ? 1 : 0);
const joinCodes = (codes: readonly (number | null)[]): string | null => {
  const known = [...new Set(codes.filter((c): c is number => c !== null))].sort((a, b) => a - b);
  return known.length > 0 ? known.join(';') : null;
};
/** ISO dates sort as text. */
const maxDate = (dates: readonly string[]): string | null => [...dates].sort().at(-1) ?? null;
const minDate = (dates: readonly string[]): string | null => [...dates].sort()[0] ?? null;
const latestPlan = (f: NationalFacts) =>
  [...f.plans]
    .sort((a, b) =>
      a.decidedOn === b.decidedOn
        ? a.planNo - b.planNo || a.revision - b.revision
        : a.decidedOn < b.decidedOn
          ? -1
          : 1,
    )
    .at(-1) ?? null;
const latestEvaluation = (f: NationalFacts) =>
  [...f.evaluations].sort((a, b) => (a.evaluatedOn < b.evaluatedOn ? -1 : 1)).at(-1) ?? null;
const ageAtIntake = (f: NationalFacts): number | null =>
  f.birthDate ? ageOn(f.birthDate, f.intake.receivedOn) : null;

const c = nationalCodeLists;

export const nationalColumns: readonly NationalColumn[] = [
  {
    id: 'case_number',
    header: 'ケース番号',
    group: '基本',
    rule: 'support_case.case_number',
    kind: 'text',
    value: (f) => f.caseNumber,
  },
  {
    id: 'person_id',
    header: '本人ID',
    group: '基本',
    rule: 'person.id (the same person keeps it across cases; no name is exported)',
    kind: 'text',
    value: (f) => f.personId,
  },
  {
    id: 'agency',
    header: '自立相談支援機関',
    group: '基本',
    rule: 'support_agency.name of the case',
    kind: 'text',
    value: (f) => f.agencyName,
  },
  {
    id: 'district',
    header: '地区',
    group: '基本',
    rule: 'case_district_history: the district on the last day of the range (or on the closure day)',
    kind: 'text',
    value: (f) => f.districtName,
  },
  {
    id: 'received_on',
    header: '相談受付日',
    group: '基本',
    rule: 'intake.received_on',
    kind: 'date',
    value: (f) => f.intake.receivedOn,
  },
  {
    id: 'sex',
    header: '性別',
    group: '基本',
    rule: 'person.sex',
    kind: 'code',
    codes: c.sex,
    value: (f) => c.sex.codeOf(f.sex),
  },
  {
    id: 'age',
    header: '年齢（受付時）',
    group: '基本',
    rule: 'age on intake.received_on from person.birth_date',
    kind: 'number',
    value: ageAtIntake,
  },
  {
    id: 'age_band',
    header: '年齢区分',
    group: '基本',
    rule: 'the statistics age band of that age (不明 without a birth date)',
    kind: 'code',
    codes: c.ageBand,
    value: (f) => c.ageBand.codeOf(ageBandOfAge(ageAtIntake(f))),
  },
  {
    id: 'route_in',
    header: '相談経路',
    group: '基本',
    rule: 'intake.route_in',
    kind: 'code',
    codes: c.routeIn,
    value: (f) => c.routeIn.codeOf(f.intake.routeIn),
  },
  {
    id: 'main_topic',
    header: '主な相談内容（◎）',
    group: '基本',
    rule: 'intake.main_topic',
    kind: 'code',
    codes: c.topic,
    value: (f) => c.topic.codeOf(f.intake.mainTopic),
  },
  {
    id: 'topics',
    header: '相談内容（○、複数）',
    group: '基本',
    rule: 'intake.topics, codes joined with ;',
    kind: 'codes',
    codes: c.topic,
    value: (f) => joinCodes(f.intake.topics.map((t) => c.topic.codeOf(t))),
  },
  {
    id: 'work_status',
    header: '仕事（受付時）',
    group: '職歴・収入',
    rule: 'intake.work_status (B票 仕事)',
    kind: 'code',
    codes: c.workStatus,
    value: (f) => c.workStatus.codeOf(f.intake.workStatus),
  },
  {
    id: 'housing_status',
    header: '住居',
    group: '職歴・収入',
    rule: 'intake.housing_status (B票 住居)',
    kind: 'code',
    codes: c.housingStatus,
    value: (f) => c.housingStatus.codeOf(f.intake.housingStatus),
  },
  {
    id: 'health_insurance',
    header: '健康保険',
    group: '職歴・収入',
    rule: 'intake.health_insurance (B票 健康保険)',
    kind: 'code',
    codes: c.healthInsurance,
    value: (f) => c.healthInsurance.codeOf(f.intake.healthInsurance),
  },
  {
    id: 'pension_status',
    header: '年金',
    group: '職歴・収入',
    rule: 'intake.pension_status (B票 年金)',
    kind: 'code',
    codes: c.pensionStatus,
    value: (f) => c.pensionStatus.codeOf(f.intake.pensionStatus),
  },
  {
    id: 'household_size',
    header: '世帯人数',
    group: '家族構成',
    rule: '1 + household_member rows living together',
    kind: 'number',
    value: (f) => 1 + f.household.filter((m) => m.livesTogether).length,
  },
  {
    id: 'lives_alone',
    header: '単身世帯',
    group: '家族構成',
    rule: '1 when no household member lives together',
    kind: 'flag',
    value: (f) => flag(!f.household.some((m) => m.livesTogether)),
  },
  {
    id: 'household_relationships',
    header: '同居家族の続柄',
    group: '家族構成',
    rule: 'household_member.relationship of those living together, codes joined with ;',
    kind: 'codes',
    codes: c.relationship,
    value: (f) =>
      joinCodes(
        f.household
          .filter((m) => m.livesTogether)
          .map((m) => c.relationship.codeOf(m.relationship)),
      ),
  },
  {
    id: 'triage_outcome',
    header: '振り分け結果',
    group: '振り分け',
    rule: 'intake.triage_outcome',
    kind: 'code',
    codes: c.triageOutcome,
    value: (f) => c.triageOutcome.codeOf(f.intake.triageOutcome),
  },
  {
    id: 'triaged_on',
    header: '振り分け日',
    group: '振り分け',
    rule: 'intake.triaged_on',
    kind: 'date',
    value: (f) => f.intake.triagedOn,
  },
  {
    id: 'referrals',
    header: '他機関へのつなぎ件数',
    group: '振り分け',
    rule: 'referral rows of the case with referred_on up to the range end',
    kind: 'number',
    value: (f) => f.referrals.length,
  },
  {
    id: 'referred_to_public_assistance',
    header: 'うち生活保護窓口へ',
    group: '振り分け',
    rule: '1 when one of those referrals has to_public_assistance',
    kind: 'flag',
    value: (f) => flag(f.referrals.some((r) => r.toPublicAssistance)),
  },
  {
    id: 'plans',
    header: 'プラン作成回数',
    group: '支援の内容',
    rule: 'plans of revision 0 with a support_decision (first plan and re-plans; a プラン変更 is not counted)',
    kind: 'number',
    value: (f) => f.plans.filter((p) => p.revision === 0).length,
  },
  {
    id: 'first_plan_decided_on',
    header: '初回プラン支援決定日',
    group: '支援の内容',
    rule: 'earliest support_decision.decided_on of the plans',
    kind: 'date',
    value: (f) => minDate(f.plans.map((p) => p.decidedOn)),
  },
  {
    id: 'latest_plan_decided_on',
    header: '直近プラン支援決定日',
    group: '支援の内容',
    rule: 'latest support_decision.decided_on (a プラン変更 included)',
    kind: 'date',
    value: (f) => maxDate(f.plans.map((p) => p.decidedOn)),
  },
  {
    id: 'employment_support_target',
    header: '就労支援対象',
    group: '支援の内容',
    rule: 'plan.employment_support_target of the latest decided plan; empty without a plan',
    kind: 'flag',
    value: (f) => {
      const plan = latestPlan(f);
      return plan ? flag(plan.employmentSupportTarget) : null;
    },
  },
  {
    id: 'programmes',
    header: '利用事業',
    group: '支援の内容',
    rule: 'support_decision.programmes_decided of all decisions, codes joined with ;',
    kind: 'codes',
    codes: c.programme,
    value: (f) => joinCodes(f.plans.flatMap((p) => p.programmes.map((x) => c.programme.codeOf(x)))),
  },
  {
    id: 'latest_evaluated_on',
    header: '直近評価日',
    group: '評価',
    rule: 'latest evaluation.evaluated_on',
    kind: 'date',
    value: (f) => latestEvaluation(f)?.evaluatedOn ?? null,
  },
  {
    id: 'employed',
    header: '就労',
    group: '評価',
    rule: '1 when an evaluation records employed; empty without an evaluation',
    kind: 'flag',
    value: (f) => (f.evaluations.length ? flag(f.evaluations.some((e) => e.employed)) : null),
  },
  {
    id: 'employment_type',
    header: '就労形態',
    group: '評価',
    rule: 'evaluation.employment_type of the latest evaluation recording employed',
    kind: 'code',
    codes: c.employmentType,
    value: (f) => {
      const employed = f.evaluations.filter((e) => e.employed);
      const latest = [...employed].sort((a, b) => (a.evaluatedOn < b.evaluatedOn ? -1 : 1)).at(-1);
      return c.employmentType.codeOf(latest?.employmentType);
    },
  },
  {
    id: 'income_increased',
    header: '増収',
    group: '評価',
    rule: '1 when an evaluation records income_increased; empty without an evaluation',
    kind: 'flag',
    value: (f) =>
      f.evaluations.length ? flag(f.evaluations.some((e) => e.incomeIncreased)) : null,
  },
  {
    id: 'improvements',
    header: '自立に向けた改善（変化）',
    group: '評価',
    rule: 'evaluation.improvements of the latest evaluation, codes joined with ;',
    kind: 'codes',
    codes: c.improvement,
    value: (f) =>
      joinCodes((latestEvaluation(f)?.improvements ?? []).map((i) => c.improvement.codeOf(i))),
  },
  {
    id: 'case_status',
    header: 'ケースの状況（出力時）',
    group: '終結',
    rule: 'support_case.status when the file is made (not as of the range end)',
    kind: 'code',
    codes: c.caseStatus,
    value: (f) => c.caseStatus.codeOf(f.caseStatus),
  },
  {
    id: 'closure_kind',
    header: '終結・中断',
    group: '終結',
    rule: 'case_closure.kind of the latest closure up to the range end',
    kind: 'code',
    codes: c.closureKind,
    value: (f) => c.closureKind.codeOf(f.closure?.kind),
  },
  {
    id: 'closed_on',
    header: '終結日',
    group: '終結',
    rule: 'case_closure.decided_on',
    kind: 'date',
    value: (f) => f.closure?.decidedOn ?? null,
  },
  {
    id: 'termination_reason',
    header: '終結理由',
    group: '終結',
    rule: 'case_closure.reason',
    kind: 'code',
    codes: c.terminationReason,
    value: (f) => c.terminationReason.codeOf(f.closure?.reason),
  },
];

export const nationalHeader: readonly string[] = nationalColumns.map((col) => col.header);

/** One case's row, in the order of nationalColumns. */
export function nationalRow(facts: NationalFacts): NationalValue[] {
  return nationalColumns.map((col) => col.value(facts));
}
