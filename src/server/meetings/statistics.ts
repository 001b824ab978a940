import { sql } from 'kysely';
import type { ItemDecision } from '../../domain/meetings/agenda';
import {
  meetingStatistics as countMeetings,
  fiscalYearRange,
  type MeetingStatistics,
} from '../../domain/meetings/statistics';
import { todayInJapan } from '../../domain/text/wareki';
import { authorize } from '../access/authorize';
import { ScopedReader } from '../access/scoped-reader';
import type { ActorContext, AppDeps } from '../http/context';

/**
 * Meeting statistics over a range of dates (by default the current fiscal year), counted over the
 * meetings the actor may see. The database sums each meeting's agenda; which meetings count and
 * how is src/domain/meetings/statistics.ts. Only counts leave here — no case, no person — so the
 * read is not audited.
 */
export async function meetingStatistics(
  deps: AppDeps,
  ctx: ActorContext,
  input: { from?: string | undefined; to?: string | undefined },
): Promise<MeetingStatistics> {
  authorize(ctx.actor, 'meeting.read');
  // A missing end is taken from the fiscal year of the other end, or of today.
  const fiscalYear = fiscalYearRange(input.from ?? input.to ?? todayInJapan(deps.now()));
  const range = { from: input.from ?? fiscalYear.from, to: input.to ?? fiscalYear.to };

  // One row per meeting. Planned and cancelled meetings come too: the domain decides they do
  // not count, so that rule is written once.
  const rows = await new ScopedReader(deps.database.db, ctx.actor)
    .meetings()
    .innerJoin('meeting_series', 'meeting_series.id', 'meeting.series_id')
    .leftJoin('meeting_item', 'meeting_item.meeting_id', 'meeting.id')
    .select((eb) => [
      'meeting.held_on',
      'meeting.status',
      'meeting_series.type',
      eb.fn.count<string>('meeting_item.id').as('items'),
      eb.fn.coalesce(eb.fn.sum<string>('meeting_item.minutes'), sql<string>`0`).as('minutes'),
      eb
        .exists(
          eb
            .selectFrom('meeting_attendee')
            .select('meeting_attendee.id')
            .whereRef('meeting_attendee.meeting_id', '=', 'meeting.id')
            .where('meeting_attendee.municipal', '=', true)
            .where('meeting_attendee.present', '=', true),
        )
        .as('municipal_present'),
      // Decided items by decision, e.g. {"adopted": 2, "noted": 1}; null when none was decided.
      sql<Partial<Record<ItemDecision, number>> | null>`(
        select jsonb_object_agg(d.decision, d.n)
        from (
          select decided.decision, count(*) as n from meeting_item decided
          where decided.meeting_id = meeting.id and decided.decision is not null
          group by decided.decision
        ) d
      )`.as('decisions'),
    ])
    .where('meeting.held_on', '>=', range.from)
    .where('meeting.held_on', '<=', range.to)
    .groupBy(['meeting.id', 'meeting_series.id'])
    .execute();
  return countMeetings(
    rows.map((r) => ({
      heldOn: r.held_on,
      status: r.status,
      type: r.type,
      items: Number(r.items),
      minutes: Number(r.minutes),
      municipalPresent: Boolean(r.municipal_present),
      decisions: r.decisions ?? {},
    })),
    range,
  );
}
