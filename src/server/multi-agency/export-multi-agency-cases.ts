import { multiAgencyStatusLabels } from '../../domain/multi-agency/multi-agency-case';
import type { ActorContext, AppDeps } from '../http/context';
import { csvDocument } from '../http/csv';
import { listMultiAgencyCases } from './list-multi-agency-cases';
import type { ListQuery } from './schema';

/** The coordinator's list as CSV (Excel on a Japanese PC), audited as an export naming the people. */
export async function exportMultiAgencyCases(deps: AppDeps, ctx: ActorContext, query: ListQuery) {
  const rows = await listMultiAgencyCases(deps, ctx, query, 'multi_agency.export');
  return csvDocument(
    [
      'ケース番号',
      '本人',
      '状況',
      '受付日',
      'つないできた機関',
      '受理日',
      'コーディネーター',
      '主担当',
      '機関数',
      '次回の検討予定日',
      '終結日',
    ],
    rows.map((r) => [
      r.caseNumber,
      r.personName,
      multiAgencyStatusLabels[r.status].ja,
      r.referredOn,
      r.referrerName,
      r.acceptedOn,
      r.coordinatorName,
      r.leadName,
      r.agencyCount,
      r.reviewOn,
      r.endedOn,
    ]),
  );
}
