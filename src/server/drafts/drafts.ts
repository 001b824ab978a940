import { sql } from 'kysely';
import type { ActorContext, AppDeps } from '../http/context';

/**
 * Drafts: what a user has typed into a form and not yet saved, kept on the server (not in the
 * browser, where a shared PC would leave it for the next person) so it survives a reload, a
 * crash or a 409. Only the user who typed it can read it; saving the form discards it.
 * They are the user's unfinished work, not yet a record, so they are not audited row by row.
 */
export const maxDraftsPerUser = 100;

export async function getDraft(deps: AppDeps, ctx: ActorContext, key: string) {
  const row = await deps.database.db
    .selectFrom('form_draft')
    .select(['data', 'base_version', 'updated_at'])
    .where('user_id', '=', ctx.actor.userId)
    .where('form_key', '=', key)
    .executeTakeFirst();
  return row
    ? { data: row.data, baseVersion: row.base_version, updatedAt: row.updated_at.toISOString() }
    : null;
}

export async function saveDraft(
  deps: AppDeps,
  ctx: ActorContext,
  key: string,
  input: { data: Record<string, unknown>; baseVersion: number | null },
) {
  const now = deps.now();
  await deps.database.db
    .insertInto('form_draft')
    .values({
      user_id: ctx.actor.userId,
      municipality_id: ctx.actor.municipalityId,
      form_key: key,
      data: JSON.stringify(input.data),
      base_version: input.baseVersion,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc.columns(['user_id', 'form_key']).doUpdateSet({
        data: sql`excluded.data`,
        base_version: sql`excluded.base_version`,
        updated_at: sql`excluded.updated_at`,
      }),
    )
    .execute();
  // A user keeps at most this many drafts; the oldest give way.
  await deps.database.db
    .deleteFrom('form_draft')
    .where('user_id', '=', ctx.actor.userId)
    .where('form_key', 'in', (eb) =>
      eb
        .selectFrom('form_draft')
        .select('form_key')
        .where('user_id', '=', ctx.actor.userId)
        .orderBy('updated_at', 'desc')
        .offset(maxDraftsPerUser),
    )
    .execute();
  return { updatedAt: now.toISOString() };
}

export async function discardDraft(deps: AppDeps, ctx: ActorContext, key: string) {
  await deps.database.db
    .deleteFrom('form_draft')
    .where('user_id', '=', ctx.actor.userId)
    .where('form_key', '=', key)
    .execute();
}
