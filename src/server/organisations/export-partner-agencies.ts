import { recordAudit } from '../audit/record-audit';
import type { ActorContext, AppDeps } from '../http/context';
import { csvDocument } from '../http/csv';
import { listPartnerAgencies } from './list-partner-agencies';
import { partnerCsvColumns, partnerCsvRow } from './partner-agency-csv';
import type { PartnerAgencyListQuery } from './schema';

/** The partner list as it is filtered on screen, as CSV (the import reads the same file back). */
export async function exportPartnerAgencies(
  deps: AppDeps,
  ctx: ActorContext,
  query: PartnerAgencyListQuery,
): Promise<string> {
  const items = await listPartnerAgencies(deps, ctx, query);
  const lang = ctx.lang;
  await recordAudit(deps.database.db, ctx, {
    action: 'partner_agency.export',
    outcome: 'success',
    subjectType: 'partner_agency',
    legalBasis: 'administration',
    detail: { rows: items.length },
  });
  return csvDocument(
    partnerCsvColumns.map((c) => c.header[lang]),
    items.map((p) => partnerCsvRow(p, lang)),
  );
}
