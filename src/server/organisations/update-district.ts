import { authorize } from '../access/authorize';
import { ScopedReader } from '../access/scoped-reader';
import { changedFields } from '../audit/changed-fields';
import { recordAudit } from '../audit/record-audit';
import type { ActorContext, AppDeps } from '../http/context';
import { notFound, versionConflict } from '../http/domain-error';
import { rethrowDuplicateName } from './duplicate-name';
import { presentDistrict } from './present';
import type { DistrictInput } from './schema';

export async function updateDistrict(
  deps: AppDeps,
  ctx: ActorContext,
  id: string,
  input: DistrictInput & { version: number },
) {
  const reader = new ScopedReader(deps.database.db, ctx.actor);
  const current = await reader.districts().selectAll().where('id', '=', id).executeTakeFirst();
  if (!current)
    throw notFound({ action: 'district.update', subjectType: 'district', subjectId: id });
  authorize(
    ctx.actor,
    'municipality.update',
    { municipalityId: current.municipality_id },
    { subjectType: 'district', subjectId: id },
  );
  if (current.version !== input.version) throw versionConflict(presentDistrict(current));
  const changes = { name: input.name, name_kana: input.nameKana, sort_order: input.sortOrder };
  try {
    const updated = await deps.database.db.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable('district')
        .set({ ...changes, version: input.version + 1, updated_at: deps.now() })
        .where('id', '=', id)
        .where('version', '=', input.version)
        .returningAll()
        .executeTakeFirst();
      if (!row) return null;
      await recordAudit(trx, ctx, {
        action: 'district.update',
        outcome: 'success',
        subjectType: 'district',
        subjectId: id,
        legalBasis: 'administration',
        detail: { changed: changedFields(current, changes) },
      });
      return row;
    });
    if (!updated) {
      const latest = await reader.districts().selectAll().where('id', '=', id).executeTakeFirst();
      throw latest ? versionConflict(presentDistrict(latest)) : notFound();
    }
    return presentDistrict(updated);
  } catch (error) {
    rethrowDuplicateName(error);
  }
}
