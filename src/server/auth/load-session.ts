import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../http/context';
import { clearCookie, readCookie } from './cookies';
import { actorOf, deleteSession, findSessionByToken, touchSession } from './session-store';

// Writing last_seen_at on every request would make every read a write; once a minute is enough
// for an idle timeout counted in minutes.
const touchEveryMs = 60_000;

/**
 * Finds the session of the request's cookie and sets `actor` and `session`. An expired session
 * (idle too long or past its maximum age) is ended here, and the request is marked so the answer
 * can say why the user has to sign in again.
 */
export const loadSession = createMiddleware<AppEnv>(async (c, next) => {
  c.set('session', null);
  c.set('actor', null);
  c.set('sessionExpired', false);
  const token = readCookie(c, 'session');
  if (token) {
    const { database, config, now } = c.get('deps');
    const found = await findSessionByToken(database.db, token);
    const at = now();
    const idleLimit = config.session.idleMinutes * 60_000;
    const alive =
      found &&
      !found.disabled_at &&
      found.expires_at > at &&
      at.getTime() - found.last_seen_at.getTime() < idleLimit;
    if (found && alive) {
      c.set('actor', actorOf(found));
      c.set('session', {
        id: found.session_id,
        token,
        mustChangePassword: found.must_change_password,
        displayName: found.display_name,
      });
      if (at.getTime() - found.last_seen_at.getTime() > touchEveryMs) {
        await touchSession(database.db, found.session_id, at);
      }
    } else {
      if (found) await deleteSession(database.db, found.session_id);
      clearCookie(c, 'session');
      c.set('sessionExpired', true);
    }
  }
  await next();
});
