import { changedFields } from '../audit/changed-fields';
import { auditCase, loadCaseToWork } from '../cases/case-access';
import type { ActorContext, AppDeps } from '../http/context';
import { versionConflict } from '../http/domain-error';
import { loadMatch } from './match-access';
import type { ArrangementInput } from './schema';

/** What was agreed with the host, as it changes: days, hours, the work, the adjustments. */
export async function updateMatch(
  deps: AppDeps,
  ctx: ActorContext,
  caseId: string,
  matchId: string,
  input: { version: number; match: ArrangementInput },
) {
  const { row } = await loadCaseToWork(deps, ctx, caseId, 'participation_match.update');
  const current = await loadMatch(deps, ctx, caseId, matchId, 'participation_match.update');
  if (current.version !== input.version) throw versionConflict(current);
  const m = input.match;
  const changes = {
    days: m.days,
    hours: m.hours,
    activities: m.activities,
    accommodations: m.accommodations,
    host_contact_name: m.hostContactName,
    note: m.note,
  };
  return deps.database.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('participation_match')
      .set({ ...changes, version: input.version + 1, updated_at: deps.now() })
      .where('id', '=', matchId)
      .where('version', '=', input.version)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw versionConflict(current);
    await auditCase(
      trx,
      ctx,
      row,
      'participation_match.update',
      { type: 'participation_match', id: matchId },
      { changed: changedFields(current, changes) },
    );
    return updated;
  });
}
