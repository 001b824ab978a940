import { resourceGapListAbilities } from '../../domain/policies/resource-policy';
import { isOpenResourceGap, resourceGapStatuses } from '../../domain/resources/resource-gap-status';
import { authorize } from '../access/authorize';
import { ScopedReader } from '../access/scoped-reader';
import type { ActorContext, AppDeps } from '../http/context';
import { gapMeetings, resourceGapRows } from './gap-queries';
import { presentResourceGap } from './present';
import type { ResourceGapListQuery } from './schema';

/**
 * The municipality's resource gaps, newest first, by status. The list names no person (only how
 * many cases each gap touches), so it is not a read of personal data.
 */
export async function listResourceGaps(
  deps: AppDeps,
  ctx: ActorContext,
  query: ResourceGapListQuery,
) {
  authorize(ctx.actor, 'resourceGap.manage', undefined, { subjectType: 'resource_gap' });
  const reader = new ScopedReader(deps.database.db, ctx.actor);
  let rows = resourceGapRows(reader);
  if (query.status === 'open')
    rows = rows.where(
      'resource_gap.status',
      'in',
      resourceGapStatuses.filter((s) => isOpenResourceGap(s)),
    );
  else if (query.status) rows = rows.where('resource_gap.status', '=', query.status);
  const found = await rows.orderBy('resource_gap.created_at', 'desc').execute();
  const meetings = await gapMeetings(
    reader,
    found.flatMap((g) => (g.meeting_item_id ? [g.meeting_item_id] : [])),
  );
  return {
    items: found.map((g) =>
      presentResourceGap(
        ctx.actor,
        g,
        g.meeting_item_id ? (meetings.get(g.meeting_item_id) ?? null) : null,
      ),
    ),
    abilities: resourceGapListAbilities(ctx.actor),
  };
}
