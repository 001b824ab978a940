import type { ErrorCode } from '../../domain/errors';
import { recordAudit } from '../audit/record-audit';
import type { AppUser } from '../db/schema';
import type { AppDeps, RequestContext } from '../http/context';
import { DomainError } from '../http/domain-error';
import { actorOf, deleteUserSessions } from './session-store';

/**
 * Guessing is bounded per account. Every check of a secret — the password at sign-in, the code at
 * the second step, the current password on the account pages — first reserves one attempt under a
 * row lock. The reservation that takes the last allowed attempt already locks the account, so
 * requests sent all at once cannot run more checks than allowed; a wrong answer then keeps the
 * lock, a right one lifts it. Only a completed sign-in (or a correct password on the account pages)
 * gives the attempts back.
 */
export interface Attempt {
  user: AppUser;
  /** This attempt was the last one allowed: a failure leaves the account locked. */
  last: boolean;
}

export async function reserveAttempt(
  deps: AppDeps,
  ctx: RequestContext,
  user: AppUser,
  action: string,
): Promise<Attempt> {
  const now = deps.now();
  const { maxFailures, lockMinutes } = deps.config.signIn;
  const reserved = await deps.database.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('app_user')
      .select(['failed_sign_in_count', 'locked_until'])
      .where('id', '=', user.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (row.locked_until && row.locked_until > now) return null;
    // A lock that ran out starts the count again.
    const count = (row.locked_until ? 0 : row.failed_sign_in_count) + 1;
    const last = count >= maxFailures;
    await trx
      .updateTable('app_user')
      .set({
        failed_sign_in_count: count,
        locked_until: last ? new Date(now.getTime() + lockMinutes * 60_000) : null,
      })
      .where('id', '=', user.id)
      .execute();
    return { last };
  });
  if (!reserved) {
    await recordAudit(deps.database.db, ctx, {
      action,
      outcome: 'failure',
      actor: actorOf(user),
      reason: 'ACCOUNT_LOCKED',
      subjectType: 'user',
      subjectId: user.id,
    });
    throw new DomainError('ACCOUNT_LOCKED');
  }
  return { user, last: reserved.last };
}

/**
 * A wrong secret: audited; on the last allowed attempt the lock stays and is audited too, and
 * when the guessing came from inside a session (account pages) every session of the user ends.
 * Returns the error code to answer with.
 */
export async function failAttempt(
  deps: AppDeps,
  ctx: RequestContext,
  attempt: Attempt,
  input: { action: string; reason: ErrorCode; endSessionsOnLock?: boolean },
): Promise<ErrorCode> {
  const actor = actorOf(attempt.user);
  return deps.database.db.transaction().execute(async (trx) => {
    await recordAudit(trx, ctx, {
      action: input.action,
      outcome: 'failure',
      actor,
      reason: input.reason,
      subjectType: 'user',
      subjectId: attempt.user.id,
    });
    if (!attempt.last) return input.reason;
    const ended = input.endSessionsOnLock ? await deleteUserSessions(trx, attempt.user.id) : 0;
    await recordAudit(trx, ctx, {
      action: 'auth.lockout',
      outcome: 'success',
      actor,
      subjectType: 'user',
      subjectId: attempt.user.id,
      detail: { failures: deps.config.signIn.maxFailures, sessionsEnded: ended },
    });
    return 'ACCOUNT_LOCKED';
  });
}

/**
 * A right secret on the way to a second factor: the lock the last attempt set is lifted, the
 * count stays, so the code step still has only the attempts that are left.
 */
export async function keepAttemptsCounted(deps: AppDeps, attempt: Attempt): Promise<void> {
  if (!attempt.last) return;
  await deps.database.db
    .updateTable('app_user')
    .set({ locked_until: null })
    .where('id', '=', attempt.user.id)
    .execute();
}

/** A right password on the account pages: the attempts are given back. */
export async function succeedAttempt(deps: AppDeps, attempt: Attempt): Promise<void> {
  await deps.database.db
    .updateTable('app_user')
    .set({ failed_sign_in_count: 0, locked_until: null })
    .where('id', '=', attempt.user.id)
    .execute();
}
