import type { ErrorCode } from '../../domain/errors';
import { recordAudit } from '../audit/record-audit';
import type { AppUser } from '../db/schema';
import type { AppDeps, RequestContext } from '../http/context';
import { countFailedSignIn, updateSignInState } from '../users/user-store';
import { actorOf } from './session-store';

/**
 * Counts a failed password or code. At the configured number of failures in a row the account is
 * locked for a while; the attempt that locks it is told so. Returns the error to answer with.
 */
export async function registerSignInFailure(
  deps: AppDeps,
  ctx: RequestContext,
  user: AppUser,
  input: { action: string; reason: ErrorCode },
): Promise<ErrorCode> {
  const now = deps.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const failures = await countFailedSignIn(trx, user.id);
    const actor = actorOf(user);
    await recordAudit(trx, ctx, {
      action: input.action,
      outcome: 'failure',
      actor,
      reason: input.reason,
      subjectType: 'user',
      subjectId: user.id,
      detail: { consecutiveFailures: failures },
    });
    if (failures < deps.config.signIn.maxFailures) return input.reason;
    const lockedUntil = new Date(now.getTime() + deps.config.signIn.lockMinutes * 60_000);
    await updateSignInState(trx, user.id, { failed_sign_in_count: 0, locked_until: lockedUntil });
    await recordAudit(trx, ctx, {
      action: 'auth.lockout',
      outcome: 'success',
      actor,
      subjectType: 'user',
      subjectId: user.id,
      detail: { lockedUntil: lockedUntil.toISOString(), failures },
    });
    return 'ACCOUNT_LOCKED';
  });
}
