import { recordAudit } from '../audit/record-audit';
import type { ActorContext, AppDeps } from '../http/context';
import { DomainError } from '../http/domain-error';
import { updateSignInState } from '../users/user-store';
import { getOwnAccount } from './account';
import { failAttempt, reserveAttempt, succeedAttempt } from './attempts';
import { verifyPassword } from './passwords';

/** A user turns their own second factor off; the password is asked again. */
export async function disableTotp(
  deps: AppDeps,
  ctx: ActorContext,
  input: { password: string },
): Promise<void> {
  const user = await getOwnAccount(deps, ctx);
  if (!user.totp_enabled_at) throw new DomainError('TOTP_NOT_ENABLED');
  const attempt = await reserveAttempt(deps, ctx, user, 'account.totp_disable');
  if (!(await verifyPassword(user.password_hash, input.password))) {
    const code = await failAttempt(deps, ctx, attempt, {
      action: 'account.totp_disable',
      reason: 'PASSWORD_INCORRECT',
      endSessionsOnLock: true,
    });
    throw new DomainError(
      code,
      code === 'PASSWORD_INCORRECT' ? { fields: [{ path: 'password', key: 'invalid' }] } : {},
    );
  }
  await succeedAttempt(deps, attempt);
  await deps.database.db.transaction().execute(async (trx) => {
    await updateSignInState(trx, user.id, {
      totp_secret: null,
      totp_enabled_at: null,
      totp_pending_secret: null,
      totp_last_step: null,
    });
    await recordAudit(trx, ctx, {
      action: 'account.totp_disabled',
      outcome: 'success',
      subjectType: 'user',
      subjectId: user.id,
      legalBasis: 'self',
    });
  });
}
