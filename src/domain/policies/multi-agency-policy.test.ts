import { describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import type { Role } from '../roles';
import {
  canManageMultiAgencyCase,
  type MultiAgencySubject,
  multiAgencyAbilities,
  multiAgencyReadAccess,
} from './multi-agency-policy';

const actor = (roles: Role[], extra: Partial<Actor> = {}): Actor => ({
  userId: 'u1',
  loginId: 'u1',
  municipalityId: 'm1',
  roles,
  supportAgencyId: roles.includes('partner_staff') ? null : 'agency',
  partnerAgencyId: roles.includes('partner_staff') ? 'houkatsu' : null,
  ...extra,
});

const subject = (extra: Partial<MultiAgencySubject> = {}): MultiAgencySubject => ({
  municipalityId: 'm1',
  status: 'active',
  coordinatorId: 'coordinator',
  anchor: {
    municipalityId: 'm1',
    supportAgencyId: 'agency',
    status: 'in_support',
    teamUserIds: [],
  },
  memberPartnerAgencyIds: ['houkatsu', 'sodan'],
  consentCoversActor: true,
  ...extra,
});

describe('who may read a multi-agency case', () => {
  it('lets the person’s own workers and the coordinator read it as their case work', () => {
    expect(multiAgencyReadAccess(actor(['support_worker']), subject())).toEqual({
      allowed: true,
      basis: 'own_case',
    });
    const elsewhere = actor(['support_worker'], {
      supportAgencyId: 'other',
      userId: 'coordinator',
    });
    expect(multiAgencyReadAccess(elsewhere, subject()).allowed).toBe(true);
    expect(
      multiAgencyReadAccess(actor(['support_worker'], { supportAgencyId: 'other' }), subject()),
    ).toEqual({ allowed: false, code: 'FORBIDDEN' });
  });

  it('lets partner staff of an agency involved read it only within consent', () => {
    const partner = actor(['partner_staff']);
    expect(multiAgencyReadAccess(partner, subject())).toEqual({ allowed: true, basis: 'consent' });
    expect(multiAgencyReadAccess(partner, subject({ consentCoversActor: false }))).toEqual({
      allowed: false,
      code: 'MEETING_OUTSIDE_CONSENT',
    });
    expect(multiAgencyReadAccess(partner, subject({ memberPartnerAgencyIds: ['sodan'] }))).toEqual({
      allowed: false,
      code: 'FORBIDDEN',
    });
    // Ended or returned, the case is the staff's history, not shared any more.
    for (const status of ['ended', 'returned'] as const) {
      expect(multiAgencyReadAccess(partner, subject({ status }))).toEqual({
        allowed: false,
        code: 'FORBIDDEN',
      });
      expect(multiAgencyReadAccess(actor(['support_worker']), subject({ status })).allowed).toBe(
        true,
      );
    }
    expect(multiAgencyAbilities(partner, subject())).toEqual({
      read: true,
      manage: false,
      edit: false,
      actions: [],
    });
  });

  it('refuses another municipality and the roles that read no case', () => {
    expect(
      multiAgencyReadAccess(actor(['support_worker'], { municipalityId: 'm2' }), subject()).allowed,
    ).toBe(false);
    expect(multiAgencyReadAccess(actor(['auditor']), subject()).allowed).toBe(false);
  });
});

describe('who keeps a multi-agency case', () => {
  it('is the coordinator, the municipality’s officer, or the person’s own workers — while it is open', () => {
    expect(canManageMultiAgencyCase(actor(['support_worker']), subject())).toBe(true);
    expect(canManageMultiAgencyCase(actor(['municipal_officer']), subject())).toBe(true);
    expect(
      canManageMultiAgencyCase(
        actor(['chief_support_worker'], { supportAgencyId: 'other', userId: 'coordinator' }),
        subject(),
      ),
    ).toBe(true);
    expect(
      canManageMultiAgencyCase(actor(['support_worker'], { supportAgencyId: 'other' }), subject()),
    ).toBe(false);
    expect(multiAgencyAbilities(actor(['support_worker']), subject({ status: 'ended' }))).toEqual({
      read: true,
      manage: true,
      edit: false,
      actions: [],
    });
    expect(
      multiAgencyAbilities(actor(['support_worker']), subject({ status: 'referred' })).actions,
    ).toEqual(['accept', 'return']);
  });
});
