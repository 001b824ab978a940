import type { Kysely } from 'kysely';
import type { Database } from './schema';

/**
 * Runs the work in a transaction, or in the caller's when there already is one: a use case that
 * writes in several steps stays whole when another use case calls it inside its own transaction
 * (a meeting's decision that adopts a plan or terminates a case).
 */
export function transact<T>(
  db: Kysely<Database>,
  work: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
