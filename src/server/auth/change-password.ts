import { checkPassword, passwordMinLength } from '../../domain/password-policy';
import { recordAudit } from '../audit/record-audit';
import type { ActorContext, AppDeps } from '../http/context';
import { DomainError, fieldError } from '../http/domain-error';
import { updateSignInState } from '../users/user-store';
import { getOwnAccount } from './account';
import { failAttempt, reserveAttempt, succeedAttempt } from './attempts';
import { hashPassword, verifyPassword } from './passwords';
import { deleteUserSessions } from './session-store';

/**
 * A user changes their own password (also the forced change after an administrator's reset).
 * Every other session of the user ends: whoever knew the old password is signed out.
 */
export async function changePassword(
  deps: AppDeps,
  ctx: ActorContext,
  input: { currentPassword: string; newPassword: string; sessionId: string },
): Promise<void> {
  const user = await getOwnAccount(deps, ctx);
  // A wrong current password counts like a failed sign-in: a PC left signed in is no place to guess.
  const attempt = await reserveAttempt(deps, ctx, user, 'account.change_password');
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    const code = await failAttempt(deps, ctx, attempt, {
      action: 'account.change_password',
      reason: 'PASSWORD_INCORRECT',
      endSessionsOnLock: true,
    });
    throw new DomainError(
      code,
      code === 'PASSWORD_INCORRECT'
        ? { fields: [{ path: 'currentPassword', key: 'invalid' }] }
        : {},
    );
  }
  await succeedAttempt(deps, attempt);
  const problem = checkPassword(input.newPassword, user.login_id);
  if (problem) throw fieldError('newPassword', problem, { min: passwordMinLength, max: 128 });

  const passwordHash = await hashPassword(input.newPassword, deps.config.passwordHash);
  const now = deps.now();
  await deps.database.db.transaction().execute(async (trx) => {
    await updateSignInState(trx, user.id, {
      password_hash: passwordHash,
      password_changed_at: now,
      must_change_password: false,
    });
    const ended = await deleteUserSessions(trx, user.id, input.sessionId);
    await recordAudit(trx, ctx, {
      action: 'account.change_password',
      outcome: 'success',
      subjectType: 'user',
      subjectId: user.id,
      legalBasis: 'self',
      detail: { otherSessionsEnded: ended },
    });
  });
}
