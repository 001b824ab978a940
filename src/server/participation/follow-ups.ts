import { auditCase, correctCaseRecord, loadCaseToWork } from '../cases/case-access';
import type { ActorContext, AppDeps } from '../http/context';
import { loadMatch } from './match-access';
import type { FollowUpInput } from './schema';

function columns(input: FollowUpInput) {
  return {
    followed_on: input.followedOn,
    with_whom: input.withWhom,
    note: input.note,
    next_on: input.nextOn,
  };
}

/** A follow-up of a match, with the person, the host, or both together; and when to follow up next. */
export async function recordFollowUp(
  deps: AppDeps,
  ctx: ActorContext,
  caseId: string,
  matchId: string,
  input: FollowUpInput,
) {
  const { row } = await loadCaseToWork(deps, ctx, caseId, 'participation_follow_up.create');
  await loadMatch(deps, ctx, caseId, matchId, 'participation_follow_up.create');
  return deps.database.db.transaction().execute(async (trx) => {
    const created = await trx
      .insertInto('participation_follow_up')
      .values({
        ...columns(input),
        match_id: matchId,
        municipality_id: row.municipality_id,
        recorded_by: ctx.actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await auditCase(
      trx,
      ctx,
      row,
      'participation_follow_up.create',
      { type: 'participation_follow_up', id: created.id },
      { matchId, withWhom: input.withWhom },
    );
    return created;
  });
}

export async function updateFollowUp(
  deps: AppDeps,
  ctx: ActorContext,
  caseId: string,
  followUpId: string,
  input: { version: number; followUp: FollowUpInput },
) {
  return correctCaseRecord(deps, ctx, caseId, {
    action: 'participation_follow_up.update',
    subject: { type: 'participation_follow_up', id: followUpId },
    version: input.version,
    load: (db) =>
      db
        .selectFrom('participation_follow_up')
        .innerJoin(
          'participation_match',
          'participation_match.id',
          'participation_follow_up.match_id',
        )
        .selectAll('participation_follow_up')
        .where('participation_follow_up.id', '=', followUpId)
        .where('participation_match.case_id', '=', caseId)
        .executeTakeFirst(),
    changes: () => columns(input.followUp),
    write: (trx, changes, stamp) =>
      trx
        .updateTable('participation_follow_up')
        .set({ ...(changes as ReturnType<typeof columns>), ...stamp })
        .where('id', '=', followUpId)
        .where('version', '=', input.version)
        .returningAll()
        .executeTakeFirst(),
  });
}
