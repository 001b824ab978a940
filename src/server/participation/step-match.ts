import {
  allowedMatchActions,
  nextMatchStatus,
  occupancy,
  stepNeedsPlace,
} from '../../domain/participation/participation';
import { auditCase, loadCaseToWork } from '../cases/case-access';
import { fixed } from '../db/fixed';
import type { ActorContext, AppDeps } from '../http/context';
import { DomainError, fieldError, versionConflict } from '../http/domain-error';
import { loadMatch } from './match-access';
import type { MatchStepInput } from './schema';

/**
 * A step of a match (domain/participation/participation.ts): a trial, taking part, the end with
 * its reason. A step that takes a place is checked against the place's capacity under a lock on
 * the place, so two workers cannot fill its last place at once; a full place is refused unless
 * the host agreed to take one more, which the match then records.
 */
export async function stepMatch(
  deps: AppDeps,
  ctx: ActorContext,
  caseId: string,
  matchId: string,
  input: MatchStepInput,
) {
  const { row } = await loadCaseToWork(deps, ctx, caseId, 'participation_match.step');
  const current = await loadMatch(deps, ctx, caseId, matchId, 'participation_match.step');
  if (current.version !== input.version) throw versionConflict(current);
  const to = nextMatchStatus(current.status, input.action);
  if (!to) {
    throw new DomainError('STEP_NOT_ALLOWED', {
      details: { status: current.status, allowed: allowedMatchActions(current.status) },
    });
  }
  const previous = current.started_on ?? current.trial_started_on ?? current.proposed_on;
  if (input.on < previous) throw fieldError('on', 'stepBeforePrevious', { date: previous });

  return deps.database.db.transaction().execute(async (trx) => {
    let overCapacity = false;
    if (stepNeedsPlace(current.status, to)) {
      const place = await trx
        .selectFrom('social_resource')
        .select('capacity')
        .where('id', '=', current.social_resource_id)
        .where('municipality_id', '=', row.municipality_id)
        .forUpdate()
        .executeTakeFirstOrThrow();
      const counted = await trx
        .selectFrom('participation_match')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('social_resource_id', '=', current.social_resource_id)
        .where('municipality_id', '=', row.municipality_id)
        .where('status', 'in', [fixed('trial'), fixed('active')])
        .executeTakeFirstOrThrow();
      const seats = occupancy(place.capacity, Number(counted.n));
      if (seats.full) {
        if (!input.overCapacityAgreed) {
          throw new DomainError('PLACE_FULL', {
            details: { capacity: seats.capacity, occupied: seats.occupied },
          });
        }
        overCapacity = true;
      }
    }
    const dates =
      input.action === 'start_trial'
        ? { trial_started_on: input.on }
        : input.action === 'start'
          ? { started_on: input.on }
          : { ended_on: input.on, end_reason: input.endReason, end_note: input.endNote };
    const updated = await trx
      .updateTable('participation_match')
      .set({
        ...dates,
        status: to,
        ...(overCapacity ? { over_capacity_agreed: true } : {}),
        version: input.version + 1,
        updated_at: deps.now(),
      })
      .where('id', '=', matchId)
      .where('version', '=', input.version)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw versionConflict(current);
    await auditCase(
      trx,
      ctx,
      row,
      'participation_match.step',
      { type: 'participation_match', id: matchId },
      { action: input.action, from: current.status, to, overCapacity },
    );
    return updated;
  });
}
