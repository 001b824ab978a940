import { checkPassword, passwordMinLength } from '../../domain/password-policy';
import { userAbilities } from '../../domain/policies/user-policy';
import { hashPassword } from '../auth/passwords';
import { deleteUserSessions } from '../auth/session-store';
import type { ActorContext, AppDeps } from '../http/context';
import { fieldError, forbidden } from '../http/domain-error';
import { loadUser, runUserAdminAction } from './managed-user';
import { updateSignInState } from './user-store';

/**
 * パスワードの再設定: the administrator gives a temporary password (by phone or in person, never
 * by this system); the user must change it at the next sign-in. The account is unlocked and every
 * session of it ends.
 */
export async function resetUserPassword(
  deps: AppDeps,
  ctx: ActorContext,
  id: string,
  input: { temporaryPassword: string },
) {
  const user = await loadUser(deps, ctx, id, 'user.reset_password');
  // Permission first: the password rule mentions the login ID, and hashing costs time.
  if (!userAbilities(ctx.actor, { id, municipalityId: user.municipality_id }).resetPassword) {
    throw forbidden({ action: 'user.reset_password', subjectType: 'user', subjectId: id });
  }
  const problem = checkPassword(input.temporaryPassword, user.login_id);
  if (problem) throw fieldError('temporaryPassword', problem, { min: passwordMinLength, max: 128 });
  const passwordHash = await hashPassword(input.temporaryPassword, deps.config.passwordHash);
  return runUserAdminAction(deps, ctx, id, {
    ability: 'resetPassword',
    action: 'user.reset_password',
    change: async (trx) => {
      await updateSignInState(trx, id, {
        password_hash: passwordHash,
        password_changed_at: deps.now(),
        must_change_password: true,
        failed_sign_in_count: 0,
        locked_until: null,
      });
      return { sessionsEnded: await deleteUserSessions(trx, id) };
    },
  });
}
