import type { ActorContext, AppDeps } from '../http/context';
import { fieldError } from '../http/domain-error';
import {
  assertOpen,
  auditMultiAgency,
  isLeadTaken,
  leadTaken,
  loadMultiAgencyCaseToManage,
  updateCaseRow,
} from './multi-agency-access';
import type { LeadInput } from './schema';

/**
 * 主担当: one agency leads the household's support. Naming another moves the lead — the two
 * member rows and the case change together, at the version of the case the caller saw.
 */
export async function setLead(deps: AppDeps, ctx: ActorContext, id: string, input: LeadInput) {
  const action = 'multi_agency.lead';
  const loaded = await loadMultiAgencyCaseToManage(deps, ctx, id, action);
  assertOpen(loaded);
  const db = deps.database.db;
  const member = await db
    .selectFrom('multi_agency_member')
    .select(['id', 'left_on', 'partner_agency_id', 'support_agency_id'])
    .where('id', '=', input.memberId)
    .where('multi_agency_case_id', '=', id)
    .executeTakeFirst();
  if (!member || member.left_on) throw fieldError('memberId', 'unknownReference');
  return db
    .transaction()
    .execute(async (trx) => {
      const updated = await updateCaseRow(trx, deps, loaded, input.version, {});
      const previous = await trx
        .updateTable('multi_agency_member')
        .set((eb) => ({ lead: false, version: eb('version', '+', 1), updated_at: deps.now() }))
        .where('multi_agency_case_id', '=', id)
        .where('lead', '=', true)
        .where('id', '<>', input.memberId)
        .returning('id')
        .execute();
      await trx
        .updateTable('multi_agency_member')
        .set((eb) => ({ lead: true, version: eb('version', '+', 1), updated_at: deps.now() }))
        .where('id', '=', input.memberId)
        .where('lead', '=', false)
        .execute();
      await auditMultiAgency(
        trx,
        ctx,
        loaded,
        action,
        {
          type: 'multi_agency_member',
          id: input.memberId,
        },
        { previous: previous.map((p) => p.id) },
      );
      return updated;
    })
    .catch((error: unknown) => {
      // An agency added as the lead meanwhile (adding does not move the case's version).
      if (isLeadTaken(error)) throw leadTaken();
      throw error;
    });
}
