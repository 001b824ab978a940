import { authorize } from '../access/authorize';
import { ScopedReader } from '../access/scoped-reader';
import { changedFields } from '../audit/changed-fields';
import { recordAudit } from '../audit/record-audit';
import type { ActorContext, AppDeps } from '../http/context';
import { notFound, versionConflict } from '../http/domain-error';
import { rethrowDuplicateName } from './duplicate-name';
import { partnerAgencyColumns } from './partner-agency-columns';
import { presentPartnerAgency } from './present';
import type { PartnerAgencyInput } from './schema';

export async function updatePartnerAgency(
  deps: AppDeps,
  ctx: ActorContext,
  id: string,
  input: PartnerAgencyInput & { version: number },
) {
  const reader = new ScopedReader(deps.database.db, ctx.actor);
  const load = () => reader.partnerAgencies().selectAll().where('id', '=', id).executeTakeFirst();
  const current = await load();
  if (!current)
    throw notFound({
      action: 'partner_agency.update',
      subjectType: 'partner_agency',
      subjectId: id,
    });
  authorize(
    ctx.actor,
    'partnerAgency.manage',
    { municipalityId: current.municipality_id },
    { subjectType: 'partner_agency', subjectId: id },
  );
  if (current.version !== input.version) {
    throw versionConflict(presentPartnerAgency(ctx.actor, current));
  }
  const columns = partnerAgencyColumns(input, deps.now());
  if (input.archived && current.archived_at) columns.archived_at = current.archived_at;
  try {
    const updated = await deps.database.db.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable('partner_agency')
        .set({ ...columns, version: input.version + 1, updated_at: deps.now() })
        .where('id', '=', id)
        .where('version', '=', input.version)
        .returningAll()
        .executeTakeFirst();
      if (!row) return null;
      await recordAudit(trx, ctx, {
        action: 'partner_agency.update',
        outcome: 'success',
        subjectType: 'partner_agency',
        subjectId: id,
        legalBasis: 'administration',
        detail: { changed: changedFields(current, columns) },
      });
      return row;
    });
    if (!updated) {
      const latest = await load();
      throw latest ? versionConflict(presentPartnerAgency(ctx.actor, latest)) : notFound();
    }
    return presentPartnerAgency(ctx.actor, updated);
  } catch (error) {
    rethrowDuplicateName(error);
  }
}
