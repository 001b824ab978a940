import { recordAudit } from '../audit/record-audit';
import type { AppDeps, RequestContext } from '../http/context';
import { DomainError } from '../http/domain-error';
import { unsafeGetUserById } from '../users/user-store';
import { failAttempt, reserveAttempt } from './attempts';
import { completeSignIn } from './complete-sign-in';
import { actorOf, countChallengeAttempt, deleteChallenge, findChallenge } from './session-store';
import { acceptTotp } from './totp';

const maxAttemptsPerChallenge = 5;

/**
 * Step two of signing in: the 6-digit code from the authenticator app. The code counts against
 * the same attempts as the password; a code and a challenge are each used once (completeSignIn
 * claims both in the transaction that opens the session).
 */
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
  if (!challenge) {
    await recordAudit(db, ctx, {
      action: 'auth.second_factor',
      outcome: 'failure',
      actor: null,
      municipalityId: null,
      reason: 'SIGN_IN_CHALLENGE_EXPIRED',
    });
    throw new DomainError('SIGN_IN_CHALLENGE_EXPIRED');
  }

  const user = await unsafeGetUserById(db, challenge.user_id);
  if (user.disabled_at) {
    await deleteChallenge(db, challenge.id);
    await recordAudit(db, ctx, {
      action: 'auth.second_factor',
      outcome: 'failure',
      actor: actorOf(user),
      reason: 'ACCOUNT_DISABLED',
      subjectType: 'user',
      subjectId: user.id,
    });
    throw new DomainError('ACCOUNT_DISABLED');
  }
  let attempt: Awaited<ReturnType<typeof reserveAttempt>>;
  try {
    attempt = await reserveAttempt(deps, ctx, user, 'auth.second_factor');
  } catch (error) {
    await deleteChallenge(db, challenge.id);
    throw error;
  }
  const step = user.totp_secret
    ? acceptTotp(user.totp_secret, input.code, now, user.totp_last_step)
    : null;

  if (step === null) {
    const attempts = await countChallengeAttempt(db, challenge.id);
    const code = await failAttempt(deps, ctx, attempt, {
      action: 'auth.second_factor',
      reason: 'TOTP_INVALID',
    });
    if (code === 'ACCOUNT_LOCKED' || attempts >= maxAttemptsPerChallenge) {
      await deleteChallenge(db, challenge.id);
    }
    throw new DomainError(code);
  }

  const done = await completeSignIn(deps, ctx, user, {
    userAgent: input.userAgent,
    secondFactor: true,
    totp: { step, challengeId: challenge.id },
  });
  return { sessionToken: done.sessionToken };
}
