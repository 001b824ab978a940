import { recordAudit } from '../audit/record-audit';
import type { ActorContext, AppDeps } from '../http/context';
import { csvDocument } from '../http/csv';
import { listSocialResources } from './list-social-resources';
import { resourceCsvColumns, resourceCsvRow } from './resource-csv';
import type { SocialResourceListQuery } from './schema';

/** The directory as it is filtered on screen, as CSV (the import reads the same file back). */
export async function exportSocialResources(
  deps: AppDeps,
  ctx: ActorContext,
  query: SocialResourceListQuery,
): Promise<string> {
  const items = await listSocialResources(deps, ctx, query);
  await recordAudit(deps.database.db, ctx, {
    action: 'social_resource.export',
    outcome: 'success',
    subjectType: 'social_resource',
    legalBasis: 'administration',
    detail: { rows: items.length },
  });
  return csvDocument(
    resourceCsvColumns.map((c) => c.header[ctx.lang]),
    items.map((r) => resourceCsvRow(r, ctx.lang)),
  );
}
