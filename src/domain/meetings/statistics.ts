import { type ItemDecision, itemDecisions } from './agenda';
import { type MeetingType, meetingTypeRules, meetingTypes } from './meeting-types';

/**
 * Meeting statistics (issue 7, item 9): meetings by type and month, cases per meeting, minutes
 * per case, the municipal attendance rate and decisions by kind, over a range of dates — usually
 * a fiscal year (年度, April to March). The server hands over one row per meeting in the range it
 * may see; which meetings count and how each figure is counted is decided here, once.
 */

/** One meeting as the statistics need it: no case and no person in it. */
export interface MeetingStatisticsRow {
  /** ISO date the meeting was (or is to be) held. */
  heldOn: string;
  status: 'planned' | 'held' | 'cancelled';
  /** The type of the meeting's own body; a joint sitting counts under its host body only. */
  type: MeetingType;
  /** Cases on its agenda (items, under any body of a joint sitting). */
  items: number;
  /** The minutes the agenda gave those cases, summed. */
  minutes: number;
  /** Whether any attendee marked as a municipal officer was recorded present. */
  municipalPresent: boolean;
  /** Decided items by decision; items not in it were left undecided. */
  decisions: Partial<Record<ItemDecision, number>>;
}

export interface MeetingStatistics {
  from: string;
  to: string;
  /** Every month of the range, in order, with the held meetings of each type (zeros included). */
  months: { month: string; byType: Record<MeetingType, number>; total: number }[];
  /** Held meetings of each type over the whole range. */
  byType: Record<MeetingType, number>;
  /** Held meetings over the range. */
  meetings: number;
  /** Cases on the agendas of held meetings. */
  cases: number;
  /** Cases ÷ held meetings, one decimal; null without a held meeting. */
  casesPerMeeting: number | null;
  /** Agenda minutes ÷ cases, one decimal; null without a case. */
  minutesPerCase: number | null;
  municipalAttendance: {
    /** Held meetings of a type whose decisions need a municipal officer (the denominator). */
    required: number;
    /** Of those, meetings where a municipal officer was recorded present (the numerator). */
    attended: number;
    /** attended ÷ required as a percentage, one decimal; null when none was required. */
    percent: number | null;
  };
  /** Decided cases of held meetings by decision (zeros included), and those left undecided. */
  decisions: Record<ItemDecision, number>;
  undecided: number;
}

/** The fiscal year (年度, April to March) that holds a date, as a range of ISO dates. */
export function fiscalYearRange(iso: string): { from: string; to: string } {
  const year = Number(iso.slice(0, 4));
  const start = Number(iso.slice(5, 7)) >= 4 ? year : year - 1;
  return { from: `${start}-04-01`, to: `${start + 1}-03-31` };
}

/** The months ('YYYY-MM') from the month of one ISO date to the month of another, in order. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  for (;;) {
    const current = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
    if (current > last) return months;
    months.push(current);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}

const oneDecimal = (value: number) => Math.round(value * 10) / 10;
const zeroByType = () =>
  Object.fromEntries(meetingTypes.map((t) => [t, 0])) as Record<MeetingType, number>;

export function meetingStatistics(
  rows: readonly MeetingStatisticsRow[],
  range: { from: string; to: string },
): MeetingStatistics {
  // Only a meeting that took place counts: a planned one has not happened yet and a cancelled
  // one never will. The range is inclusive at both ends, by the date it was held on.
  const held = rows.filter(
    (r) => r.status === 'held' && r.heldOn >= range.from && r.heldOn <= range.to,
  );

  // Meetings by type and month: each held meeting once, in the month of its date, under the
  // type of its own body (a joint sitting is not counted again for its other bodies).
  const months = new Map(
    monthsBetween(range.from, range.to).map((m) => [m, zeroByType()] as const),
  );
  const byType = zeroByType();
  for (const r of held) {
    const month = months.get(r.heldOn.slice(0, 7));
    if (month) month[r.type] += 1;
    byType[r.type] += 1;
  }

  // Cases per meeting: every case on the agenda of a held meeting (decided or not) ÷ held
  // meetings, a meeting with an empty agenda included.
  const cases = held.reduce((n, r) => n + r.items, 0);
  // Minutes per case: the minutes the agenda gave each case (its slot, not a measured time),
  // summed over those cases ÷ the number of cases.
  const minutes = held.reduce((n, r) => n + r.minutes, 0);

  // Municipal attendance rate: of the held meetings of a type whose decisions need a municipal
  // officer (meetingTypeRules: 支援調整会議, 重層的支援会議), those where an attendee marked as
  // municipal was recorded present. Other types are neither numerator nor denominator.
  const required = held.filter((r) => meetingTypeRules[r.type].municipalOfficerRequired);
  const attended = required.filter((r) => r.municipalPresent).length;

  // Decisions by decision: each decided case of a held meeting once; a case with no decision
  // recorded is counted as undecided.
  const decisions = Object.fromEntries(itemDecisions.map((d) => [d, 0])) as Record<
    ItemDecision,
    number
  >;
  let decided = 0;
  for (const r of held) {
    for (const d of itemDecisions) {
      const n = r.decisions[d] ?? 0;
      decisions[d] += n;
      decided += n;
    }
  }

  return {
    from: range.from,
    to: range.to,
    months: [...months].map(([month, counts]) => ({
      month,
      byType: counts,
      total: meetingTypes.reduce((n, t) => n + counts[t], 0),
    })),
    byType,
    meetings: held.length,
    cases,
    casesPerMeeting: held.length > 0 ? oneDecimal(cases / held.length) : null,
    minutesPerCase: cases > 0 ? oneDecimal(minutes / cases) : null,
    municipalAttendance: {
      required: required.length,
      attended,
      percent: required.length > 0 ? oneDecimal((attended / required.length) * 100) : null,
    },
    decisions,
    undecided: cases - decided,
  };
}
