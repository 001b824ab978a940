import { ScopedReader } from '../access/scoped-reader';
import type { AppUser } from '../db/schema';
import type { ActorContext, AppDeps } from '../http/context';

/** The signed-in user's own account row. */
export async function getOwnAccount(deps: AppDeps, ctx: ActorContext): Promise<AppUser> {
  return new ScopedReader(deps.database.db, ctx.actor).self().selectAll().executeTakeFirstOrThrow();
}
