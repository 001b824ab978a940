import type { ActorContext, AppContext } from '../http/context';
import { requestContext } from '../http/context';
import { DomainError } from '../http/domain-error';

/**
 * The request context of a signed-in user, or the reason there is none. A user who must change
 * their password may do only that until they have.
 */
export function actorContext(
  c: AppContext,
  options: { allowPendingPasswordChange?: boolean } = {},
): ActorContext {
  const ctx = requestContext(c);
  if (!ctx.actor) {
    throw new DomainError(c.get('sessionExpired') ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
  }
  if (c.get('session')?.mustChangePassword && !options.allowPendingPasswordChange) {
    throw new DomainError('PASSWORD_CHANGE_REQUIRED');
  }
  return { ...ctx, actor: ctx.actor };
}

export function sessionId(c: AppContext): string {
  const session = c.get('session');
  if (!session) throw new DomainError('UNAUTHENTICATED');
  return session.id;
}
