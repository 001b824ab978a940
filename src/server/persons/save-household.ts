import { recordAudit } from '../audit/record-audit';
import type { ActorContext, AppDeps } from '../http/context';
import { fieldError, versionConflict } from '../http/domain-error';
import { loadPersonToWork } from './person-access';
import type { HouseholdInput } from './schema';

/**
 * 世帯: the members with relationship, age, situation and the agencies each already has. The list
 * sent replaces the list kept; members keep their ids (plan service lines point at them), so a
 * member who is still referred to (a plan's service line, a multi-agency role) cannot be removed;
 * a member's ties to their agencies keep their strength while they are kept. The person's version guards the whole.
 */
export async function saveHousehold(
  deps: AppDeps,
  ctx: ActorContext,
  personId: string,
  input: HouseholdInput,
) {
  const { person, caseNumber } = await loadPersonToWork(deps, ctx, personId, 'household.update');
  if (person.version !== input.version)
    throw versionConflict({ id: person.id, version: person.version });
  const db = deps.database.db;
  const agencyIds = [...new Set(input.members.flatMap((m) => m.partnerAgencyIds))];
  if (agencyIds.length > 0) {
    const found = await db
      .selectFrom('partner_agency')
      .select('id')
      .where('id', 'in', agencyIds)
      .where('municipality_id', '=', person.municipality_id)
      .execute();
    const ok = new Set(found.map((f) => f.id));
    const index = input.members.findIndex((m) => m.partnerAgencyIds.some((id) => !ok.has(id)));
    if (index >= 0) throw fieldError(`members.${index}.partnerAgencyIds`, 'unknownReference');
  }
  return db.transaction().execute(async (trx) => {
    const bumped = await trx
      .updateTable('person')
      .set({ version: input.version + 1, updated_at: deps.now() })
      .where('id', '=', personId)
      .where('version', '=', input.version)
      .returning('version')
      .executeTakeFirst();
    if (!bumped) throw versionConflict({ id: person.id, version: person.version });
    const existing = await trx
      .selectFrom('household_member')
      .select('id')
      .where('person_id', '=', personId)
      .execute();
    const keep = new Set(input.members.flatMap((m) => (m.id ? [m.id] : [])));
    const gone = existing.map((e) => e.id).filter((id) => !keep.has(id));
    if (gone.length > 0) {
      // A plan's service line or a multi-agency role that names the member keeps them.
      const used = await trx
        .selectFrom('plan_service')
        .select('household_member_id')
        .where('household_member_id', 'in', gone)
        .unionAll(
          trx
            .selectFrom('multi_agency_member')
            .select('household_member_id')
            .where('household_member_id', 'in', gone),
        )
        .executeTakeFirst();
      if (used) throw fieldError('members', 'memberInUse');
      await trx.deleteFrom('household_member').where('id', 'in', gone).execute();
    }
    for (const [index, m] of input.members.entries()) {
      const values = {
        name: m.name,
        name_kana: m.nameKana,
        relationship: m.relationship,
        sex: m.sex,
        birth_date: m.birthDate,
        age: m.age,
        lives_together: m.livesTogether,
        situation: m.situation,
        sort_order: index,
      };
      let memberId = m.id && existing.some((e) => e.id === m.id) ? m.id : undefined;
      if (memberId) {
        await trx.updateTable('household_member').set(values).where('id', '=', memberId).execute();
      } else {
        const created = await trx
          .insertInto('household_member')
          .values({ ...values, person_id: personId, municipality_id: person.municipality_id })
          .returning('id')
          .executeTakeFirstOrThrow();
        memberId = created.id;
      }
      // The ties kept keep their strength (drawn on the ecomap); only those dropped or added change.
      const wanted = [...new Set(m.partnerAgencyIds)];
      await trx
        .deleteFrom('household_member_agency')
        .where('household_member_id', '=', memberId)
        .$if(wanted.length > 0, (q) => q.where('partner_agency_id', 'not in', wanted))
        .execute();
      if (wanted.length > 0) {
        await trx
          .insertInto('household_member_agency')
          .values(
            wanted.map((partnerAgencyId) => ({
              household_member_id: memberId as string,
              municipality_id: person.municipality_id,
              partner_agency_id: partnerAgencyId,
              note: null,
            })),
          )
          .onConflict((oc) => oc.columns(['household_member_id', 'partner_agency_id']).doNothing())
          .execute();
      }
    }
    await recordAudit(trx, ctx, {
      action: 'household.update',
      outcome: 'success',
      subjectType: 'person',
      subjectId: personId,
      personId,
      legalBasis: 'own_case',
      legalBasisRef: caseNumber,
      detail: { members: input.members.length },
    });
    return { version: bumped.version };
  });
}
