import { describe, expect, it } from 'vitest';
import {
  fiscalYearRange,
  type MeetingStatisticsRow,
  meetingStatistics,
  monthsBetween,
} from './statistics';

const row = (over: Partial<MeetingStatisticsRow>): MeetingStatisticsRow => ({
  heldOn: '2026-04-16',
  status: 'held',
  type: 'coordination',
  items: 0,
  minutes: 0,
  municipalPresent: false,
  decisions: {},
  ...over,
});

const fiscal2026 = { from: '2026-04-01', to: '2027-03-31' };

describe('fiscal years and months', () => {
  it('runs a fiscal year from April to March', () => {
    expect(fiscalYearRange('2026-04-01')).toEqual(fiscal2026);
    expect(fiscalYearRange('2027-03-31')).toEqual(fiscal2026);
    expect(fiscalYearRange('2026-03-31')).toEqual({ from: '2025-04-01', to: '2026-03-31' });
  });

  it('lists the months of a range across the turn of the year', () => {
    expect(monthsBetween('2025-11-15', '2026-02-01')).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    expect(monthsBetween('2026-05-01', '2026-04-30')).toEqual([]);
  });
});

describe('meeting statistics', () => {
  const rows: MeetingStatisticsRow[] = [
    row({
      heldOn: '2026-04-16',
      type: 'coordination',
      items: 3,
      minutes: 90,
      municipalPresent: true,
      decisions: { adopted: 2, returned: 1 },
    }),
    row({
      heldOn: '2026-04-23',
      type: 'case_conference',
      items: 2,
      minutes: 40,
      decisions: { noted: 1 },
    }),
    // A 支援調整会議 without the officer: nothing could be decided.
    row({ heldOn: '2026-05-21', type: 'coordination', items: 1, minutes: 45 }),
    // Held with an empty agenda: still a meeting, and attended.
    row({ heldOn: '2026-05-14', type: 'multi_agency', municipalPresent: true }),
    // Do not count: cancelled, not yet held, and held in the previous fiscal year.
    row({ heldOn: '2026-05-28', status: 'cancelled', items: 2, minutes: 60 }),
    row({ heldOn: '2026-06-18', status: 'planned', items: 4, minutes: 120 }),
    row({ heldOn: '2026-03-19', items: 5, minutes: 150, municipalPresent: true }),
    // The last day of the range counts.
    row({
      heldOn: '2027-03-31',
      type: 'support_meeting',
      items: 1,
      minutes: 30,
      decisions: { continued: 1 },
    }),
  ];

  it('counts only held meetings within the range', () => {
    const stats = meetingStatistics(rows, fiscal2026);
    expect(stats.meetings).toBe(5);
    expect(stats.byType).toMatchObject({
      coordination: 2,
      case_conference: 1,
      multi_agency: 1,
      support_meeting: 1,
      community_care: 0,
    });
  });

  it('lays meetings out by month and type, every month of the fiscal year included', () => {
    const stats = meetingStatistics(rows, fiscal2026);
    expect(stats.months.map((m) => m.month)).toEqual([
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
      '2027-03',
    ]);
    expect(stats.months.map((m) => m.total)).toEqual([2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(stats.months[0]?.byType).toMatchObject({ coordination: 1, case_conference: 1 });
    expect(stats.months[1]?.byType).toMatchObject({ coordination: 1, multi_agency: 1 });
    expect(stats.months[11]?.byType).toMatchObject({ support_meeting: 1, coordination: 0 });
  });

  it('averages cases per meeting and minutes per case to one decimal', () => {
    const stats = meetingStatistics(rows, fiscal2026);
    // 3 + 2 + 1 + 0 + 1 = 7 cases at 5 meetings; 90 + 40 + 45 + 0 + 30 = 205 minutes.
    expect(stats.cases).toBe(7);
    expect(stats.casesPerMeeting).toBe(1.4);
    expect(stats.minutesPerCase).toBe(29.3); // 205 / 7 = 29.28…
  });

  it('rates municipal attendance over the types that need an officer only', () => {
    // Required: the two 支援調整会議 and the 重層的支援会議; attended: the first and the latter.
    expect(meetingStatistics(rows, fiscal2026).municipalAttendance).toEqual({
      required: 3,
      attended: 2,
      percent: 66.7,
    });
  });

  it('counts decisions by decision, and the cases left undecided', () => {
    const stats = meetingStatistics(rows, fiscal2026);
    expect(stats.decisions).toEqual({
      adopted: 2,
      adopted_with_changes: 0,
      returned: 1,
      termination_approved: 0,
      interruption_confirmed: 0,
      replan_requested: 0,
      continued: 1,
      noted: 1,
    });
    expect(stats.undecided).toBe(2);
  });

  it('answers null rather than dividing by zero', () => {
    const stats = meetingStatistics(
      [row({ status: 'cancelled', items: 1, minutes: 30 })],
      fiscal2026,
    );
    expect(stats).toMatchObject({
      meetings: 0,
      cases: 0,
      casesPerMeeting: null,
      minutesPerCase: null,
      municipalAttendance: { required: 0, attended: 0, percent: null },
      undecided: 0,
    });
    expect(stats.months).toHaveLength(12);
  });
});
