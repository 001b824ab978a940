import type { ScopedReader } from '../access/scoped-reader';
import type { GapMeeting, ResourceGapRow } from './present';

/** Gaps the actor follows, with who raised them, the resource that resulted, and their case count. */
export function resourceGapRows(reader: ScopedReader) {
  return reader
    .resourceGaps()
    .leftJoin('app_user', 'app_user.id', 'resource_gap.raised_by')
    .leftJoin('social_resource', 'social_resource.id', 'resource_gap.resource_id')
    .selectAll('resource_gap')
    .select((eb) => [
      'app_user.display_name as raised_by_name',
      'social_resource.name as resource_name',
      'social_resource.category as resource_category',
      'social_resource.service_class as resource_service_class',
      'social_resource.archived_at as resource_archived_at',
      eb
        .selectFrom('resource_gap_case')
        .select((c) => c.fn.countAll<number>().as('n'))
        .whereRef('resource_gap_case.gap_id', '=', 'resource_gap.id')
        .as('case_count'),
    ])
    .$castTo<ResourceGapRow>();
}

/** The meetings the gaps were raised in, those the actor may see, by meeting item. */
export async function gapMeetings(
  reader: ScopedReader,
  itemIds: string[],
): Promise<Map<string, GapMeeting>> {
  if (itemIds.length === 0) return new Map();
  const rows = await reader
    .meetings()
    .innerJoin('meeting_item', 'meeting_item.meeting_id', 'meeting.id')
    .innerJoin('meeting_series', 'meeting_series.id', 'meeting.series_id')
    .select([
      'meeting_item.id as item_id',
      'meeting.id',
      'meeting.held_on',
      'meeting_series.name as series_name',
    ])
    .where('meeting_item.id', 'in', itemIds)
    .execute();
  return new Map(
    rows.map((r) => [r.item_id, { id: r.id, heldOn: r.held_on, seriesName: r.series_name }]),
  );
}
