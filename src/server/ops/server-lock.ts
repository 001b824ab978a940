import { createRequire } from 'node:module';
import type pg from 'pg';
import { tsunaguApplicationName } from '../db/connect';
import type { Logger } from '../http/logger';

/**
 * While a server runs on a PostgreSQL database it holds a shared advisory lock there, on a
 * connection of its own, so that a restore can tell it is running even when it is idle and its
 * pool has let every connection go (`restoreDatabase` takes the lock exclusively, and refuses if
 * it cannot). Several servers on one database share it. A lost connection (the database server
 * restarted) is made again every few seconds until the server stops.
 */
export const serverLockKey = 7_390_114; // arbitrary, constant: "a Tsunagu server runs here"

export async function holdServerLock(
  url: string,
  logger: Logger,
): Promise<{ release: () => Promise<void> }> {
  const { Client } = createRequire(import.meta.url)('pg') as typeof pg;
  let client: pg.Client | null = null;
  let released = false;
  let retry: NodeJS.Timeout | undefined;
  const take = async () => {
    if (released) return;
    const next = new Client({ connectionString: url, application_name: tsunaguApplicationName });
    next.on('error', () => undefined);
    next.on('end', () => {
      if (client !== next || released) return;
      client = null;
      logger.warn('the server lock connection ended; taking it again');
      retry = setTimeout(take, 5_000);
    });
    try {
      await next.connect();
      await next.query('select pg_advisory_lock_shared($1)', [serverLockKey]);
      client = next;
      if (released) await next.end();
    } catch (error) {
      await next.end().catch(() => undefined);
      if (released) return;
      logger.warn('the server lock could not be taken; trying again', {
        error: (error as Error).message,
      });
      retry = setTimeout(take, 5_000);
    }
  };
  await take();
  return {
    async release() {
      released = true;
      clearTimeout(retry);
      const held = client;
      client = null;
      await held?.end().catch(() => undefined);
    },
  };
}
