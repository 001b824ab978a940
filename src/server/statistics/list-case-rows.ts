import { sql } from 'kysely';
import type { CaseStatus } from '../../domain/cases/case-status';
import { addDays } from '../../domain/cases/deadlines';
import type { StatisticsQuery } from '../../domain/statistics/report';
import { ageOn, todayInJapan } from '../../domain/text/wareki';
import { authorize } from '../access/authorize';
import { ScopedReader } from '../access/scoped-reader';
import { recordAudit } from '../audit/record-audit';
import type { ActorContext, AppDeps } from '../http/context';
import { resolveReportScope } from './report-scope';

/** The most rows one 支援ケース一覧 shows; a longer range is narrowed by agency or district. */
export const caseListLimit = 5000;

/** One line of the 支援ケース一覧. */
export interface CaseListRow {
  id: string;
  caseNumber: string;
  personId: string;
  name: string;
  nameKana: string | null;
  /** Age at the end of the range (or today, if earlier). */
  age: number | null;
  sex: string | null;
  districtName: string | null;
  supportAgencyName: string;
  leadWorkerName: string | null;
  status: CaseStatus;
  openedOn: string;
  intakeOn: string | null;
  closedOn: string | null;
  currentPlanNo: number | null;
  employmentSupportTarget: boolean | null;
  latestEvaluation: {
    evaluatedOn: string;
    employed: boolean;
    incomeIncreased: boolean;
    improvements: number;
  } | null;
}

/**
 * 支援ケース一覧: the cases active at some time in the range (opened before its end, not closed
 * before its start) that the actor may see, narrowed like the report (agency of the case; a
 * district the case was in at some time in the range). Personal data: one audited read naming
 * every person listed.
 */
export async function listCaseRows(deps: AppDeps, ctx: ActorContext, query: StatisticsQuery) {
  const scope = await resolveReportScope(deps, ctx, query);
  authorize(ctx.actor, 'case.read', undefined, { subjectType: 'case' });
  const reader = new ScopedReader(deps.database.db, ctx.actor);
  let rows = reader
    .cases()
    .innerJoin('person', 'person.id', 'support_case.person_id')
    .innerJoin('support_agency', 'support_agency.id', 'support_case.support_agency_id')
    .leftJoin('district', 'district.id', 'support_case.district_id')
    .leftJoin('app_user', 'app_user.id', 'support_case.lead_worker_id')
    .select([
      'support_case.id',
      'support_case.case_number',
      'support_case.status',
      'support_case.opened_on',
      'support_case.intake_on',
      'support_case.closed_on',
      'person.id as person_id',
      'person.name',
      'person.name_kana',
      'person.birth_date',
      'person.sex',
      'district.name as district_name',
      'support_agency.name as agency_name',
      'app_user.display_name as lead_worker_name',
    ])
    .select((eb) => [
      eb
        .selectFrom('plan')
        .select('plan.plan_no')
        .whereRef('plan.case_id', '=', 'support_case.id')
        .orderBy('plan.plan_no', 'desc')
        .orderBy('plan.revision', 'desc')
        .limit(1)
        .as('plan_no'),
      eb
        .selectFrom('plan')
        .select('plan.employment_support_target')
        .whereRef('plan.case_id', '=', 'support_case.id')
        .orderBy('plan.plan_no', 'desc')
        .orderBy('plan.revision', 'desc')
        .limit(1)
        .as('employment_support_target'),
      eb
        .selectFrom('evaluation')
        .select(
          sql<string>`json_build_object('evaluatedOn', evaluation.evaluated_on, 'employed', evaluation.employed, 'incomeIncreased', evaluation.income_increased, 'improvements', cardinality(evaluation.improvements))::text`.as(
            'e',
          ),
        )
        .whereRef('evaluation.case_id', '=', 'support_case.id')
        .where('evaluation.evaluated_on', '<', scope.toDateExclusive)
        .orderBy('evaluation.evaluated_on', 'desc')
        .orderBy('evaluation.created_at', 'desc')
        .limit(1)
        .as('latest_evaluation'),
    ])
    .where('support_case.opened_on', '<', scope.toDateExclusive)
    .where((eb) =>
      eb.or([
        eb('support_case.closed_on', 'is', null),
        eb('support_case.closed_on', '>=', scope.fromDate),
      ]),
    );
  if (scope.supportAgencyId) {
    rows = rows.where('support_case.support_agency_id', '=', scope.supportAgencyId);
  }
  const { districtId } = scope;
  if (districtId) {
    rows = rows.where((eb) =>
      eb.exists(
        eb
          .selectFrom('case_district_history as h')
          .select('h.id')
          .whereRef('h.case_id', '=', 'support_case.id')
          .where('h.district_id', '=', districtId)
          .where('h.valid_from', '<', scope.toDateExclusive)
          .where((w) => w.or([w('h.valid_to', 'is', null), w('h.valid_to', '>', scope.fromDate)])),
      ),
    );
  }
  const found = await rows
    .orderBy('support_case.case_number')
    .limit(caseListLimit + 1)
    .execute();
  const truncated = found.length > caseListLimit;
  const shown = truncated ? found.slice(0, caseListLimit) : found;
  if (shown.length > 0) {
    await recordAudit(deps.database.db, ctx, {
      action: 'statistics.caseList',
      outcome: 'success',
      subjectType: 'case',
      personIds: shown.map((r) => r.person_id),
      legalBasis: 'own_case',
      detail: { results: shown.length, from: scope.from, to: scope.to },
    });
  }
  const today = todayInJapan(deps.now());
  const endOfRange = addDays(scope.toDateExclusive, -1);
  // ISO dates order as text: the earlier of the two.
  const ageDay = [endOfRange, today].sort()[0] ?? today;
  const items: CaseListRow[] = shown.map((r) => {
    const latest = r.latest_evaluation
      ? (JSON.parse(r.latest_evaluation) as CaseListRow['latestEvaluation'])
      : null;
    return {
      id: r.id,
      caseNumber: r.case_number,
      personId: r.person_id,
      name: r.name,
      nameKana: r.name_kana,
      age: r.birth_date ? ageOn(r.birth_date, ageDay) : null,
      sex: r.sex,
      districtName: r.district_name,
      supportAgencyName: r.agency_name,
      leadWorkerName: r.lead_worker_name,
      status: r.status,
      openedOn: r.opened_on,
      intakeOn: r.intake_on,
      closedOn: r.closed_on,
      currentPlanNo: r.plan_no ?? null,
      employmentSupportTarget: r.employment_support_target ?? null,
      latestEvaluation: latest,
    };
  });
  return { items, truncated, limit: caseListLimit };
}
