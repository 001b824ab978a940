import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/**
 * A secret the instance makes for itself on first start and keeps in its own database, so the
 * embedded mode needs no configuration and a restart keeps everyone's pages valid.
 */
export async function instanceSecret(db: Kysely<Database>, name: string): Promise<string> {
  await db
    .insertInto('instance_secret')
    .values({ name, value: randomBytes(32).toString('base64url') })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db
    .selectFrom('instance_secret')
    .select('value')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return row.value;
}
