import { recordAudit } from '../audit/record-audit';
import type { AppUser } from '../db/schema';
import type { AppDeps, RequestContext } from '../http/context';
import { updateSignInState } from '../users/user-store';
import { actorOf, createSession } from './session-store';

/** The last step of every sign-in: open a session, clear the failure count, audit. */
export async function completeSignIn(
  deps: AppDeps,
  ctx: RequestContext,
  user: AppUser,
  input: { userAgent: string | null; secondFactor: boolean; totpStep?: number },
): Promise<{ sessionToken: string; user: AppUser }> {
  const now = deps.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const updated = await updateSignInState(trx, user.id, {
      failed_sign_in_count: 0,
      locked_until: null,
      last_sign_in_at: now,
      ...(input.totpStep !== undefined ? { totp_last_step: input.totpStep } : {}),
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
