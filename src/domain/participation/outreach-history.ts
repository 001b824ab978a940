import { formatDateTimeJapan } from '../text/wareki';

/**
 * The outreach story of one case, oldest first, as a worker tells it at a meeting: how the lead
 * came (把握), each attempt and its answer, any emergency passed on, the day the person agreed
 * (the consent record itself, kept by the consent area), the intake and the first plan.
 */
export type OutreachHistoryKind =
  | 'detection'
  | 'attempt'
  | 'escalation'
  | 'intake'
  | 'consent'
  | 'consent_withdrawn'
  | 'plan';

export interface OutreachHistoryEntry {
  /** An ISO date (YYYY-MM-DD) or an ISO date-time. */
  at: string;
  kind: OutreachHistoryKind;
  id: string;
}

/**
 * Where a day-only entry sits among that day's timed ones: the lead opens the day it came, the
 * consent and the plan close the day they were signed (after the visit at which the person said
 * yes).
 */
const dayPosition: Record<OutreachHistoryKind, 'start' | 'end'> = {
  detection: 'start',
  attempt: 'start',
  escalation: 'start',
  intake: 'start',
  consent: 'end',
  consent_withdrawn: 'end',
  plan: 'end',
};

/** A key that orders dates and Japan-time moments on one line. */
function sortKey(entry: OutreachHistoryEntry): string {
  if (entry.at.length === 10)
    return `${entry.at} ${dayPosition[entry.kind] === 'start' ? '00:00' : '24:00'}`;
  return formatDateTimeJapan(entry.at);
}

export function orderOutreachHistory<E extends OutreachHistoryEntry>(entries: readonly E[]): E[] {
  return entries
    .map((entry, index) => ({ entry, index, key: sortKey(entry) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.index - b.index))
    .map((x) => x.entry);
}
