import { userAbilities } from '../../domain/policies/user-policy';
import { ScopedReader } from '../access/scoped-reader';
import { changedFields } from '../audit/changed-fields';
import { recordAudit } from '../audit/record-audit';
import type { ActorContext, AppDeps } from '../http/context';
import { forbidden, versionConflict } from '../http/domain-error';
import { checkUserOrganisation } from './check-organisation';
import { loadUser } from './managed-user';
import { presentUser } from './present';
import type { UserUpdateInput } from './schema';
import { updateUserAtVersion } from './user-store';

/** Name, contact, roles and organisation of an account; a stale save answers 409. */
export async function updateUser(
  deps: AppDeps,
  ctx: ActorContext,
  id: string,
  input: UserUpdateInput,
) {
  const current = await loadUser(deps, ctx, id, 'user.update');
  const abilities = userAbilities(ctx.actor, { id, municipalityId: current.municipality_id });
  if (!abilities.update)
    throw forbidden({ action: 'user.update', subjectType: 'user', subjectId: id });
  const now = deps.now();
  if (current.version !== input.version)
    throw versionConflict(presentUser(ctx.actor, current, now));
  await checkUserOrganisation(new ScopedReader(deps.database.db, ctx.actor), input);
  // An administrator keeps their own administrator role: an instance must keep one way in.
  if (
    id === ctx.actor.userId &&
    current.roles.includes('admin') &&
    !input.roles.includes('admin')
  ) {
    throw forbidden({ action: 'user.update', subjectType: 'user', subjectId: id });
  }
  const changes = {
    display_name: input.displayName,
    display_name_kana: input.displayNameKana,
    email: input.email,
    roles: input.roles,
    support_agency_id: input.supportAgencyId,
    partner_agency_id: input.partnerAgencyId,
  };
  const updated = await deps.database.db.transaction().execute(async (trx) => {
    const row = await updateUserAtVersion(trx, id, input.version, changes, now);
    if (!row) return undefined;
    await recordAudit(trx, ctx, {
      action: 'user.update',
      outcome: 'success',
      subjectType: 'user',
      subjectId: id,
      legalBasis: 'administration',
      detail: { changed: changedFields(current, changes), roles: input.roles },
    });
    return row;
  });
  if (!updated)
    throw versionConflict(
      presentUser(ctx.actor, await loadUser(deps, ctx, id, 'user.update'), now),
    );
  return presentUser(ctx.actor, updated, now);
}
