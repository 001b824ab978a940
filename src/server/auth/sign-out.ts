import { recordAudit } from '../audit/record-audit';
import type { ActorContext, AppDeps } from '../http/context';
import { deleteSession, deleteUserSessions } from './session-store';

export async function signOut(deps: AppDeps, ctx: ActorContext, sessionId: string): Promise<void> {
  await deps.database.db.transaction().execute(async (trx) => {
    await deleteSession(trx, sessionId);
    await recordAudit(trx, ctx, {
      action: 'auth.sign_out',
      outcome: 'success',
      subjectType: 'session',
      subjectId: sessionId,
    });
  });
}

/** サインアウト（すべての端末）: ends every session of the user, this one included. */
export async function signOutEverywhere(deps: AppDeps, ctx: ActorContext): Promise<number> {
  return deps.database.db.transaction().execute(async (trx) => {
    const ended = await deleteUserSessions(trx, ctx.actor.userId);
    await recordAudit(trx, ctx, {
      action: 'auth.sign_out_everywhere',
      outcome: 'success',
      subjectType: 'user',
      subjectId: ctx.actor.userId,
      detail: { sessionsEnded: ended },
    });
    return ended;
  });
}
