import { describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import { type ItemFacts, itemAccess, taxInformationShareable } from '../policies/meeting-policy';
import { consentGate, layOutTimetable } from './agenda';

const consent = (
  over: Partial<{
    allAgencies: boolean;
    partnerAgencyIds: string[];
    withdrawnOn: string | null;
  }> = {},
) => ({
  id: 'c1',
  givenOn: '2026-04-01',
  withdrawnOn: null,
  allAgencies: false,
  partnerAgencyIds: [],
  ...over,
});

describe('the 進行表', () => {
  it('gives the discussion the time an item has beyond the planned phases, and takes it back when shorter', () => {
    const [long, short] = layOutTimetable('13:00', [{ minutes: 45 }, { minutes: 20 }]);
    expect(long).toMatchObject({ start: '13:00', end: '13:45' });
    expect(long?.phases.find((p) => p.phase === 'discussion')).toEqual({
      phase: 'discussion',
      start: '13:12',
      end: '13:40',
    });
    expect(short).toMatchObject({ start: '13:45', end: '14:05' });
    expect(short?.phases.map((p) => [p.phase, p.start, p.end])).toEqual([
      ['introduction', '13:45', '13:47'],
      ['report', '13:47', '13:52'],
      ['questions', '13:52', '13:57'],
      ['discussion', '13:57', '14:00'],
      ['summary', '14:00', '14:05'],
    ]);
  });
});

describe('the consent gate', () => {
  it('needs a consent that covers every partner present at a 支援調整会議', () => {
    expect(consentGate('coordination', [], [], '2026-05-01')).toEqual({
      ok: false,
      reason: 'NO_CONSENT',
      missingAgencyIds: [],
    });
    expect(
      consentGate('coordination', [consent({ partnerAgencyIds: ['a'] })], ['a', 'b'], '2026-05-01'),
    ).toEqual({
      ok: false,
      reason: 'NO_CONSENT',
      missingAgencyIds: ['b'],
    });
    expect(
      consentGate('multi_agency', [consent({ allAgencies: true })], ['a', 'b'], '2026-05-01'),
    ).toEqual({
      ok: true,
      basis: 'consent',
      consentId: 'c1',
    });
    expect(
      consentGate(
        'coordination',
        [consent({ allAgencies: true, withdrawnOn: '2026-04-20' })],
        [],
        '2026-05-01',
      ).ok,
    ).toBe(false);
  });

  it('rests a 支援会議 on the law, and keeps partners out of an internal case conference', () => {
    expect(consentGate('support_meeting', [], ['a'], '2026-05-01')).toEqual({
      ok: true,
      basis: 'law',
    });
    expect(consentGate('child_protection', [], ['a'], '2026-05-01')).toEqual({
      ok: true,
      basis: 'law',
    });
    expect(consentGate('case_conference', [], [], '2026-05-01')).toEqual({
      ok: true,
      basis: 'internal',
    });
    expect(
      consentGate('case_conference', [consent({ allAgencies: true })], ['a'], '2026-05-01'),
    ).toMatchObject({
      ok: false,
      reason: 'PARTNERS_AT_INTERNAL_MEETING',
    });
  });
});

describe('who sees an item', () => {
  const worker: Actor = {
    userId: 'u1',
    loginId: 'shien',
    municipalityId: 'm1',
    roles: ['support_worker'],
    supportAgencyId: 'agency',
    partnerAgencyId: null,
  };
  const partner: Actor = {
    ...worker,
    userId: 'u2',
    roles: ['partner_staff'],
    supportAgencyId: null,
    partnerAgencyId: 'p1',
  };
  const facts: ItemFacts = {
    municipalityId: 'm1',
    sharing: 'law',
    hostAgencyId: null,
    member: false,
    appointedGuest: false,
    acknowledged: false,
    invited: false,
    readsCase: true,
    consentCoversActor: false,
  };

  it('at a body under the law: members and appointed temporary members, once they acknowledged — the case worker too', () => {
    expect(itemAccess(worker, facts)).toEqual({ allowed: false, code: 'MEETING_NOT_MEMBER' });
    expect(itemAccess(worker, { ...facts, member: true })).toEqual({
      allowed: false,
      code: 'CONFIDENTIALITY_NOT_ACKNOWLEDGED',
    });
    expect(itemAccess(worker, { ...facts, member: true, acknowledged: true })).toEqual({
      allowed: true,
      basis: 'support_meeting',
    });
    expect(
      itemAccess(partner, { ...facts, readsCase: false, appointedGuest: true, acknowledged: true }),
    ).toEqual({
      allowed: true,
      basis: 'support_meeting',
    });
    // A guest not appointed as a temporary member sees nothing.
    expect(
      itemAccess(partner, { ...facts, readsCase: false, invited: true, acknowledged: true })
        .allowed,
    ).toBe(false);
  });

  it('at a body resting on consent: the case’s own staff, and invited partners within the consent', () => {
    const consentItem = { ...facts, sharing: 'consent' as const };
    expect(itemAccess(worker, consentItem)).toEqual({ allowed: true, basis: 'own_case' });
    expect(
      itemAccess(partner, { ...consentItem, readsCase: false, consentCoversActor: true }),
    ).toEqual({
      allowed: false,
      code: 'MEETING_NOT_MEMBER',
    });
    expect(itemAccess(partner, { ...consentItem, readsCase: false, invited: true })).toEqual({
      allowed: false,
      code: 'MEETING_OUTSIDE_CONSENT',
    });
    expect(
      itemAccess(partner, {
        ...consentItem,
        readsCase: false,
        invited: true,
        consentCoversActor: true,
      }),
    ).toEqual({ allowed: true, basis: 'consent' });
  });

  it('at an internal case conference: the hosting agency only', () => {
    const internal = { ...facts, sharing: 'internal' as const, hostAgencyId: 'agency' };
    expect(itemAccess(worker, internal)).toEqual({ allowed: true, basis: 'own_case' });
    expect(itemAccess(worker, { ...internal, hostAgencyId: 'other' }).allowed).toBe(false);
    expect(itemAccess(worker, { ...internal, municipalityId: 'm2' }).allowed).toBe(false);
  });
});

describe('tax information (地方税法第22条)', () => {
  it('is never shared on an item resting on the law, and stays within the consent elsewhere', () => {
    expect(taxInformationShareable('law')).toBe(false);
    expect(taxInformationShareable('consent')).toBe(true);
    expect(taxInformationShareable('internal')).toBe(true);
  });
});
