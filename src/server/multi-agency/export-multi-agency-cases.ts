import { multiAgencyStatusLabels } from '../../domain/multi-agency/multi-agency-case';
import { can } from '../../domain/policies/can';
import type { ActorContext, AppDeps } from '../http/context';
import { csvDocument } from '../http/csv';
import { forbidden } from '../http/domain-error';
import { listMultiAgencyCases } from './list-multi-agency-cases';
import type { ListQuery } from './schema';

/**
 * The coordinator's list as CSV (Excel on a Japanese PC), audited as an export naming the people.
 * Only for those who keep multi-agency cases: partner staff read the shared cases on screen, and a
 * try at the CSV is refused (403, audited).
 */
export async function exportMultiAgencyCases(deps: AppDeps, ctx: ActorContext, query: ListQuery) {
  const action = 'multi_agency.export';
  if (ctx.actor.roles.includes('partner_staff') || !can(ctx.actor, 'multiAgency.manage')) {
    throw forbidden({ action, subjectType: 'multi_agency_case' });
  }
  const rows = await listMultiAgencyCases(deps, ctx, query, action);
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
