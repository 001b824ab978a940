import { sql } from 'kysely';
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
 * household is never left without someone. The agencies still involved leave with the end, so
 * their partner staff no longer read the case; the staff keep it as history, and the audit row of
 * the end names the agency that led it.
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
    // Nobody works the household here any more: the agencies still listed leave on the day it
    // ends (not before they joined); the lead keeps its mark, so the ended case still says who
    // led (migration 0010), and the audit row names it too.
    const lead = await trx
      .selectFrom('multi_agency_member')
      .select(['id', 'partner_agency_id', 'support_agency_id'])
      .where('multi_agency_case_id', '=', id)
      .where('lead', '=', true)
      .executeTakeFirst();
    const left = await trx
      .updateTable('multi_agency_member')
      .set((eb) => ({
        left_on: sql<string>`greatest(joined_on, ${input.endedOn}::date)`,
        version: eb('version', '+', 1),
        updated_at: deps.now(),
      }))
      .where('multi_agency_case_id', '=', id)
      .where('left_on', 'is', null)
      .returning('id')
      .execute();
    await auditMultiAgency(trx, ctx, loaded, action, undefined, {
      carriedByPartnerAgencyId: carrier.partner,
      carriedBySupportAgencyId: carrier.support,
      returnedToReferrer: input.returnToReferrer,
      leadMemberId: lead?.id ?? null,
      leadAgencyId: lead ? (lead.partner_agency_id ?? lead.support_agency_id) : null,
      leftMemberIds: left.map((m) => m.id),
    });
    return updated;
  });
}
