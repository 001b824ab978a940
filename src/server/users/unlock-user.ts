import type { ActorContext, AppDeps } from '../http/context';
import { runUserAdminAction } from './managed-user';
import { updateSignInState } from './user-store';

/** Lifts a lockout after failed sign-ins before it runs out by itself. */
export async function unlockUser(deps: AppDeps, ctx: ActorContext, id: string) {
  return runUserAdminAction(deps, ctx, id, {
    ability: 'unlock',
    action: 'user.unlock',
    change: async (trx) => {
      await updateSignInState(trx, id, { failed_sign_in_count: 0, locked_until: null });
      return undefined;
    },
  });
}
