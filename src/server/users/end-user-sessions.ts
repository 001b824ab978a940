import { deleteUserSessions } from '../auth/session-store';
import type { ActorContext, AppDeps } from '../http/context';
import { runUserAdminAction } from './managed-user';

/** An administrator signs a user out on every device (e.g. a PC left signed in at a partner's). */
export async function endUserSessions(deps: AppDeps, ctx: ActorContext, id: string) {
  return runUserAdminAction(deps, ctx, id, {
    ability: 'signOutEverywhere',
    action: 'user.end_sessions',
    change: async (trx) => ({ sessionsEnded: await deleteUserSessions(trx, id) }),
  });
}
