import { recordAudit } from '../audit/record-audit';
import type { AppUser } from '../db/schema';
import type { AppDeps, RequestContext } from '../http/context';
import { DomainError } from '../http/domain-error';
import { unsafeFindUserByLoginId } from '../users/user-store';
import { completeSignIn } from './complete-sign-in';
import { verifyDecoy, verifyPassword } from './passwords';
import { registerSignInFailure } from './register-sign-in-failure';
import { actorOf, createChallenge } from './session-store';

export type SignInResult =
  | { status: 'signed_in'; sessionToken: string; user: AppUser }
  | { status: 'second_factor_required'; challengeToken: string };

const challengeMinutes = 5;

/**
 * Step one of signing in: login ID and password. An unknown ID, a wrong password and a disabled
 * account answer alike in time; each attempt is audited. With TOTP on, a short-lived challenge is
 * opened instead of a session.
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

  const refuse = async (reason: 'ACCOUNT_DISABLED' | 'ACCOUNT_LOCKED') => {
    await recordAudit(db, ctx, {
      action: 'auth.sign_in',
      outcome: 'failure',
      actor: actorOf(user),
      reason,
      subjectType: 'user',
      subjectId: user.id,
    });
    return new DomainError(reason);
  };

  if (user.disabled_at) {
    await verifyDecoy(input.password, deps.config.passwordHash);
    throw await refuse('ACCOUNT_DISABLED');
  }
  if (user.locked_until && user.locked_until > now) {
    throw await refuse('ACCOUNT_LOCKED');
  }

  if (!(await verifyPassword(user.password_hash, input.password))) {
    const code = await registerSignInFailure(deps, ctx, user, {
      action: 'auth.sign_in',
      reason: 'INVALID_CREDENTIALS',
    });
    throw new DomainError(code);
  }

  if (user.totp_enabled_at) {
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
