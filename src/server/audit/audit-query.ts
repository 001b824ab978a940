import type { SelectQueryBuilder } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../db/schema';
import type { AuditListQuery } from './schema';

type AuditSelect<O> = SelectQueryBuilder<Database, 'audit_log', O>;

/** Start of a day in Japan time, as a timestamp: the viewer's dates are Japanese calendar days. */
const startOfJapanDay = (iso: string) => new Date(`${iso}T00:00:00+09:00`);

function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The viewer's filters, applied to a query already scoped by the reader. */
export function applyAuditFilters<O>(
  query: AuditSelect<O>,
  filter: AuditListQuery,
): AuditSelect<O> {
  let q = query;
  if (filter.from) q = q.where('occurred_at', '>=', startOfJapanDay(filter.from));
  if (filter.to) q = q.where('occurred_at', '<', startOfJapanDay(nextDay(filter.to)));
  if (filter.actor) q = q.where('actor_login_id', '=', filter.actor.toLowerCase());
  if (filter.action) q = q.where('action', 'like', `${filter.action.replace(/[%_\\]/g, '\\$&')}%`);
  if (filter.outcome) q = q.where('outcome', '=', filter.outcome);
  if (filter.subjectType) q = q.where('subject_type', '=', filter.subjectType);
  if (filter.subjectId) q = q.where('subject_id', '=', filter.subjectId);
  if (filter.personId) {
    const personId = filter.personId;
    q = q.where((eb) =>
      eb.or([
        eb('person_id', '=', personId),
        eb('person_ids', '@>', sql<string[]>`array[${personId}]::uuid[]`),
      ]),
    );
  }
  return q;
}
