import { canReferToMultiAgency } from '../../domain/policies/multi-agency-policy';
import { ScopedReader } from '../access/scoped-reader';
import { auditCase, loadCase } from '../cases/case-access';
import type { ActorContext, AppDeps } from '../http/context';
import { auditMultiAgency, loadMultiAgencyCase } from './multi-agency-access';
import { presentMultiAgencyCase, presentMultiAgencyCaseFor } from './present';

/**
 * One multi-agency case: for the staff who see the person's case and the coordinator, everything;
 * for partner staff of an agency still involved in an open case, the partner's view (roles, lead,
 * joint plan, review dates) while the person's consent covers their agency. Every read is audited
 * with its basis.
 */
export async function getMultiAgencyCase(deps: AppDeps, ctx: ActorContext, id: string) {
  const action = 'multi_agency.read';
  const loaded = await loadMultiAgencyCase(deps, ctx, id, action);
  const view = await presentMultiAgencyCaseFor(deps.database.db, ctx.actor, loaded);
  await auditMultiAgency(deps.database.db, ctx, loaded, action);
  return view;
}

/** The case tab: the household's multi-agency cases, the open one first, and whether to refer. */
export async function listCaseMultiAgency(deps: AppDeps, ctx: ActorContext, caseId: string) {
  const action = 'multi_agency.read';
  const { row: kase, subject } = await loadCase(deps, ctx, caseId, action);
  const db = deps.database.db;
  const rows = await new ScopedReader(db, ctx.actor)
    .multiAgencyCases()
    .select('multi_agency_case.id')
    .where('multi_agency_case.case_id', '=', caseId)
    .orderBy('multi_agency_case.referred_on', 'desc')
    .orderBy('multi_agency_case.created_at', 'desc')
    .execute();
  const items = [];
  for (const r of rows) {
    items.push(
      await presentMultiAgencyCase(
        db,
        ctx.actor,
        await loadMultiAgencyCase(deps, ctx, r.id, action),
      ),
    );
  }
  await auditCase(
    db,
    ctx,
    kase,
    action,
    { type: 'case', id: caseId },
    {
      multiAgencyCaseIds: rows.map((r) => r.id),
    },
  );
  const open = items.some((i) => ['referred', 'accepted', 'active'].includes(i.status));
  // The sittings of a 重層的支援会議 with this case on the agenda, to record a review against.
  const meetings = await new ScopedReader(db, ctx.actor)
    .meetings()
    .innerJoin('meeting_series', 'meeting_series.id', 'meeting.series_id')
    .innerJoin('meeting_item', 'meeting_item.meeting_id', 'meeting.id')
    .select([
      'meeting.id',
      'meeting.held_on',
      'meeting.status',
      'meeting_series.name as series_name',
      'meeting_item.id as item_id',
    ])
    .where('meeting_item.case_id', '=', caseId)
    .where('meeting_series.type', '=', 'multi_agency')
    .orderBy('meeting.held_on', 'desc')
    .execute();
  return {
    items,
    canRefer: !open && canReferToMultiAgency(ctx.actor, subject),
    meetings: meetings.map((m) => ({
      id: m.id,
      heldOn: m.held_on,
      status: m.status,
      seriesName: m.series_name,
      itemId: m.item_id,
    })),
  };
}
