import type { Kysely } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/schema';
import { getCaseView } from '../test/case-helpers';
import { signedIn, type TestClient } from '../test/client';
import {
  createMunicipality,
  createSupportAgency,
  createUser,
  createWorld,
} from '../test/factories';
import { type TestApp, testApp } from '../test/test-app';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let worker: TestClient;

beforeEach(async () => {
  t = await testApp();
  world = await createWorld(t.database.db);
  worker = await signedIn(t.app, world.users.supportWorker.login_id);
});

function ok<T>(res: { status: number; body: T; text: string }, what: string): T {
  if (res.status >= 300) throw new Error(`${what} failed: ${res.status} ${res.text}`);
  return res.body;
}

async function base(
  db: Kysely<Database>,
  municipalityId: string,
  overrides: Partial<{ name: string; isBase: boolean }> = {},
) {
  return db
    .insertInto('social_resource')
    .values({
      municipality_id: municipalityId,
      name: overrides.name ?? `北町ふれあいサロン${Math.random().toString(36).slice(2, 8)}`,
      category: 'place',
      service_class: 'C',
      formal: false,
      is_community_base: overrides.isBase ?? true,
      coordinator_name: '架空 花子（生活支援コーディネーター）',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

type Activity = { id: string; version: number; coordinatorName: string | null };
type Issue = {
  id: string;
  version: number;
  status: string;
  passedTo: string | null;
  partnerAgencyId: string | null;
  caseId: string | null;
  actions: string[];
};
type View = {
  bases: {
    id: string;
    name: string;
    coordinatorName: string | null;
    activities: Activity[];
    issues: (Issue & { caseNumber: string | null })[];
  }[];
  abilities: { createLead: boolean };
};
type ErrorBody = { error: { code: string; fields?: { path: string; message: string }[] } };

async function salonWithIssue(client = worker) {
  const salon = await base(t.database.db, world.municipality.id, { name: '北町ふれあいサロン' });
  const activity = ok(
    await client.post<Activity>('/api/community/activities', {
      baseId: salon.id,
      name: '火曜の茶話会',
      kind: 'cafe',
      schedule: '毎週火曜 10時〜12時',
      participantsCount: '１５',
    }),
    'activity',
  );
  const issue = ok(
    await client.post<Issue>('/api/community/issues', {
      baseId: salon.id,
      activityId: activity.id,
      noticedOn: '2026-03-10',
      description:
        '毎週来ていた70代の男性が1か月来ていない。近所の人によると、新聞がたまっている。',
    }),
    'issue',
  );
  return { salon, activity, issue };
}

describe('community bases, their activities and the issues noticed there', () => {
  it('records an activity with the base coordinator, and passes an issue to a specialist agency', async () => {
    const { salon, activity, issue } = await salonWithIssue();
    expect(activity.coordinatorName).toBe('架空 花子（生活支援コーディネーター）');
    expect(issue).toMatchObject({ status: 'open', actions: ['pass', 'close'] });

    const noPartner = await worker.post<ErrorBody>(`/api/community/issues/${issue.id}/pass`, {
      version: issue.version,
      to: 'partner_agency',
      passedOn: '2026-03-11',
    });
    expect(noPartner.body.error.fields).toEqual([
      { path: 'partnerAgencyId', message: '選択してください。' },
    ]);
    const passed = ok(
      await worker.post<Issue>(`/api/community/issues/${issue.id}/pass`, {
        version: issue.version,
        to: 'partner_agency',
        partnerAgencyId: world.partner.id,
        passedOn: '2026-03-11',
        note: '地域包括支援センターに訪問を依頼。',
      }),
      'pass',
    );
    expect(passed).toMatchObject({
      status: 'passed',
      passedTo: 'partner_agency',
      partnerAgencyId: world.partner.id,
      caseId: null,
      actions: ['close'],
    });
    const again = await worker.post<ErrorBody>(`/api/community/issues/${issue.id}/pass`, {
      version: passed.version,
      to: 'partner_agency',
      partnerAgencyId: world.partner.id,
      passedOn: '2026-03-12',
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('STEP_NOT_ALLOWED');
    const stale = await worker.post(`/api/community/issues/${issue.id}/close`, {
      version: issue.version,
      closedOn: '2026-03-20',
    });
    expect(stale.status).toBe(409);
    const closed = ok(
      await worker.post<Issue>(`/api/community/issues/${issue.id}/close`, {
        version: passed.version,
        closedOn: '2026-03-20',
        note: '包括の訪問で、入院していたことが分かった。退院後はサロンに戻る予定。',
      }),
      'close',
    );
    expect(closed).toMatchObject({ status: 'closed', actions: [] });

    const view = ok(await worker.get<View>('/api/community'), 'view');
    const shown = view.bases.find((b) => b.id === salon.id);
    expect(shown?.activities.map((a) => a.id)).toEqual([activity.id]);
    expect(shown?.issues.map((i) => i.status)).toEqual(['closed']);
    expect(view.abilities.createLead).toBe(true);
  });

  it('passes an issue to the support agency as a lead: a detected case whose source names the base', async () => {
    const { issue } = await salonWithIssue();
    const noName = await worker.post<ErrorBody>(`/api/community/issues/${issue.id}/pass`, {
      version: issue.version,
      to: 'support_agency',
      passedOn: '2026-03-11',
    });
    expect(noName.body.error.fields).toEqual([
      { path: 'person.name', message: '入力してください。' },
    ]);
    const passed = ok(
      await worker.post<Issue>(`/api/community/issues/${issue.id}/pass`, {
        version: issue.version,
        to: 'support_agency',
        passedOn: '2026-03-11',
        note: 'コーディネーターから電話で相談。',
        person: { name: '架空 正男', sex: 'male' },
        approachPlan: 'コーディネーターと一緒に訪問する。',
      }),
      'pass as lead',
    );
    expect(passed).toMatchObject({ status: 'passed', passedTo: 'support_agency' });
    expect(passed.caseId).toMatch(/^[0-9a-f-]{36}$/);

    const lead = (await getCaseView(worker, passed.caseId ?? '')) as unknown as {
      case: { status: string; openedOn: string; personId: string };
      detection: { source: string; sourceDetail: string; signs: string; approachPlan: string };
    };
    expect(lead.case).toMatchObject({ status: 'detected', openedOn: '2026-03-11' });
    expect(lead.detection).toEqual(
      expect.objectContaining({
        source: 'other',
        sourceDetail: '地域づくりの拠点「北町ふれあいサロン」の「火曜の茶話会」で把握',
        signs:
          '毎週来ていた70代の男性が1か月来ていない。近所の人によると、新聞がたまっている。\nコーディネーターから電話で相談。',
        approachPlan: 'コーディネーターと一緒に訪問する。',
      }),
    );
    const view = ok(await worker.get<View>('/api/community'), 'view');
    const shown = view.bases.flatMap((b) => b.issues).find((i) => i.id === issue.id);
    expect(shown?.caseNumber).toMatch(/^\d{4}-\d{5}$/);
    // Another agency's worker sees the issue was passed, but not which case it became.
    const otherAgency = await createSupportAgency(t.database.db, world.municipality.id);
    const otherWorker = await createUser(t.database.db, {
      municipalityId: world.municipality.id,
      roles: ['support_worker'],
      supportAgencyId: otherAgency.id,
    });
    const other = await signedIn(t.app, otherWorker.login_id);
    const theirs = ok(await other.get<View>('/api/community'), 'other view')
      .bases.flatMap((b) => b.issues)
      .find((i) => i.id === issue.id);
    expect(theirs).toMatchObject({ status: 'passed', caseId: null, caseNumber: null });

    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'person_id'])
      .where('actor_user_id', '=', world.users.supportWorker.id)
      .where('action', 'in', ['detection.create', 'community_issue.pass'])
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      { action: 'detection.create', person_id: lead.case.personId },
      { action: 'community_issue.pass', person_id: lead.case.personId },
    ]);
  });

  it('keeps activities and issues to the bases of the municipality', async () => {
    const notABase = await base(t.database.db, world.municipality.id, { isBase: false });
    const res = await worker.post<ErrorBody>('/api/community/activities', {
      baseId: notABase.id,
      name: '体操',
      kind: 'exercise',
      heldOn: '2026-03-01',
    });
    expect(res.body.error.fields?.[0]?.path).toBe('baseId');
    const elsewhere = await createMunicipality(t.database.db);
    const foreign = await base(t.database.db, elsewhere.id);
    expect(
      (
        await worker.post('/api/community/issues', {
          baseId: foreign.id,
          noticedOn: '2026-03-01',
          description: '…',
        })
      ).status,
    ).toBe(400);

    const { salon, activity } = await salonWithIssue();
    const noWhen = await worker.post<ErrorBody>('/api/community/activities', {
      baseId: salon.id,
      name: '夏祭り',
      kind: 'event',
    });
    expect(noWhen.body.error.fields).toEqual([
      {
        path: 'schedule',
        message:
          '定期の活動は日程（例：毎週火曜 10時〜12時）を、1回限りの活動は開催日を入力してください。',
      },
    ]);
    const other = await base(t.database.db, world.municipality.id);
    const wrongActivity = await worker.post<ErrorBody>('/api/community/issues', {
      baseId: other.id,
      activityId: activity.id,
      noticedOn: '2026-03-01',
      description: '…',
    });
    expect(wrongActivity.body.error.fields?.[0]?.path).toBe('activityId');
  });
});

describe('who may keep community work', () => {
  it('refuses partner staff and administrators (403, audited); the municipality passes to agencies but opens no lead', async () => {
    const { issue } = await salonWithIssue();
    for (const user of [world.users.partnerStaff, world.users.admin]) {
      const client = await signedIn(t.app, user.login_id);
      expect((await client.get('/api/community')).status).toBe(403);
      expect(
        (
          await client.post(`/api/community/issues/${issue.id}/close`, {
            version: issue.version,
            closedOn: '2026-03-20',
          })
        ).status,
      ).toBe(403);
    }
    const officer = await signedIn(t.app, world.users.officer.login_id);
    const view = ok(await officer.get<View>('/api/community'), 'officer view');
    expect(view.abilities.createLead).toBe(false);
    const lead = await officer.post(`/api/community/issues/${issue.id}/pass`, {
      version: issue.version,
      to: 'support_agency',
      passedOn: '2026-03-11',
      person: { name: '架空 正男' },
    });
    expect(lead.status).toBe(403);
    // Nothing of the refused step stays behind.
    const row = await t.database.db
      .selectFrom('community_issue')
      .select(['status', 'case_id'])
      .where('id', '=', issue.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'open', case_id: null });
    const passed = ok(
      await officer.post<Issue>(`/api/community/issues/${issue.id}/pass`, {
        version: issue.version,
        to: 'partner_agency',
        partnerAgencyId: world.partner.id,
        passedOn: '2026-03-11',
      }),
      'officer pass',
    );
    expect(passed.status).toBe('passed');

    const denied = await t.database.db
      .selectFrom('audit_log')
      .select(['actor_user_id', 'action'])
      .where('outcome', '=', 'denied')
      .where('municipality_id', '=', world.municipality.id)
      .orderBy('id')
      .execute();
    expect(denied).toEqual([
      { actor_user_id: world.users.partnerStaff.id, action: 'community.manage' },
      { actor_user_id: world.users.partnerStaff.id, action: 'community.manage' },
      { actor_user_id: world.users.admin.id, action: 'community.manage' },
      { actor_user_id: world.users.admin.id, action: 'community.manage' },
      { actor_user_id: world.users.officer.id, action: 'case.create' },
    ]);
  });
});
