import type { AppDeps, RequestContext } from '../http/context';
import { DomainError } from '../http/domain-error';
import { unsafeGetUserById } from '../users/user-store';
import { completeSignIn } from './complete-sign-in';
import { registerSignInFailure } from './register-sign-in-failure';
import { countChallengeAttempt, deleteChallenge, findChallenge } from './session-store';
import { acceptTotp } from './totp';

const maxAttemptsPerChallenge = 5;

/** Step two of signing in: the 6-digit code from the authenticator app. */
export async function verifySecondFactor(
  deps: AppDeps,
  ctx: RequestContext,
  input: { challengeToken: string | undefined; code: string; userAgent: string | null },
): Promise<{ sessionToken: string }> {
  const { db } = deps.database;
  const now = deps.now();
  const challenge = input.challengeToken
    ? await findChallenge(db, input.challengeToken, now)
    : undefined;
  if (!challenge) throw new DomainError('SIGN_IN_CHALLENGE_EXPIRED');

  const user = await unsafeGetUserById(db, challenge.user_id);
  if (user.disabled_at) throw new DomainError('ACCOUNT_DISABLED');
  if (user.locked_until && user.locked_until > now) {
    await deleteChallenge(db, challenge.id);
    throw new DomainError('ACCOUNT_LOCKED');
  }
  const step = user.totp_secret
    ? acceptTotp(user.totp_secret, input.code, now, user.totp_last_step)
    : null;

  if (step === null) {
    const attempts = await countChallengeAttempt(db, challenge.id);
    const code = await registerSignInFailure(deps, ctx, user, {
      action: 'auth.second_factor',
      reason: 'TOTP_INVALID',
    });
    if (code === 'ACCOUNT_LOCKED' || attempts >= maxAttemptsPerChallenge) {
      await deleteChallenge(db, challenge.id);
    }
    throw new DomainError(code);
  }

  await deleteChallenge(db, challenge.id);
  const done = await completeSignIn(deps, ctx, user, {
    userAgent: input.userAgent,
    secondFactor: true,
    totpStep: step,
  });
  return { sessionToken: done.sessionToken };
}
