import { deleteUserSessions } from '../auth/session-store';
import type { ActorContext, AppDeps } from '../http/context';
import { runUserAdminAction } from './managed-user';
import { updateSignInState } from './user-store';

/** For a lost phone: turns the account's second factor off so the user can enrol again. */
export async function resetUserSecondFactor(deps: AppDeps, ctx: ActorContext, id: string) {
  return runUserAdminAction(deps, ctx, id, {
    ability: 'resetSecondFactor',
    action: 'user.reset_second_factor',
    change: async (trx) => {
      await updateSignInState(trx, id, {
        totp_secret: null,
        totp_enabled_at: null,
        totp_pending_secret: null,
        totp_last_step: null,
      });
      return { sessionsEnded: await deleteUserSessions(trx, id) };
    },
  });
}
