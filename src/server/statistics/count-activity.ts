import { type Kysely, sql } from 'kysely';
import type { StatisticsReport } from '../../domain/statistics/report';
import type { Database } from '../db/schema';
import type { ReportScope } from './report-scope';
import { caseInScope, isNarrowed, japanDate, japanMidnight } from './scope-sql';

/**
 * The local figures beside the national indicators: meetings, referrals (つなぎ), resource gaps
 * and the caseload per worker. One grouped query each, scoped like the indicators (agency of the
 * case; district of the case on the event's date).
 */

type Db = Kysely<Database>;

/** Open for the caseload: every case not closed and not ended at triage (as on the home page). */
export const notOpenStatuses = ['closed', 'referred_out', 'info_only'] as const;

/**
 * Meetings held in the range. With an agency or district chosen, the meetings that discussed at
 * least one case of it, and only those cases' items and minutes; attendance is of those meetings.
 */
export async function countMeetings(
  db: Db,
  scope: ReportScope,
): Promise<StatisticsReport['meetings']> {
  const itemScope = caseInScope(scope, sql.ref('mi.case_id'), sql.ref('m.held_on'));
  const heldInRange = sql`
    m.municipality_id = ${scope.municipalityId} and m.status = 'held'
    and m.held_on >= ${scope.fromDate} and m.held_on < ${scope.toDateExclusive}`;
  const meetingInScope = isNarrowed(scope)
    ? sql`exists (select 1 from meeting_item mi where mi.meeting_id = m.id and ${itemScope})`
    : sql`true`;
  const [items, attendance] = await Promise.all([
    sql<{ held: number; cases: number; minutes: number }>`
      select count(distinct m.id)::int as held, count(mi.id)::int as cases,
        coalesce(sum(mi.minutes), 0)::int as minutes
      from meeting m
      left join meeting_item mi on mi.meeting_id = m.id and ${itemScope}
      where ${heldInRange} and ${meetingInScope}`.execute(db),
    sql<{ present: number; invited: number }>`
      select (count(*) filter (where a.present))::int as present, count(*)::int as invited
      from meeting m join meeting_attendee a on a.meeting_id = m.id
      where ${heldInRange} and ${meetingInScope}`.execute(db),
  ]);
  const row = items.rows[0] ?? { held: 0, cases: 0, minutes: 0 };
  const att = attendance.rows[0] ?? { present: 0, invited: 0 };
  return {
    held: row.held,
    casesDiscussed: row.cases,
    casesPerMeeting: row.held === 0 ? null : row.cases / row.held,
    minutes: row.minutes,
    attendeesPresent: att.present,
    attendeesInvited: att.invited,
  };
}

/** Referrals (つなぎ) made in the range, by their current status. */
export async function countReferrals(
  db: Db,
  scope: ReportScope,
): Promise<StatisticsReport['referrals']> {
  const { rows } = await sql<{ status: string; n: number; pa: number }>`
    select r.status, count(*)::int as n,
      (count(*) filter (where r.to_public_assistance))::int as pa
    from referral r
    where r.municipality_id = ${scope.municipalityId}
      and r.referred_on >= ${scope.fromDate} and r.referred_on < ${scope.toDateExclusive}
      and ${caseInScope(scope, sql.ref('r.case_id'), sql.ref('r.referred_on'))}
    group by 1`.execute(db);
  const of = (status: string) => rows.find((r) => r.status === status)?.n ?? 0;
  return {
    sent: rows.reduce((sum, r) => sum + r.n, 0),
    arrived: of('arrived'),
    notArrived: of('not_arrived'),
    pending: of('pending') + of('accepted'),
    cancelled: of('cancelled'),
    declined: of('declined'),
    returned: of('returned'),
    toPublicAssistance: rows.reduce((sum, r) => sum + r.pa, 0),
  };
}

/**
 * Resource gaps raised in the range (their date in Japan), by current status. With an agency or
 * district chosen, the gaps that name a case of it.
 */
export async function countResourceGaps(
  db: Db,
  scope: ReportScope,
): Promise<StatisticsReport['resourceGaps']> {
  const raisedOn = japanDate(sql.ref('g.created_at'));
  const { rows } = await sql<{ status: string; n: number }>`
    select g.status, count(*)::int as n
    from resource_gap g
    where g.municipality_id = ${scope.municipalityId}
      and g.created_at >= ${japanMidnight(scope.fromDate)}
      and g.created_at < ${japanMidnight(scope.toDateExclusive)}
      and ${
        isNarrowed(scope)
          ? sql`exists (select 1 from resource_gap_case gc where gc.gap_id = g.id
              and ${caseInScope(scope, sql.ref('gc.case_id'), raisedOn)})`
          : sql`true`
      }
    group by 1`.execute(db);
  return {
    raised: rows.reduce((sum, r) => sum + r.n, 0),
    byStatus: rows
      .map((r) => ({ key: r.status, count: r.n }))
      .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key)),
  };
}

/**
 * Per lead worker: the cases open now (in the chosen district now), and the consultations
 * received in the range among their cases (in the chosen district on the day received). Two
 * grouped queries: one over the open cases, one over the range's intakes.
 */
export async function countCaseload(
  db: Db,
  scope: ReportScope,
): Promise<StatisticsReport['caseload']> {
  const agency = scope.supportAgencyId
    ? sql`c.support_agency_id = ${scope.supportAgencyId}`
    : sql`true`;
  const [open, fresh] = await Promise.all([
    sql<{ user_id: string | null; n: number }>`
      select c.lead_worker_id as user_id, count(*)::int as n
      from support_case c
      where c.municipality_id = ${scope.municipalityId} and ${agency}
        and c.status not in (${sql.join(notOpenStatuses.map((s) => sql.lit(s)))})
        and ${scope.districtId ? sql`c.district_id = ${scope.districtId}` : sql`true`}
      group by 1`.execute(db),
    sql<{ user_id: string | null; n: number }>`
      select c.lead_worker_id as user_id, count(*)::int as n
      from intake i join support_case c on c.id = i.case_id
      where i.municipality_id = ${scope.municipalityId} and ${agency}
        and i.received_on >= ${scope.fromDate} and i.received_on < ${scope.toDateExclusive}
        and ${caseInScope({ supportAgencyId: null, districtId: scope.districtId }, sql.ref('i.case_id'), sql.ref('i.received_on'))}
      group by 1`.execute(db),
  ]);
  const ids = [...new Set([...open.rows, ...fresh.rows].map((r) => r.user_id))];
  const named = ids.filter((id): id is string => id !== null);
  const users = named.length
    ? await db
        .selectFrom('app_user')
        .select(['id', 'display_name'])
        .where('municipality_id', '=', scope.municipalityId)
        .where('id', 'in', named)
        .execute()
    : [];
  const nameOf = new Map(users.map((u) => [u.id, u.display_name]));
  const count = (rows: { user_id: string | null; n: number }[], id: string | null) =>
    rows.find((r) => r.user_id === id)?.n ?? 0;
  return ids
    .map((id) => ({
      userId: id,
      name: id ? (nameOf.get(id) ?? '') : '',
      open: count(open.rows, id),
      newInRange: count(fresh.rows, id),
    }))
    .sort(
      (a, b) =>
        b.open - a.open || b.newInRange - a.newInRange || a.name.localeCompare(b.name, 'ja'),
    );
}
