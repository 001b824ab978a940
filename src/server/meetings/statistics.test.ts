import { beforeEach, describe, expect, it } from 'vitest';
import type { MeetingStatistics } from '../../domain/meetings/statistics';
import { openIntakeCase } from '../test/case-helpers';
import { signedIn, type TestClient } from '../test/client';
import { createWorld } from '../test/factories';
import { type TestApp, testApp } from '../test/test-app';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let worker: TestClient;
let chief: TestClient;

beforeEach(async () => {
  t = await testApp();
  world = await createWorld(t.database.db);
  worker = await signedIn(t.app, world.users.supportWorker.login_id);
  chief = await signedIn(t.app, world.users.chief.login_id);
});

function ok<T>(res: { status: number; body: T; text: string }, what: string): T {
  if (res.status >= 300) throw new Error(`${what} failed: ${res.status} ${res.text}`);
  return res.body;
}

async function series(type: 'coordination' | 'case_conference', name: string) {
  const created = ok(
    await chief.post<{ id: string }>('/api/meeting-series', {
      type,
      name,
      hostAgencyId: world.agency.id,
      pattern: 'ad_hoc',
    }),
    'series',
  );
  return created.id;
}

/** A consultation continued here, with the person's consent for every agency. */
async function consentedCase(name: string, nameKana: string) {
  const kase = await openIntakeCase(worker, { name, nameKana });
  const continued = ok(
    await worker.post<{ version: number }>(`/api/cases/${kase.id}/triage`, {
      version: kase.version,
      outcome: 'continue',
    }),
    'triage',
  );
  ok(
    await worker.post(`/api/cases/${kase.id}/consents`, {
      version: continued.version,
      givenOn: 'R8.4.1',
      signedBy: 'person',
      explanationGiven: true,
      purposes: ['coordination_meeting'],
      allAgencies: true,
    }),
    'consent',
  );
  return kase.id;
}

type Sitting = {
  heldOn: string;
  status: 'planned' | 'held' | 'cancelled';
  /** Whether the municipal officer is recorded present (false: absent); omitted: not invited. */
  officerPresent?: boolean;
  items?: { caseId: string; kind?: string; minutes: number; decision?: string }[];
};

/** A meeting as the chief runs it: attendance, agenda, decisions, then its status. */
async function sitting(seriesId: string, s: Sitting) {
  const { id } = ok(
    await chief.post<{ id: string }>('/api/meetings', { seriesId, heldOn: s.heldOn }),
    'meeting',
  );
  const view = () =>
    chief
      .get<{ version: number; heldOn: string; startsAt: string }>(`/api/meetings/${id}`)
      .then((r) => ok(r, 'meeting view'));
  ok(
    await chief.put(`/api/meetings/${id}/attendance`, {
      version: (await view()).version,
      attendees: [
        { userId: world.users.chief.id, roles: ['chair'], present: true },
        ...(s.officerPresent === undefined
          ? []
          : [{ userId: world.users.officer.id, roles: ['member'], present: s.officerPresent }]),
      ],
    }),
    'attendance',
  );
  for (const item of s.items ?? []) {
    const added = ok(
      await chief.post<{ id: string; version: number }>(`/api/meetings/${id}/items`, {
        caseId: item.caseId,
        kind: item.kind,
        minutes: item.minutes,
      }),
      'item',
    );
    if (item.decision) {
      ok(
        await chief.post(`/api/meetings/${id}/items/${added.id}/record`, {
          version: added.version,
          decision: item.decision,
        }),
        'decision',
      );
    }
  }
  if (s.status !== 'planned') {
    const current = await view();
    ok(
      await chief.put(`/api/meetings/${id}`, {
        version: current.version,
        heldOn: current.heldOn,
        startsAt: current.startsAt,
        status: s.status,
      }),
      'status',
    );
  }
}

/**
 * A 支援調整会議 (an officer must attend) and a case conference (none need), over two months of
 * fiscal year 2026 and the end of 2025: held meetings with and without the officer, a cancelled
 * one and one still planned.
 */
async function fiscalYearOfMeetings() {
  const coordination = await series('coordination', '架空市支援調整会議');
  const conference = await series('case_conference', '自立相談支援センター ケース会議');
  const [a, b, c, d, e] = [
    await consentedCase('架空 一郎', 'かくう いちろう'),
    await consentedCase('架空 二郎', 'かくう じろう'),
    await consentedCase('架空 三郎', 'かくう さぶろう'),
    await consentedCase('架空 四郎', 'かくう しろう'),
    await consentedCase('架空 五郎', 'かくう ごろう'),
  ] as [string, string, string, string, string];
  await sitting(coordination, {
    heldOn: 'R8.5.21',
    status: 'held',
    officerPresent: true,
    items: [
      { caseId: a, minutes: 30, decision: 'noted' },
      { caseId: b, kind: 'evaluation', minutes: 45, decision: 'continued' },
    ],
  });
  // Without the officer nothing can be decided: the case stays undecided.
  await sitting(coordination, {
    heldOn: 'R8.6.18',
    status: 'held',
    officerPresent: false,
    items: [{ caseId: c, minutes: 30 }],
  });
  await sitting(coordination, {
    heldOn: 'R8.6.25',
    status: 'cancelled',
    officerPresent: true,
    items: [{ caseId: d, minutes: 30 }],
  });
  await sitting(coordination, { heldOn: 'R8.7.16', status: 'planned', officerPresent: true });
  await sitting(conference, {
    heldOn: 'R8.5.12',
    status: 'held',
    items: [{ caseId: e, kind: 'evaluation', minutes: 20, decision: 'replan_requested' }],
  });
  // Fiscal year 2025: only in a range that reaches back to it.
  await sitting(conference, { heldOn: 'R8.3.19', status: 'held' });
}

describe('meeting statistics', () => {
  it('counts the held meetings of the current fiscal year by month and type, cases, minutes, attendance and decisions', async () => {
    await fiscalYearOfMeetings();
    const stats = ok(await chief.get<MeetingStatistics>('/api/meetings/statistics'), 'stats');
    expect(stats).toMatchObject({
      from: '2026-04-01',
      to: '2027-03-31',
      meetings: 3,
      cases: 4,
      casesPerMeeting: 1.3, // 4 cases at 3 meetings
      minutesPerCase: 31.3, // (30 + 45 + 30 + 20) / 4 = 31.25
      municipalAttendance: { required: 2, attended: 1, percent: 50 },
      undecided: 1,
    });
    expect(stats.byType).toMatchObject({ coordination: 2, case_conference: 1, multi_agency: 0 });
    expect(stats.months).toHaveLength(12);
    expect(stats.months.filter((m) => m.total > 0)).toMatchObject([
      { month: '2026-05', total: 2, byType: { coordination: 1, case_conference: 1 } },
      { month: '2026-06', total: 1, byType: { coordination: 1, case_conference: 0 } },
    ]);
    expect(stats.decisions).toEqual({
      adopted: 0,
      adopted_with_changes: 0,
      returned: 0,
      termination_approved: 0,
      interruption_confirmed: 0,
      replan_requested: 1,
      continued: 1,
      noted: 1,
    });
  });

  it('takes a range in 西暦 or 和暦 and refuses one that ends before it starts', async () => {
    await fiscalYearOfMeetings();
    const stats = ok(
      await chief.get<MeetingStatistics>('/api/meetings/statistics?from=2026-03-01&to=R8.5.31'),
      'stats',
    );
    expect(stats).toMatchObject({
      from: '2026-03-01',
      to: '2026-05-31',
      meetings: 3,
      cases: 3,
      casesPerMeeting: 1,
      minutesPerCase: 31.7, // (30 + 45 + 20) / 3
      municipalAttendance: { required: 1, attended: 1, percent: 100 },
      undecided: 0,
    });
    expect(stats.months.map((m) => [m.month, m.total])).toEqual([
      ['2026-03', 1],
      ['2026-04', 0],
      ['2026-05', 2],
    ]);

    const reversed = await chief.get('/api/meetings/statistics?from=2026-05-01&to=2026-04-01');
    expect(reversed.status).toBe(400);
    expect(reversed.body).toMatchObject({ error: { fields: [{ path: 'to' }] } });
  });

  it('counts only the meetings the user may see', async () => {
    await fiscalYearOfMeetings();
    // Partner staff invited to none of these meetings, and another municipality's officer.
    const partner = await signedIn(t.app, world.users.partnerStaff.login_id);
    const other = await createWorld(t.database.db);
    const otherOfficer = await signedIn(t.app, other.users.officer.login_id);
    for (const client of [partner, otherOfficer]) {
      const stats = ok(await client.get<MeetingStatistics>('/api/meetings/statistics'), 'stats');
      expect(stats).toMatchObject({ meetings: 0, cases: 0, casesPerMeeting: null });
    }
    const auditor = await signedIn(t.app, world.users.auditor.login_id);
    expect((await auditor.get('/api/meetings/statistics')).status).toBe(403);
  });
});
