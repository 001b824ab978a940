import { authorize } from '../access/authorize';
import { ScopedReader } from '../access/scoped-reader';
import { changedFields } from '../audit/changed-fields';
import { recordAudit } from '../audit/record-audit';
import type { ActorContext, AppDeps } from '../http/context';
import { notFound, versionConflict } from '../http/domain-error';
import { rethrowDuplicateName } from './duplicate-name';
import { getSupportAgency } from './get-support-agency';
import { saveAgencySites } from './save-agency-sites';
import type { SupportAgencyInput } from './schema';
import { supportAgencyColumns } from './support-agency-columns';

export async function updateSupportAgency(
  deps: AppDeps,
  ctx: ActorContext,
  id: string,
  input: SupportAgencyInput & { version: number },
) {
  const reader = new ScopedReader(deps.database.db, ctx.actor);
  const current = await reader
    .supportAgencies()
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!current)
    throw notFound({
      action: 'support_agency.update',
      subjectType: 'support_agency',
      subjectId: id,
    });
  authorize(
    ctx.actor,
    'supportAgency.manage',
    { municipalityId: current.municipality_id },
    { subjectType: 'support_agency', subjectId: id },
  );
  const conflict = async () => versionConflict(await getSupportAgency(deps, ctx, id));
  if (current.version !== input.version) throw await conflict();

  const columns = supportAgencyColumns(input, deps.now());
  // Archiving keeps its first date; re-saving an archived agency does not move it.
  if (input.archived && current.archived_at) columns.archived_at = current.archived_at;
  try {
    const saved = await deps.database.db.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable('support_agency')
        .set({ ...columns, version: input.version + 1, updated_at: deps.now() })
        .where('id', '=', id)
        .where('version', '=', input.version)
        .returning(['id', 'municipality_id'])
        .executeTakeFirst();
      if (!row) return false;
      await saveAgencySites(trx, row, input.sites);
      await recordAudit(trx, ctx, {
        action: 'support_agency.update',
        outcome: 'success',
        subjectType: 'support_agency',
        subjectId: id,
        legalBasis: 'administration',
        detail: { changed: changedFields(current, columns), sites: input.sites.length },
      });
      return true;
    });
    if (!saved) throw await conflict();
    return getSupportAgency(deps, ctx, id);
  } catch (error) {
    rethrowDuplicateName(error);
  }
}
