import type { ActorContext, AppDeps } from '../http/context';
import { notFound } from '../http/domain-error';

/** A match of this case, or 404 naming what was tried. */
export async function loadMatch(
  deps: AppDeps,
  ctx: ActorContext,
  caseId: string,
  matchId: string,
  action: string,
) {
  const match = await deps.database.db
    .selectFrom('participation_match')
    .selectAll()
    .where('id', '=', matchId)
    .where('case_id', '=', caseId)
    .where('municipality_id', '=', ctx.actor.municipalityId)
    .executeTakeFirst();
  if (!match) throw notFound({ action, subjectType: 'participation_match', subjectId: matchId });
  return match;
}
