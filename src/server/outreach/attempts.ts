import { contactModeOfChannel, outcomeReached } from '../../domain/participation/outreach';
import { auditCase, correctCaseRecord, loadCaseToWork } from '../cases/case-access';
import type { ActorContext, AppDeps } from '../http/context';
import type { AttemptInput } from './schema';

/**
 * The contact record an attempt is: the way it counts among contacts (mode, reached) follows
 * from the channel and the answer, so the interruption rule and the timeline read it rightly.
 */
function columns(input: AttemptInput) {
  return {
    occurred_at: input.occurredAt,
    mode: contactModeOfChannel[input.channel],
    reached: outcomeReached(input.outcome),
    summary: input.summary,
    place: input.place,
    person_state: input.personState,
    next_step: input.nextStep,
    outreach_channel: input.channel,
    outreach_outcome: input.outcome,
    outreach_via: input.via,
    next_approach_on: input.nextApproachOn,
  };
}

/** アウトリーチ: one attempt to reach the person, answered or not. */
export async function recordAttempt(
  deps: AppDeps,
  ctx: ActorContext,
  caseId: string,
  input: AttemptInput,
) {
  const { row } = await loadCaseToWork(deps, ctx, caseId, 'outreach_attempt.create');
  return deps.database.db.transaction().execute(async (trx) => {
    const created = await trx
      .insertInto('contact_record')
      .values({
        ...columns(input),
        case_id: caseId,
        municipality_id: row.municipality_id,
        recorded_by: ctx.actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await auditCase(
      trx,
      ctx,
      row,
      'outreach_attempt.create',
      { type: 'contact_record', id: created.id },
      { channel: input.channel, outcome: input.outcome },
    );
    return created;
  });
}

export async function updateAttempt(
  deps: AppDeps,
  ctx: ActorContext,
  caseId: string,
  id: string,
  input: { version: number; attempt: AttemptInput },
) {
  return correctCaseRecord(deps, ctx, caseId, {
    action: 'outreach_attempt.update',
    subject: { type: 'contact_record', id },
    version: input.version,
    load: (db) =>
      db
        .selectFrom('contact_record')
        .selectAll()
        .where('id', '=', id)
        .where('case_id', '=', caseId)
        .where('outreach_channel', 'is not', null)
        .executeTakeFirst(),
    changes: () => columns(input.attempt),
    write: (trx, changes, stamp) =>
      trx
        .updateTable('contact_record')
        .set({ ...(changes as ReturnType<typeof columns>), ...stamp })
        .where('id', '=', id)
        .where('version', '=', input.version)
        .returningAll()
        .executeTakeFirst(),
  });
}
