import { authorize } from '../access/authorize';
import { ScopedReader } from '../access/scoped-reader';
import { recordAudit } from '../audit/record-audit';
import type { ActorContext, AppDeps } from '../http/context';
import { notFound, versionConflict } from '../http/domain-error';
import type { DistrictPopulationBody } from './schema';

const present = (d: { id: string; name: string; population: number | null; version: number }) => ({
  id: d.id,
  name: d.name,
  population: d.population,
  version: d.version,
});

/** A district's population, for its per-100,000 figures (統計の設定). */
export async function setDistrictPopulation(
  deps: AppDeps,
  ctx: ActorContext,
  id: string,
  body: DistrictPopulationBody,
) {
  const reader = new ScopedReader(deps.database.db, ctx.actor);
  const load = () =>
    reader
      .districts()
      .select(['id', 'name', 'population', 'version', 'municipality_id'])
      .where('id', '=', id)
      .executeTakeFirst();
  const current = await load();
  if (!current) {
    throw notFound({ action: 'statistics.manage', subjectType: 'district', subjectId: id });
  }
  authorize(
    ctx.actor,
    'statistics.manage',
    { municipalityId: current.municipality_id },
    { subjectType: 'district', subjectId: id },
  );
  if (current.version !== body.version) throw versionConflict(present(current));
  const updated = await deps.database.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('district')
      .set({ population: body.population, version: body.version + 1, updated_at: deps.now() })
      .where('id', '=', id)
      .where('version', '=', body.version)
      .returning(['id', 'name', 'population', 'version'])
      .executeTakeFirst();
    if (!row) return null;
    await recordAudit(trx, ctx, {
      action: 'district.update',
      outcome: 'success',
      subjectType: 'district',
      subjectId: id,
      legalBasis: 'administration',
      detail: { changed: ['population'] },
    });
    return row;
  });
  if (!updated) {
    const latest = await load();
    throw latest ? versionConflict(present(latest)) : notFound();
  }
  return present(updated);
}
