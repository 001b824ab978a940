import { ScopedReader } from '../access/scoped-reader';
import { auditCase, loadCaseToWork } from '../cases/case-access';
import type { ActorContext, AppDeps } from '../http/context';
import { fieldError } from '../http/domain-error';
import type { MatchInput } from './schema';

/**
 * 参加支援: a place of the directory proposed to the person, for one kind of participation the
 * place offers. One open match per person and place: a second proposal updates the first.
 */
export async function proposeMatch(
  deps: AppDeps,
  ctx: ActorContext,
  caseId: string,
  input: MatchInput,
) {
  const { row } = await loadCaseToWork(deps, ctx, caseId, 'participation_match.create');
  const db = deps.database.db;
  const place = await new ScopedReader(db, ctx.actor)
    .socialResources()
    .select(['social_resource.id', 'social_resource.participation_kinds'])
    .where('social_resource.id', '=', input.socialResourceId)
    .where('social_resource.archived_at', 'is', null)
    .executeTakeFirst();
  if (!place?.participation_kinds.includes(input.kind)) {
    throw fieldError('socialResourceId', 'notAParticipationPlace');
  }
  const open = await db
    .selectFrom('participation_match')
    .select('id')
    .where('case_id', '=', caseId)
    .where('social_resource_id', '=', input.socialResourceId)
    .where('status', '<>', 'ended')
    .executeTakeFirst();
  if (open) throw fieldError('socialResourceId', 'alreadyMatched');
  return db.transaction().execute(async (trx) => {
    const created = await trx
      .insertInto('participation_match')
      .values({
        municipality_id: row.municipality_id,
        case_id: caseId,
        social_resource_id: input.socialResourceId,
        kind: input.kind,
        proposed_on: input.proposedOn,
        days: input.days,
        hours: input.hours,
        activities: input.activities,
        accommodations: input.accommodations,
        host_contact_name: input.hostContactName,
        note: input.note,
        created_by: ctx.actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await auditCase(
      trx,
      ctx,
      row,
      'participation_match.create',
      { type: 'participation_match', id: created.id },
      { socialResourceId: input.socialResourceId, kind: input.kind },
    );
    return created;
  });
}
