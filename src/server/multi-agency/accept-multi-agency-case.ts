import type { ActorContext, AppDeps } from '../http/context';
import { fieldError } from '../http/domain-error';
import {
  auditMultiAgency,
  loadMultiAgencyCaseToManage,
  today,
  updateCaseRow,
} from './multi-agency-access';
import { assertCoordinator } from './references';
import type { AcceptInput } from './schema';

/** 受理: the coordinator takes the household on (naming themself, or another coordinator). */
export async function acceptMultiAgencyCase(
  deps: AppDeps,
  ctx: ActorContext,
  id: string,
  input: AcceptInput,
) {
  const action = 'multi_agency.accept';
  const loaded = await loadMultiAgencyCaseToManage(deps, ctx, id, action);
  const { row } = loaded;
  if (input.acceptedOn > today(deps)) throw fieldError('acceptedOn', 'futureDate');
  if (input.acceptedOn < row.referred_on) {
    throw fieldError('acceptedOn', 'notBeforeMultiAgencyReferral', { date: row.referred_on });
  }
  const coordinatorId = input.coordinatorId ?? row.coordinator_id ?? ctx.actor.userId;
  await assertCoordinator(deps.database.db, row.municipality_id, coordinatorId);
  return deps.database.db.transaction().execute(async (trx) => {
    const updated = await updateCaseRow(
      trx,
      deps,
      loaded,
      input.version,
      { accepted_on: input.acceptedOn, coordinator_id: coordinatorId },
      'accept',
    );
    await auditMultiAgency(trx, ctx, loaded, action, undefined, { coordinatorId });
    return updated;
  });
}
