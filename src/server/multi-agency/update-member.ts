import type { ActorContext, AppDeps } from '../http/context';
import { fieldError, versionConflict } from '../http/domain-error';
import { loadMemberToChange } from './member-access';
import { auditMultiAgency } from './multi-agency-access';
import { assertHouseholdMember } from './references';
import type { MemberUpdateInput } from './schema';

/** An agency's role changes: whom it supports, what it does, who is the contact, the tie. */
export async function updateMember(
  deps: AppDeps,
  ctx: ActorContext,
  id: string,
  memberId: string,
  input: MemberUpdateInput,
) {
  const action = 'multi_agency.member.update';
  const { loaded, member } = await loadMemberToChange(
    deps,
    ctx,
    id,
    memberId,
    input.version,
    action,
  );
  if (member.left_on) throw fieldError('role', 'invalid');
  const db = deps.database.db;
  const householdMemberId = input.supports === 'member' ? input.householdMemberId : null;
  await assertHouseholdMember(db, loaded.anchor.person_id, householdMemberId);
  const clash = await db
    .selectFrom('multi_agency_member')
    .select('id')
    .where('multi_agency_case_id', '=', id)
    .where('id', '<>', memberId)
    .where('left_on', 'is', null)
    .where('supports', '=', input.supports)
    .where((eb) =>
      member.partner_agency_id
        ? eb('partner_agency_id', '=', member.partner_agency_id)
        : eb('support_agency_id', '=', member.support_agency_id),
    )
    .where((eb) =>
      householdMemberId
        ? eb('household_member_id', '=', householdMemberId)
        : eb('household_member_id', 'is', null),
    )
    .executeTakeFirst();
  if (clash) throw fieldError('supports', 'memberAlreadyInvolved');
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('multi_agency_member')
      .set({
        supports: input.supports,
        household_member_id: householdMemberId,
        role: input.role,
        contact_name: input.contactName,
        tie_strength: input.tieStrength,
        version: input.version + 1,
        updated_at: deps.now(),
      })
      .where('id', '=', memberId)
      .where('version', '=', input.version)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw versionConflict(member);
    await auditMultiAgency(trx, ctx, loaded, action, {
      type: 'multi_agency_member',
      id: memberId,
    });
    return updated;
  });
}
