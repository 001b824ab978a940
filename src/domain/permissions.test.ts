import { describe, expect, it } from 'vitest';
import type { Actor } from './actor';
import { actions, allowedActions, permissionTable, rolesAllow } from './permissions';
import { can } from './policies/can';
import { userAbilities } from './policies/user-policy';
import { checkRoleAssignment, roles } from './roles';

const actor = (overrides: Partial<Actor> = {}): Actor => ({
  userId: 'u1',
  loginId: 'u1',
  municipalityId: 'm1',
  roles: ['support_worker'],
  supportAgencyId: 'a1',
  partnerAgencyId: null,
  ...overrides,
});

describe('the role × action table', () => {
  it('names only known roles', () => {
    for (const action of actions) {
      for (const role of permissionTable[action]) expect(roles).toContain(role);
    }
  });

  it('denies by default: no roles, no actions', () => {
    expect(allowedActions([])).toEqual([]);
    for (const action of actions) expect(rolesAllow([], action)).toBe(false);
  });

  it('gives a person with two posts (兼務) the union of both', () => {
    const both = allowedActions(['chief_support_worker', 'auditor']);
    expect(both).toEqual(expect.arrayContaining(['partnerAgency.manage', 'audit.read']));
    expect(both).not.toContain('user.manage');
  });

  it('keeps administration to administrators and the log to administrators and auditors', () => {
    for (const role of roles) {
      expect(rolesAllow([role], 'user.manage')).toBe(role === 'admin');
      expect(rolesAllow([role], 'audit.read')).toBe(role === 'admin' || role === 'auditor');
    }
  });

  it('leaves 開示 (person.disclose) to the municipal officer and the chief support worker', () => {
    for (const role of roles) {
      expect(rolesAllow([role], 'person.disclose')).toBe(
        role === 'municipal_officer' || role === 'chief_support_worker',
      );
    }
  });
});

describe('statistics', () => {
  it('are read by support staff, officers and administrators; set by officers and administrators', () => {
    const readers = roles.filter((role) => rolesAllow([role], 'statistics.read'));
    expect(readers).toEqual([
      'support_worker',
      'chief_support_worker',
      'employment_support_worker',
      'household_budget_worker',
      'municipal_officer',
      'admin',
    ]);
    const managers = roles.filter((role) => rolesAllow([role], 'statistics.manage'));
    expect(managers).toEqual(['municipal_officer', 'admin']);
  });

  it('are exported per person only by the chief and the municipal officer', () => {
    const exporters = roles.filter((role) => rolesAllow([role], 'statistics.export'));
    expect(exporters).toEqual(['chief_support_worker', 'municipal_officer']);
  });
});

describe('policies', () => {
  it('refuse a subject of another municipality even to a role that may act', () => {
    const admin = actor({ roles: ['admin'] });
    expect(can(admin, 'partnerAgency.manage', { municipalityId: 'm1' })).toBe(true);
    expect(can(admin, 'partnerAgency.manage', { municipalityId: 'm2' })).toBe(false);
  });

  it('keep an administrator from disabling or demoting their own account', () => {
    const admin = actor({ roles: ['admin'] });
    expect(userAbilities(admin, { id: 'u1', municipalityId: 'm1' })).toMatchObject({
      update: true,
      disable: false,
      resetPassword: false,
    });
    expect(userAbilities(admin, { id: 'u2', municipalityId: 'm1' }).disable).toBe(true);
  });
});

describe('role assignment', () => {
  it('follows the organisation the roles need', () => {
    expect(
      checkRoleAssignment({
        roles: ['partner_staff'],
        supportAgencyId: null,
        partnerAgencyId: 'p',
      }),
    ).toBeNull();
    expect(
      checkRoleAssignment({
        roles: ['partner_staff', 'auditor'],
        supportAgencyId: null,
        partnerAgencyId: 'p',
      }),
    ).toBe('PARTNER_STAFF_EXCLUSIVE');
    expect(
      checkRoleAssignment({
        roles: ['partner_staff'],
        supportAgencyId: null,
        partnerAgencyId: null,
      }),
    ).toBe('PARTNER_AGENCY_REQUIRED');
    expect(
      checkRoleAssignment({
        roles: ['support_worker'],
        supportAgencyId: null,
        partnerAgencyId: null,
      }),
    ).toBe('SUPPORT_AGENCY_REQUIRED');
    expect(
      checkRoleAssignment({
        roles: ['municipal_officer'],
        supportAgencyId: null,
        partnerAgencyId: 'p',
      }),
    ).toBe('PARTNER_AGENCY_NOT_ALLOWED');
    expect(
      checkRoleAssignment({
        roles: ['municipal_officer', 'admin'],
        supportAgencyId: null,
        partnerAgencyId: null,
      }),
    ).toBeNull();
  });
});
