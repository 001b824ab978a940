import { describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import { referralAbilities, referralPartyOf } from '../policies/referral-policy';
import {
  allowedReferralActions,
  canReferFrom,
  eventOf,
  handOverVisible,
  nextReferralStatus,
  type ReferralStatus,
  referralActions,
  referralAlert,
  referralStatuses,
} from './referral-status';

describe('the referral state table', () => {
  it('lets the receiver accept, decline or return a pending referral, and the sender cancel it', () => {
    expect(nextReferralStatus('pending', 'accept')).toBe('accepted');
    expect(nextReferralStatus('pending', 'decline')).toBe('declined');
    expect(nextReferralStatus('pending', 'return')).toBe('returned');
    expect(nextReferralStatus('pending', 'cancel')).toBe('cancelled');
    expect(allowedReferralActions('pending', 'receiver', true)).toEqual([
      'accept',
      'decline',
      'return',
    ]);
    expect(allowedReferralActions('pending', 'sender', true)).toEqual([
      'confirm_arrival',
      'confirm_not_arrived',
      'cancel',
    ]);
  });

  it('after acceptance: the sender confirms arrival or not, the receiver may still return', () => {
    expect(allowedReferralActions('accepted', 'sender', true)).toEqual([
      'confirm_arrival',
      'confirm_not_arrived',
    ]);
    expect(allowedReferralActions('accepted', 'receiver', true)).toEqual(['return']);
    expect(nextReferralStatus('accepted', 'decline')).toBeUndefined();
    expect(nextReferralStatus('accepted', 'cancel')).toBeUndefined();
    expect(nextReferralStatus('accepted', 'return')).toBe('returned');
  });

  it('ends at declined, returned, arrived, not arrived and cancelled', () => {
    for (const status of ['declined', 'returned', 'arrived', 'not_arrived', 'cancelled'] as const) {
      for (const party of ['sender', 'receiver'] as const) {
        expect(allowedReferralActions(status, party, true)).toEqual([]);
      }
    }
  });

  it('has no receiver for an outside destination: the sender follows it alone', () => {
    expect(allowedReferralActions('pending', 'receiver', false)).toEqual([]);
    expect(allowedReferralActions('pending', 'sender', false)).toContain('confirm_arrival');
  });

  it('names each step in the history after the status it leads to', () => {
    expect(referralActions.map(eventOf)).toEqual([
      'accepted',
      'declined',
      'returned',
      'arrived',
      'not_arrived',
      'cancelled',
    ]);
  });

  it('allows a referral during support and after a referral out, not before the triage or once closed', () => {
    expect(canReferFrom('in_support')).toBe(true);
    expect(canReferFrom('referred_out')).toBe(true);
    expect(canReferFrom('follow_up')).toBe(true);
    expect(canReferFrom('intake')).toBe(false);
    expect(canReferFrom('detected')).toBe(false);
    expect(canReferFrom('closed')).toBe(false);
  });
});

describe('alerts to the sending worker', () => {
  const base = {
    status: 'pending' as ReferralStatus,
    dueOn: '2026-04-05',
    followUpOn: '2026-04-10',
    noted: false,
  };
  it('keeps a declined or returned referral on the list until the worker has noted it', () => {
    expect(referralAlert({ ...base, status: 'declined' }, '2026-04-02')).toBe('declined');
    expect(referralAlert({ ...base, status: 'returned' }, '2026-04-02')).toBe('returned');
    expect(referralAlert({ ...base, status: 'returned', noted: true }, '2026-04-02')).toBeNull();
  });

  it('marks a pending referral past its due date, and any unconfirmed one past its follow-up date', () => {
    expect(referralAlert(base, '2026-04-05')).toBeNull();
    expect(referralAlert(base, '2026-04-06')).toBe('response_overdue');
    expect(referralAlert({ ...base, status: 'accepted' }, '2026-04-06')).toBeNull();
    expect(referralAlert({ ...base, status: 'accepted' }, '2026-04-11')).toBe('arrival_overdue');
    expect(referralAlert(base, '2026-04-11')).toBe('arrival_overdue');
    expect(referralAlert({ ...base, status: 'arrived' }, '2026-05-01')).toBeNull();
    expect(referralAlert({ ...base, status: 'cancelled' }, '2026-05-01')).toBeNull();
  });

  it('covers every status', () => {
    for (const status of referralStatuses) {
      expect(() => referralAlert({ ...base, status }, '2026-04-01')).not.toThrow();
    }
  });
});

describe('who answers a referral', () => {
  const partner: Actor = {
    userId: 'u1',
    loginId: 'kankei',
    municipalityId: 'm1',
    roles: ['partner_staff'],
    supportAgencyId: null,
    partnerAgencyId: 'p1',
  };
  const worker: Actor = {
    ...partner,
    userId: 'u2',
    roles: ['support_worker'],
    supportAgencyId: 'a1',
    partnerAgencyId: null,
  };
  const subject = {
    municipalityId: 'm1',
    status: 'pending' as ReferralStatus,
    partnerAgencyId: 'p1',
    worksCase: false,
  };

  it('is the staff of the agency referred to, and no other agency', () => {
    expect(referralPartyOf(partner, subject)).toBe('receiver');
    expect(referralPartyOf({ ...partner, partnerAgencyId: 'p2' }, subject)).toBeNull();
    expect(referralPartyOf({ ...partner, municipalityId: 'm2' }, subject)).toBeNull();
    expect(referralAbilities(partner, subject)).toEqual({
      actions: ['accept', 'decline', 'return'],
      addActivity: false,
    });
    expect(referralAbilities(partner, { ...subject, status: 'accepted' })).toEqual({
      actions: ['return'],
      addActivity: true,
    });
  });

  it('leaves the sender side to those who work the case', () => {
    expect(referralPartyOf(worker, subject)).toBeNull();
    expect(referralPartyOf(worker, { ...subject, worksCase: true })).toBe('sender');
    expect(referralAbilities(worker, { ...subject, worksCase: true }).addActivity).toBe(false);
  });

  it('shows the hand-over only within consent and not after a cancellation', () => {
    expect(handOverVisible('accepted', true)).toBe(true);
    expect(handOverVisible('accepted', false)).toBe(false);
    expect(handOverVisible('cancelled', true)).toBe(false);
  });
});
