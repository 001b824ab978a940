import { describe, expect, it } from 'vitest';
import { allowedIssueActions, leadSourceDetail, nextIssueStatus } from './community';
import {
  contactModeOfChannel,
  nextApproach,
  outcomeReached,
  outreachChannels,
  outreachOutcomes,
} from './outreach';
import { orderOutreachHistory } from './outreach-history';
import {
  allowedMatchActions,
  matchStatuses,
  nextMatchStatus,
  occupancy,
  occupiesPlace,
  stepNeedsPlace,
} from './participation';

describe('outreach attempts', () => {
  it('counts every answer, even a refusal, as reaching the person; only silence is not', () => {
    expect(outreachOutcomes.filter(outcomeReached)).toEqual(['reached', 'partial', 'refused']);
  });

  it('records a word through the family or a key person as asking people close to them', () => {
    expect(contactModeOfChannel.through_family).toBe('inquiry');
    expect(contactModeOfChannel.through_key_person).toBe('inquiry');
    expect(contactModeOfChannel.chat).toBe('mail');
    for (const channel of outreachChannels) expect(contactModeOfChannel[channel]).toBeTruthy();
  });

  it('takes the next approach from the latest attempt and says when its day has passed', () => {
    const attempts = [
      {
        occurredAt: '2026-05-10T01:00:00Z',
        nextStep: '母を通じて手紙',
        nextApproachOn: '2026-05-20',
      },
      { occurredAt: '2026-04-10T01:00:00Z', nextStep: '訪問', nextApproachOn: '2026-04-20' },
    ];
    expect(nextApproach(attempts, '2026-05-15')).toEqual({
      plan: '母を通じて手紙',
      on: '2026-05-20',
      overdue: false,
    });
    expect(nextApproach(attempts, '2026-05-21')?.overdue).toBe(true);
    expect(nextApproach([], '2026-05-21')).toBeNull();
    // A consent on or after the latest attempt settles the approach; one before it does not.
    expect(nextApproach(attempts, '2026-05-21', '2026-05-10')).toBeNull();
    expect(nextApproach(attempts, '2026-05-21', '2026-05-09')?.on).toBe('2026-05-20');
    expect(
      nextApproach(
        [{ occurredAt: '2026-05-10T01:00:00Z', nextStep: null, nextApproachOn: null }],
        '2026-05-21',
      ),
    ).toBeNull();
  });
});

describe('the outreach history', () => {
  it('runs oldest first; a consent closes its day, after the visit at which the person agreed', () => {
    const ordered = orderOutreachHistory([
      { at: '2026-06-01', kind: 'consent', id: 'c' },
      // 10:00 in Japan on 1 June is still 31 May in UTC.
      { at: '2026-06-01T01:00:00.000Z', kind: 'attempt', id: 'visit' },
      { at: '2026-04-01', kind: 'detection', id: 'd' },
      { at: '2026-05-31T23:30:00.000Z', kind: 'attempt', id: 'early-call' },
      { at: '2026-04-01T05:00:00.000Z', kind: 'attempt', id: 'letter' },
      { at: '2026-06-01', kind: 'plan', id: 'p' },
    ]);
    expect(ordered.map((e) => e.id)).toEqual(['d', 'letter', 'early-call', 'visit', 'c', 'p']);
  });
});

describe('a match to a place', () => {
  it('moves proposed → trial → active → ended, and nothing comes back from ended', () => {
    expect(allowedMatchActions('proposed')).toEqual(['start_trial', 'start', 'end']);
    expect(nextMatchStatus('proposed', 'start_trial')).toBe('trial');
    expect(nextMatchStatus('trial', 'start')).toBe('active');
    expect(nextMatchStatus('active', 'end')).toBe('ended');
    expect(nextMatchStatus('active', 'start_trial')).toBeNull();
    expect(allowedMatchActions('ended')).toEqual([]);
    for (const status of matchStatuses) {
      for (const action of allowedMatchActions(status)) {
        expect(nextMatchStatus(status, action)).not.toBeNull();
      }
    }
  });

  it('holds a place on trial and while taking part, not while proposed or after the end', () => {
    expect(matchStatuses.filter(occupiesPlace)).toEqual(['trial', 'active']);
    expect(stepNeedsPlace('proposed', 'trial')).toBe(true);
    expect(stepNeedsPlace('proposed', 'active')).toBe(true);
    expect(stepNeedsPlace('trial', 'active')).toBe(false);
    expect(stepNeedsPlace('active', 'ended')).toBe(false);
  });

  it('is full when the people on trial or taking part fill the capacity; no capacity, never full', () => {
    expect(occupancy(3, 2)).toEqual({ capacity: 3, occupied: 2, remaining: 1, full: false });
    expect(occupancy(3, 3).full).toBe(true);
    // Over capacity by the host's agreement: still full, never a negative count.
    expect(occupancy(3, 4)).toEqual({ capacity: 3, occupied: 4, remaining: 0, full: true });
    expect(occupancy(null, 40)).toEqual({
      capacity: null,
      occupied: 40,
      remaining: null,
      full: false,
    });
    expect(occupancy(0, 0).full).toBe(true);
  });
});

describe('an issue spotted at a community base', () => {
  it('is passed on or closed from open, closed once passed, and stays closed', () => {
    expect(allowedIssueActions('open')).toEqual(['pass', 'close']);
    expect(nextIssueStatus('open', 'pass')).toBe('passed');
    expect(nextIssueStatus('passed', 'pass')).toBeNull();
    expect(nextIssueStatus('passed', 'close')).toBe('closed');
    expect(allowedIssueActions('closed')).toEqual([]);
  });

  it('names the base (and the activity) as where the lead came from', () => {
    expect(leadSourceDetail('北町ふれあいサロン', '火曜の茶話会')).toBe(
      '地域づくりの拠点「北町ふれあいサロン」の「火曜の茶話会」で把握',
    );
    expect(leadSourceDetail('あ'.repeat(400), null)).toHaveLength(300);
  });
});
