import type { Kysely } from 'kysely';
import type { UserAbilities } from '../../domain/policies/user-policy';
import { userAbilities } from '../../domain/policies/user-policy';
import { ScopedReader } from '../access/scoped-reader';
import { recordAudit } from '../audit/record-audit';
import type { AppUser, Database } from '../db/schema';
import type { ActorContext, AppDeps } from '../http/context';
import { forbidden, notFound } from '../http/domain-error';
import { presentUser } from './present';

/**
 * Loads an account in the actor's scope, or answers 404 — and an account out of scope is an
 * attempt worth an audit row, named by the action that was tried.
 */
export async function loadUser(
  deps: AppDeps,
  ctx: ActorContext,
  id: string,
  action: string,
): Promise<AppUser> {
  const user = await new ScopedReader(deps.database.db, ctx.actor)
    .users()
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!user) throw notFound({ action, subjectType: 'user', subjectId: id });
  return user;
}

/**
 * The beats every administrator action on an account shares: load in scope, check the ability,
 * change and audit in one transaction, answer with the account as it now is.
 */
export async function runUserAdminAction(
  deps: AppDeps,
  ctx: ActorContext,
  id: string,
  spec: {
    ability: keyof UserAbilities;
    action: string;
    change: (trx: Kysely<Database>, user: AppUser) => Promise<Record<string, unknown> | undefined>;
  },
) {
  const user = await loadUser(deps, ctx, id, spec.action);
  const abilities = userAbilities(ctx.actor, { id: user.id, municipalityId: user.municipality_id });
  if (!abilities[spec.ability]) {
    throw forbidden({ action: spec.action, subjectType: 'user', subjectId: id });
  }
  await deps.database.db.transaction().execute(async (trx) => {
    const detail = await spec.change(trx, user);
    await recordAudit(trx, ctx, {
      action: spec.action,
      outcome: 'success',
      subjectType: 'user',
      subjectId: id,
      legalBasis: 'administration',
      ...(detail ? { detail } : {}),
    });
  });
  return presentUser(ctx.actor, await loadUser(deps, ctx, id, spec.action), deps.now());
}
