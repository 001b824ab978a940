import type { ActorContext, AppDeps } from '../http/context';
import { fieldError, versionConflict } from '../http/domain-error';
import { loadMemberToChange } from './member-access';
import { auditMultiAgency, today } from './multi-agency-access';
import type { MemberLeaveInput } from './schema';

/**
 * An agency leaves the household's case: its row stays with the day it left, so the history shows
 * who was involved when. The lead cannot leave without handing the lead on first.
 */
export async function removeMember(
  deps: AppDeps,
  ctx: ActorContext,
  id: string,
  memberId: string,
  input: MemberLeaveInput,
) {
  const action = 'multi_agency.member.remove';
  const { loaded, member } = await loadMemberToChange(
    deps,
    ctx,
    id,
    memberId,
    input.version,
    action,
  );
  if (member.left_on) throw fieldError('leftOn', 'invalid');
  if (member.lead) throw fieldError('leftOn', 'leadLeaving');
  if (input.leftOn < member.joined_on) throw fieldError('leftOn', 'endBeforeStart');
  if (input.leftOn > today(deps)) throw fieldError('leftOn', 'futureDate');
  return deps.database.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('multi_agency_member')
      .set({ left_on: input.leftOn, version: input.version + 1, updated_at: deps.now() })
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
