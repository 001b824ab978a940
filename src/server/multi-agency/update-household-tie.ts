import { recordAudit } from '../audit/record-audit';
import { loadCaseToWork } from '../cases/case-access';
import type { ActorContext, AppDeps } from '../http/context';
import { notFound, versionConflict } from '../http/domain-error';
import type { TieInput } from './schema';

/**
 * How strong a household member's tie to one of their own agencies is, as the ecomap draws it.
 * The household is kept as one record under the person's version (persons/save-household.ts).
 */
export async function updateHouseholdTie(
  deps: AppDeps,
  ctx: ActorContext,
  caseId: string,
  input: TieInput,
) {
  const action = 'ecomap.tie';
  const { row: kase } = await loadCaseToWork(deps, ctx, caseId, action);
  const db = deps.database.db;
  const tie = await db
    .selectFrom('household_member_agency')
    .innerJoin(
      'household_member',
      'household_member.id',
      'household_member_agency.household_member_id',
    )
    .select('household_member_agency.tie_strength')
    .where('household_member.person_id', '=', kase.person_id)
    .where('household_member_agency.household_member_id', '=', input.householdMemberId)
    .where('household_member_agency.partner_agency_id', '=', input.partnerAgencyId)
    .executeTakeFirst();
  if (!tie)
    throw notFound({ action, subjectType: 'household_member', subjectId: input.householdMemberId });
  return db.transaction().execute(async (trx) => {
    const bumped = await trx
      .updateTable('person')
      .set({ version: input.version + 1, updated_at: deps.now() })
      .where('id', '=', kase.person_id)
      .where('version', '=', input.version)
      .returning(['id', 'version'])
      .executeTakeFirst();
    if (!bumped) {
      const current = await trx
        .selectFrom('person')
        .select(['id', 'version'])
        .where('id', '=', kase.person_id)
        .executeTakeFirstOrThrow();
      throw versionConflict(current);
    }
    await trx
      .updateTable('household_member_agency')
      .set({ tie_strength: input.tieStrength })
      .where('household_member_id', '=', input.householdMemberId)
      .where('partner_agency_id', '=', input.partnerAgencyId)
      .execute();
    await recordAudit(trx, ctx, {
      action,
      outcome: 'success',
      subjectType: 'household_member',
      subjectId: input.householdMemberId,
      personId: kase.person_id,
      legalBasis: 'own_case',
      legalBasisRef: kase.case_number,
      detail: { partnerAgencyId: input.partnerAgencyId, tieStrength: input.tieStrength },
    });
    return { version: bumped.version };
  });
}
