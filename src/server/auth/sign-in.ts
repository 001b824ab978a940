import { recordAudit } from '../audit/record-audit';
import type { AppUser } from '../db/schema';
import type { AppDeps, RequestContext } from '../http/context';
import { DomainError } from '../http/domain-error';
import { unsafeFindUserByLoginId } from '../users/user-store';
import { failAttempt, keepAttemptsCounted, reserveAttempt } from './attempts';
import { completeSignIn } from './complete-sign-in';
import { verifyDecoy, verifyPassword } from './passwords';
import { actorOf, createChallenge } from './session-store';

export type SignInResult =
  | { status: 'signed_in'; sessionToken: string; user: AppUser }
  | { status: 'second_factor_required'; challengeToken: string };

const challengeMinutes = 5;

/**
 * Step one of signing in: login ID and password. A wrong password gets the same answer, in the
 * same time, whether or not the login ID exists or the account is disabled; only a locked account
 * says so (its holder must know to call the administrator), and a locked account's password is
 * not checked at all. Every attempt is audited. With TOTP on, a short-lived challenge is opened
 * instead of a session.
 */
export async function signIn(
  deps: AppDeps,
  ctx: RequestContext,
  input: { loginId: string; password: string; userAgent: string | null },
): Promise<SignInResult> {
  const { db } = deps.database;
  const now = deps.now();
  const user = await unsafeFindUserByLoginId(db, input.loginId);

  if (!user) {
    await verifyDecoy(input.password, deps.config.passwordHash);
    await recordAudit(db, ctx, {
      action: 'auth.sign_in',
      outcome: 'failure',
      actor: null,
      municipalityId: null,
      reason: 'UNKNOWN_LOGIN_ID',
      detail: { attemptedLoginId: input.loginId.slice(0, 64) },
    });
    throw new DomainError('INVALID_CREDENTIALS');
  }

  const attempt = await reserveAttempt(deps, ctx, user, 'auth.sign_in');
  if (!(await verifyPassword(user.password_hash, input.password))) {
    throw new DomainError(
      await failAttempt(deps, ctx, attempt, {
        action: 'auth.sign_in',
        reason: 'INVALID_CREDENTIALS',
      }),
    );
  }
  if (user.disabled_at) {
    await recordAudit(db, ctx, {
      action: 'auth.sign_in',
      outcome: 'failure',
      actor: actorOf(user),
      reason: 'ACCOUNT_DISABLED',
      subjectType: 'user',
      subjectId: user.id,
    });
    throw new DomainError('ACCOUNT_DISABLED');
  }

  if (user.totp_enabled_at) {
    await keepAttemptsCounted(deps, attempt);
    const challengeToken = await db.transaction().execute(async (trx) => {
      const token = await createChallenge(trx, {
        user,
        now,
        expiresAt: new Date(now.getTime() + challengeMinutes * 60_000),
      });
      await recordAudit(trx, ctx, {
        action: 'auth.password_accepted',
        outcome: 'success',
        actor: actorOf(user),
        subjectType: 'user',
        subjectId: user.id,
      });
      return token;
    });
    return { status: 'second_factor_required', challengeToken };
  }

  const done = await completeSignIn(deps, ctx, user, {
    userAgent: input.userAgent,
    secondFactor: false,
  });
  return { status: 'signed_in', ...done };
}
