import { recordAudit } from '../audit/record-audit';
import type { AppUser } from '../db/schema';
import type { AppDeps, RequestContext } from '../http/context';
import { DomainError } from '../http/domain-error';
import { updateSignInState } from '../users/user-store';
import { actorOf, createSession } from './session-store';

/**
 * The last step of every sign-in: give the attempts back, open a session, audit — in one
 * transaction. After a second factor, the same transaction claims the code's time step and the
 * challenge, each only if still unused, so two requests with one code cannot both get in.
 */
export async function completeSignIn(
  deps: AppDeps,
  ctx: RequestContext,
  user: AppUser,
  input: {
    userAgent: string | null;
    secondFactor: boolean;
    totp?: { step: number; challengeId: string };
  },
): Promise<{ sessionToken: string; user: AppUser }> {
  const now = deps.now();
  return deps.database.db.transaction().execute(async (trx) => {
    if (input.totp) {
      const { step, challengeId } = input.totp;
      const claimedStep = await trx
        .updateTable('app_user')
        .set({ totp_last_step: step })
        .where('id', '=', user.id)
        .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
        .executeTakeFirst();
      const claimedChallenge = await trx
        .deleteFrom('sign_in_challenge')
        .where('id', '=', challengeId)
        .executeTakeFirst();
      if (
        Number(claimedStep.numUpdatedRows) === 0 ||
        Number(claimedChallenge.numDeletedRows) === 0
      ) {
        throw new DomainError('TOTP_INVALID');
      }
    }
    const updated = await updateSignInState(trx, user.id, {
      failed_sign_in_count: 0,
      locked_until: null,
      last_sign_in_at: now,
    });
    const session = await createSession(trx, {
      user,
      now,
      expiresAt: new Date(now.getTime() + deps.config.session.maxHours * 3_600_000),
      ip: ctx.ip,
      userAgent: input.userAgent,
    });
    await recordAudit(trx, ctx, {
      action: 'auth.sign_in',
      outcome: 'success',
      actor: actorOf(user),
      subjectType: 'session',
      subjectId: session.id,
      detail: { secondFactor: input.secondFactor },
    });
    return { sessionToken: session.token, user: updated };
  });
}
