import type { ActorContext, AppDeps } from '../http/context';
import { fieldError } from '../http/domain-error';
import {
  auditMultiAgency,
  loadMultiAgencyCaseToManage,
  today,
  updateCaseRow,
} from './multi-agency-access';
import { assertAgencyExists } from './references';
import type { EndInput } from './schema';

/**
 * 終結: the household no longer needs the agencies coordinated. The end names who carries on —
 * the window that referred it (returned to where it came from), or another agency — so the
 * household is never left without someone.
 */
export async function endMultiAgencyCase(
  deps: AppDeps,
  ctx: ActorContext,
  id: string,
  input: EndInput,
) {
  const action = 'multi_agency.end';
  const loaded = await loadMultiAgencyCaseToManage(deps, ctx, id, action);
  const { row } = loaded;
  if (input.endedOn > today(deps)) throw fieldError('endedOn', 'futureDate');
  if (row.accepted_on && input.endedOn < row.accepted_on) {
    throw fieldError('endedOn', 'endBeforeStart');
  }
  const carrier = input.returnToReferrer
    ? { partner: row.referred_by_partner_agency_id, support: row.referred_by_support_agency_id }
    : { partner: input.carriedByPartnerAgencyId, support: input.carriedBySupportAgencyId };
  await assertAgencyExists(deps.database.db, row.municipality_id, carrier, {
    partner: 'carriedByPartnerAgencyId',
    support: 'carriedBySupportAgencyId',
  });
  return deps.database.db.transaction().execute(async (trx) => {
    const updated = await updateCaseRow(
      trx,
      deps,
      loaded,
      input.version,
      {
        ended_on: input.endedOn,
        end_reason: input.reason,
        carried_by_partner_agency_id: carrier.partner,
        carried_by_support_agency_id: carrier.support,
        returned_to_referrer: input.returnToReferrer,
      },
      'end',
    );
    await auditMultiAgency(trx, ctx, loaded, action, undefined, {
      carriedByPartnerAgencyId: carrier.partner,
      carriedBySupportAgencyId: carrier.support,
      returnedToReferrer: input.returnToReferrer,
    });
    return updated;
  });
}
