import { authorize } from '../access/authorize';
import { ScopedReader } from '../access/scoped-reader';
import { changedFields } from '../audit/changed-fields';
import { recordAudit } from '../audit/record-audit';
import { isUniqueViolation } from '../db/errors';
import type { ActorContext, AppDeps } from '../http/context';
import { fieldError, versionConflict } from '../http/domain-error';
import { getMunicipality } from './get-municipality';
import type { MunicipalityInput } from './schema';

export async function updateMunicipality(
  deps: AppDeps,
  ctx: ActorContext,
  input: MunicipalityInput,
) {
  const reader = new ScopedReader(deps.database.db, ctx.actor);
  const current = await reader.municipality().selectAll().executeTakeFirstOrThrow();
  authorize(
    ctx.actor,
    'municipality.update',
    { municipalityId: current.id },
    { subjectType: 'municipality', subjectId: current.id },
  );
  const changes = {
    code: input.code,
    name: input.name,
    name_kana: input.nameKana,
    prefecture: input.prefecture,
    kind: input.kind,
    population: input.population,
    population_as_of: input.populationAsOf,
  };
  const conflict = async () => versionConflict(await getMunicipality(deps, ctx));
  if (current.version !== input.version) throw await conflict();

  const updated = await deps.database.db
    .transaction()
    .execute(async (trx) => {
      const row = await trx
        .updateTable('municipality')
        .set({ ...changes, version: input.version + 1, updated_at: deps.now() })
        .where('id', '=', current.id)
        .where('version', '=', input.version)
        .returning('id')
        .executeTakeFirst();
      if (!row) return null;
      await recordAudit(trx, ctx, {
        action: 'municipality.update',
        outcome: 'success',
        subjectType: 'municipality',
        subjectId: current.id,
        legalBasis: 'administration',
        detail: { changed: changedFields(current, changes) },
      });
      return row;
    })
    .catch((error: unknown) => {
      // The code is a national identifier: two tenants cannot both be the same municipality.
      if (isUniqueViolation(error)) throw fieldError('code', 'codeTaken');
      throw error;
    });
  if (!updated) throw await conflict();
  return getMunicipality(deps, ctx);
}
