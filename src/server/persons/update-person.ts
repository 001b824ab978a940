import { changedFields } from '../audit/changed-fields';
import { recordAudit } from '../audit/record-audit';
import { assertDistrict } from '../cases/new-case';
import type { ActorContext, AppDeps } from '../http/context';
import { versionConflict } from '../http/domain-error';
import { loadPersonToWork } from './person-access';
import { personColumns } from './person-columns';
import type { PersonInput } from './schema';

/** 本人の基本情報: name, reading, birth date (西暦 or 和暦), address, contacts, 要配慮 marks. */
export async function updatePerson(
  deps: AppDeps,
  ctx: ActorContext,
  personId: string,
  input: PersonInput & { version: number },
) {
  const { person, caseNumber } = await loadPersonToWork(deps, ctx, personId, 'person.update');
  if (person.version !== input.version)
    throw versionConflict({ id: person.id, version: person.version });
  if (input.districtId) {
    await assertDistrict(deps.database.db, person.municipality_id, input.districtId, 'districtId');
  }
  const columns = personColumns(input);
  return deps.database.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('person')
      .set({ ...columns, version: input.version + 1, updated_at: deps.now() })
      .where('id', '=', personId)
      .where('version', '=', input.version)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw versionConflict({ id: person.id, version: person.version });
    await recordAudit(trx, ctx, {
      action: 'person.update',
      outcome: 'success',
      subjectType: 'person',
      subjectId: personId,
      personId,
      legalBasis: 'own_case',
      legalBasisRef: caseNumber,
      detail: {
        changed: changedFields(person, columns).filter(
          (f) => !['search_text', 'search_grams', 'phone_numbers'].includes(f),
        ),
      },
    });
    return updated;
  });
}
