import type { Kysely } from 'kysely';
import type { Actor } from '../../domain/actor';
import type { AppUser, Database } from '../db/schema';
import { hashToken, newToken } from './tokens';

/**
 * Sessions and second-factor challenges. These reads run before anyone is signed in, so they are
 * not scoped to an actor: they find a row only by the hash of a secret the caller holds.
 */
export function actorOf(
  user: Pick<
    AppUser,
    'id' | 'login_id' | 'municipality_id' | 'roles' | 'support_agency_id' | 'partner_agency_id'
  >,
): Actor {
  return {
    userId: user.id,
    loginId: user.login_id,
    municipalityId: user.municipality_id,
    roles: user.roles,
    supportAgencyId: user.support_agency_id,
    partnerAgencyId: user.partner_agency_id,
  };
}

export async function createSession(
  db: Kysely<Database>,
  input: {
    user: Pick<AppUser, 'id' | 'municipality_id'>;
    expiresAt: Date;
    now: Date;
    ip: string | null;
    userAgent: string | null;
  },
): Promise<{ id: string; token: string }> {
  const token = newToken();
  const row = await db
    .insertInto('user_session')
    .values({
      user_id: input.user.id,
      municipality_id: input.user.municipality_id,
      token_hash: hashToken(token),
      created_at: input.now,
      last_seen_at: input.now,
      expires_at: input.expiresAt,
      ip: input.ip,
      user_agent: input.userAgent?.slice(0, 300) ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, token };
}

export async function findSessionByToken(db: Kysely<Database>, token: string) {
  return db
    .selectFrom('user_session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .select([
      's.id as session_id',
      's.last_seen_at',
      's.expires_at',
      'u.id',
      'u.login_id',
      'u.municipality_id',
      'u.roles',
      'u.support_agency_id',
      'u.partner_agency_id',
      'u.display_name',
      'u.must_change_password',
      'u.disabled_at',
    ])
    .where('s.token_hash', '=', hashToken(token))
    .executeTakeFirst();
}

export async function touchSession(db: Kysely<Database>, id: string, now: Date): Promise<void> {
  await db.updateTable('user_session').set({ last_seen_at: now }).where('id', '=', id).execute();
}

export async function deleteSession(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('user_session').where('id', '=', id).execute();
}

/**
 * Ends every session of a user, except the one given (the one making the change), and every
 * sign-in waiting for its second factor: a password change or "sign out everywhere" must also
 * stop whoever is half-way in.
 */
export async function deleteUserSessions(
  db: Kysely<Database>,
  userId: string,
  exceptSessionId?: string,
): Promise<number> {
  await db.deleteFrom('sign_in_challenge').where('user_id', '=', userId).execute();
  let query = db.deleteFrom('user_session').where('user_id', '=', userId);
  if (exceptSessionId) query = query.where('id', '!=', exceptSessionId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The user's sessions still alive: not past their maximum age, nor idle too long. */
export async function listUserSessions(
  db: Kysely<Database>,
  userId: string,
  now: Date,
  idleMinutes: number,
) {
  return db
    .selectFrom('user_session')
    .select(['id', 'created_at', 'last_seen_at', 'expires_at', 'ip', 'user_agent'])
    .where('user_id', '=', userId)
    .where('expires_at', '>', now)
    .where('last_seen_at', '>', new Date(now.getTime() - idleMinutes * 60_000))
    .orderBy('last_seen_at', 'desc')
    .execute();
}

export async function createChallenge(
  db: Kysely<Database>,
  input: { user: Pick<AppUser, 'id' | 'municipality_id'>; now: Date; expiresAt: Date },
): Promise<string> {
  const token = newToken();
  await db
    .insertInto('sign_in_challenge')
    .values({
      user_id: input.user.id,
      municipality_id: input.user.municipality_id,
      token_hash: hashToken(token),
      created_at: input.now,
      expires_at: input.expiresAt,
    })
    .execute();
  return token;
}

export async function findChallenge(db: Kysely<Database>, token: string, now: Date) {
  return db
    .selectFrom('sign_in_challenge')
    .selectAll()
    .where('token_hash', '=', hashToken(token))
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

export async function deleteChallenge(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('sign_in_challenge').where('id', '=', id).execute();
}

export async function countChallengeAttempt(db: Kysely<Database>, id: string): Promise<number> {
  const row = await db
    .updateTable('sign_in_challenge')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .returning('attempts')
    .executeTakeFirst();
  return row?.attempts ?? 0;
}
