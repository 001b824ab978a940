import { deleteUserSessions } from '../auth/session-store';
import type { ActorContext, AppDeps } from '../http/context';
import { runUserAdminAction } from './managed-user';
import { updateSignInState } from './user-store';

/**
 * 利用停止 and its reversal. Accounts are never deleted: the audit log keeps pointing at them.
 * Stopping an account ends its sessions at once.
 */
export async function setUserDisabled(
  deps: AppDeps,
  ctx: ActorContext,
  id: string,
  disabled: boolean,
) {
  return runUserAdminAction(deps, ctx, id, {
    ability: 'disable',
    action: disabled ? 'user.disable' : 'user.enable',
    change: async (trx) => {
      await updateSignInState(trx, id, { disabled_at: disabled ? deps.now() : null });
      return disabled ? { sessionsEnded: await deleteUserSessions(trx, id) } : undefined;
    },
  });
}
