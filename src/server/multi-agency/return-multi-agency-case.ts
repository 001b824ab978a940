import { sql } from 'kysely';
import type { ActorContext, AppDeps } from '../http/context';
import { fieldError } from '../http/domain-error';
import {
  auditMultiAgency,
  loadMultiAgencyCaseToManage,
  today,
  updateCaseRow,
} from './multi-agency-access';
import type { ReturnInput } from './schema';

/**
 * つなぎもどし: a household that does not need multi-agency work goes back to the window that
 * referred it, after the coordinator has talked it through with them (DOMAIN.md §5) — the reason
 * and the person consulted are recorded, so the referrer's worker knows what was decided.
 */
export async function returnMultiAgencyCase(
  deps: AppDeps,
  ctx: ActorContext,
  id: string,
  input: ReturnInput,
) {
  const action = 'multi_agency.return';
  const loaded = await loadMultiAgencyCaseToManage(deps, ctx, id, action);
  const { row } = loaded;
  if (input.returnedOn > today(deps)) throw fieldError('returnedOn', 'futureDate');
  if (input.returnedOn < row.referred_on) {
    throw fieldError('returnedOn', 'notBeforeMultiAgencyReferral', { date: row.referred_on });
  }
  return deps.database.db.transaction().execute(async (trx) => {
    const updated = await updateCaseRow(
      trx,
      deps,
      loaded,
      input.version,
      {
        returned_on: input.returnedOn,
        return_reason: input.reason,
        return_consulted_with: input.consultedWith,
      },
      'return',
    );
    // Nobody works a returned household here any more: the agencies listed so far leave with it.
    await trx
      .updateTable('multi_agency_member')
      .set({
        left_on: sql<string>`greatest(joined_on, ${input.returnedOn}::date)`,
        lead: false,
        updated_at: deps.now(),
      })
      .where('multi_agency_case_id', '=', id)
      .where('left_on', 'is', null)
      .execute();
    await auditMultiAgency(trx, ctx, loaded, action);
    return updated;
  });
}
