import type { ActorContext, AppDeps } from '../http/context';
import { notFound, versionConflict } from '../http/domain-error';
import { assertOpen, loadMultiAgencyCaseToManage } from './multi-agency-access';

/** One agency of an open multi-agency case the actor keeps, at the version the caller saw. */
export async function loadMemberToChange(
  deps: AppDeps,
  ctx: ActorContext,
  id: string,
  memberId: string,
  version: number,
  action: string,
) {
  const loaded = await loadMultiAgencyCaseToManage(deps, ctx, id, action);
  assertOpen(loaded);
  const member = await deps.database.db
    .selectFrom('multi_agency_member')
    .selectAll()
    .where('id', '=', memberId)
    .where('multi_agency_case_id', '=', id)
    .executeTakeFirst();
  if (!member) {
    throw notFound({ action, subjectType: 'multi_agency_member', subjectId: memberId });
  }
  if (member.version !== version) throw versionConflict(member);
  return { loaded, member };
}
