import { describe, expect, it } from 'vitest';
import {
  allowedMultiAgencyActions,
  isOpenMultiAgencyStatus,
  multiAgencyStatuses,
  nextMultiAgencyStatus,
  reviewAction,
  reviewOutcomesFor,
} from './multi-agency-case';

describe('a multi-agency case', () => {
  it('is accepted or returned from referral, put in force by an agreed plan, and ended', () => {
    expect(nextMultiAgencyStatus('referred', 'accept')).toBe('accepted');
    expect(nextMultiAgencyStatus('referred', 'return')).toBe('returned');
    expect(nextMultiAgencyStatus('accepted', 'agree_plan')).toBe('active');
    expect(nextMultiAgencyStatus('active', 'end')).toBe('ended');
    // Ending needs an accepted case; a referral not taken is returned, not ended.
    expect(nextMultiAgencyStatus('referred', 'end')).toBeUndefined();
    expect(nextMultiAgencyStatus('active', 'return')).toBeUndefined();
    expect(allowedMultiAgencyActions('ended')).toEqual([]);
    expect(allowedMultiAgencyActions('returned')).toEqual([]);
    expect(multiAgencyStatuses.filter(isOpenMultiAgencyStatus)).toEqual([
      'referred',
      'accepted',
      'active',
    ]);
  });

  it('takes the plan to the 重層的支援会議: the first agreement puts it in force', () => {
    expect(reviewAction('accepted', 'agreed')).toBe('agree_plan');
    expect(reviewAction('accepted', 'agreed_with_changes')).toBe('agree_plan');
    expect(reviewAction('accepted', 'rework')).toBeNull();
    expect(reviewAction('active', 'agreed_with_changes')).toBeNull();
    expect(reviewOutcomesFor.referred).toEqual([]);
    expect(reviewOutcomesFor.accepted).not.toContain('continued');
    expect(reviewOutcomesFor.active).toContain('continued');
  });
});
