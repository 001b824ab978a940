import type { Kysely } from 'kysely';
import type { AppUser, AppUserUpdate, Database, NewAppUser } from '../db/schema';

/**
 * Data access for staff accounts. Reads for screens go through the scoped reader
 * (access/scoped-reader.ts); the functions here are the writes, plus the one read sign-in needs
 * before anybody is known.
 */

/** Sign-in only: finds an account by login ID before any actor exists. */
export async function unsafeFindUserByLoginId(
  db: Kysely<Database>,
  loginId: string,
): Promise<AppUser | undefined> {
  return db.selectFrom('app_user').selectAll().where('login_id', '=', loginId).executeTakeFirst();
}

/** Sign-in only: the account a second-factor challenge belongs to. */
export async function unsafeGetUserById(db: Kysely<Database>, id: string): Promise<AppUser> {
  return db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

export async function insertUser(db: Kysely<Database>, user: NewAppUser): Promise<AppUser> {
  return db.insertInto('app_user').values(user).returningAll().executeTakeFirstOrThrow();
}

/**
 * Updates an account only if it is still at the version the caller read; returns undefined when
 * someone else changed it first.
 */
export async function updateUserAtVersion(
  db: Kysely<Database>,
  id: string,
  version: number,
  changes: AppUserUpdate,
  now: Date,
): Promise<AppUser | undefined> {
  return db
    .updateTable('app_user')
    .set({ ...changes, version: version + 1, updated_at: now })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/**
 * Updates sign-in state (failures, lock, second factor, password). These changes do not bump the
 * version: an administrator editing the account at the same time is not in conflict with them.
 */
export async function updateSignInState(
  db: Kysely<Database>,
  id: string,
  changes: Pick<
    AppUserUpdate,
    | 'failed_sign_in_count'
    | 'locked_until'
    | 'last_sign_in_at'
    | 'totp_secret'
    | 'totp_enabled_at'
    | 'totp_pending_secret'
    | 'totp_last_step'
    | 'password_hash'
    | 'password_changed_at'
    | 'must_change_password'
    | 'disabled_at'
  >,
): Promise<AppUser> {
  return db
    .updateTable('app_user')
    .set(changes)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
