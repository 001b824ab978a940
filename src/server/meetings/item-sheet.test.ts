import { beforeEach, describe, expect, it } from 'vitest';
import {
  createSupportMeeting,
  getCaseView,
  openIntakeCase,
  planStep,
  toPlanning,
  writePlan,
} from '../test/case-helpers';
import { signedIn, type TestClient } from '../test/client';
import { createUser, createWorld } from '../test/factories';
import { type TestApp, testApp } from '../test/test-app';
import type { ItemSheet } from './item-sheet';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let worker: TestClient;
let officer: TestClient;
let chief: TestClient;

beforeEach(async () => {
  t = await testApp();
  world = await createWorld(t.database.db);
  worker = await signedIn(t.app, world.users.supportWorker.login_id);
  officer = await signedIn(t.app, world.users.officer.login_id);
  chief = await signedIn(t.app, world.users.chief.login_id);
});

function ok<T>(res: { status: number; body: T; text: string }, what: string): T {
  if (res.status >= 300) throw new Error(`${what} failed: ${res.status} ${res.text}`);
  return res.body;
}

const person = {
  name: '架空 一郎',
  nameKana: 'かくう いちろう',
  sex: 'male',
  birthDate: 'S55.3.2',
  phoneMobile: '090-0000-1234',
  postalCode: '100-0001',
  addressCity: '架空市',
  addressStreet: '東町1-2-3',
};

/** Two contacts: an interview, then what the tax office told about arrears (tax-marked). */
async function recordContacts(caseId: string) {
  ok(
    await worker.post(`/api/cases/${caseId}/contacts`, {
      occurredAt: '2026-04-05T10:00',
      mode: 'interview',
      summary: '求職活動の状況を確認した。',
    }),
    'contact',
  );
  ok(
    await worker.post(`/api/cases/${caseId}/contacts`, {
      occurredAt: '2026-04-08T14:00',
      mode: 'partner_liaison',
      summary: '住民税の滞納が3年分あると税務課から回答。',
      taxInformation: true,
    }),
    'tax contact',
  );
}

async function sheetAuditRows(userId: string) {
  return t.database.db
    .selectFrom('audit_log')
    .selectAll()
    .where('actor_user_id', '=', userId)
    .where('action', '=', 'meeting_item.sheet')
    .orderBy('id')
    .execute();
}

describe('the meeting sheet at a 支援調整会議', () => {
  it('carries the name, age, topics, plan and latest contacts within the consent — no birth date, address or phone', async () => {
    const series = ok(
      await chief.post<{ id: string }>('/api/meeting-series', {
        type: 'coordination',
        name: '架空市支援調整会議',
        hostAgencyId: world.agency.id,
        pattern: 'ad_hoc',
        defaultStart: '9:00',
        place: '市役所 第3会議室',
      }),
      'series',
    );
    for (const member of [
      { tier: 'core', userId: world.users.officer.id },
      { tier: 'core', userId: world.users.chief.id },
      { tier: 'full', partnerAgencyId: world.partner.id },
    ]) {
      ok(await chief.post(`/api/meeting-series/${series.id}/members`, member), 'member');
    }
    const meeting = ok(
      await chief.post<{ id: string }>('/api/meetings', {
        seriesId: series.id,
        heldOn: 'R8.5.21',
        tier: 'full',
      }),
      'meeting',
    );
    const { case: kase, planId } = await toPlanning(worker, person);
    await writePlan(worker, kase.id, planId);
    await planStep(worker, kase.id, planId, 'submit');
    await recordContacts(kase.id);
    type Contacts = { contacts: { id: string; version: number; taxInformation: boolean }[] };
    const view = (await getCaseView(worker, kase.id)) as unknown as Contacts;
    expect(view.contacts.map((c) => c.taxInformation)).toEqual([true, false]);
    // An edit from a form that does not show the mark keeps it.
    const taxed = view.contacts[0];
    ok(
      await worker.put(`/api/cases/${kase.id}/contacts/${taxed?.id}`, {
        version: taxed?.version,
        contact: {
          occurredAt: '2026-04-08T14:00',
          mode: 'partner_liaison',
          summary: '住民税の滞納が3年分あると税務課から回答。',
        },
      }),
      'contact edit',
    );
    const edited = (await getCaseView(worker, kase.id)) as unknown as Contacts;
    expect(edited.contacts.map((c) => [c.taxInformation, c.version])).toEqual([
      [true, 2],
      [false, 1],
    ]);

    const item = ok(
      await chief.post<{ id: string; basis: string }>(`/api/meetings/${meeting.id}/items`, {
        caseId: kase.id,
        summary: '求職中。住民税の滞納あり。',
        summaryTaxInformation: true,
      }),
      'item',
    );
    expect(item.basis).toBe('consent');

    const res = await chief.get<ItemSheet>(`/api/meetings/${meeting.id}/items/${item.id}/sheet`);
    expect(res.status).toBe(200);
    const sheet = res.body;
    expect(sheet.meeting).toEqual({
      heldOn: '2026-05-21',
      startsAt: '09:00',
      place: '市役所 第3会議室',
      bodyName: '架空市支援調整会議',
      bodyType: 'coordination',
      confidentialityNotice: null,
    });
    expect(sheet.item).toMatchObject({
      kind: 'new_plan',
      basis: 'consent',
      start: '09:00',
      end: '09:30',
      summary: '求職中。住民税の滞納あり。',
      summaryWithheld: false,
    });
    expect(sheet.item.reporterName).toBeTruthy();
    expect(sheet.person).toEqual({ name: '架空 一郎', nameKana: 'かくう いちろう', age: 46 });
    expect(sheet.case).toMatchObject({
      caseNumber: kase.caseNumber,
      topics: ['income', 'job_search'],
      mainTopic: 'job_search',
      issues: { domains: [{ domain: 'work', issues: '就職活動の方法が分からない' }] },
    });
    expect(sheet.plan?.goals).toEqual([
      { goal: 'ハローワークで求職登録をする', indicator: '登録の完了' },
    ]);
    expect(sheet.plan?.services).toMatchObject([
      { content: '就職相談・求人紹介', provider: 'ハローワーク架空', serviceClass: 'B' },
    ]);
    // At a body resting on consent, what the worker learnt from the tax office stays in.
    expect(sheet.contacts.map((c) => c.summary)).toEqual([
      '住民税の滞納が3年分あると税務課から回答。',
      '求職活動の状況を確認した。',
    ]);
    expect(sheet.withheldTaxRecords).toBe(0);

    // Nothing the meeting does not need: not the birth date, the address, the phone.
    for (const absent of ['1980-03-02', '090-0000-1234', '東町1-2-3', '100-0001', 'birth']) {
      expect(res.text).not.toContain(absent);
    }
    expect(await sheetAuditRows(world.users.chief.id)).toMatchObject([
      { outcome: 'success', legal_basis: 'own_case', person_ids: [kase.personId] },
    ]);
  });
});

describe('the meeting sheet at a 支援会議', () => {
  async function supportMeeting() {
    const { seriesId, meetingId } = await createSupportMeeting(officer, {
      officerId: world.users.officer.id,
      agencyId: world.agency.id,
    });
    // A consultation continued without a consent: the law is the basis here.
    const kase = await openIntakeCase(worker, person);
    ok(
      await worker.post(`/api/cases/${kase.id}/triage`, {
        version: kase.version,
        outcome: 'continue',
      }),
      'triage',
    );
    await recordContacts(kase.id);
    return { seriesId, meetingId, kase };
  }

  it('withholds the tax-marked contact, and refuses a summary marked as tax information', async () => {
    const { seriesId, meetingId, kase } = await supportMeeting();
    const refused = await worker.post(`/api/meetings/${meetingId}/items`, {
      caseId: kase.id,
      summary: '住民税の滞納あり。',
      summaryTaxInformation: true,
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      error: {
        code: 'VALIDATION_FAILED',
        fields: [
          {
            path: 'summaryTaxInformation',
            message:
              '支援会議では税情報を共有できません（地方税法第22条）。税情報を含まない内容にしてください。',
          },
        ],
      },
    });
    const item = ok(
      await worker.post<{ id: string; version: number; basis: string }>(
        `/api/meetings/${meetingId}/items`,
        { caseId: kase.id, summary: '求職中。生活費が不足。' },
      ),
      'item',
    );
    expect(item.basis).toBe('law');
    // Marking it afterwards is refused the same way.
    const marked = await worker.put(`/api/meetings/${meetingId}/items/${item.id}`, {
      version: item.version,
      position: 1,
      minutes: 30,
      summary: '住民税の滞納あり。',
      summaryTaxInformation: true,
    });
    expect(marked.status).toBe(400);
    expect(marked.body).toMatchObject({ error: { fields: [{ path: 'summaryTaxInformation' }] } });

    ok(await worker.post(`/api/meeting-series/${seriesId}/acknowledgement`, {}), 'acknowledge');
    const res = await worker.get<ItemSheet>(`/api/meetings/${meetingId}/items/${item.id}/sheet`);
    expect(res.status).toBe(200);
    expect(res.body.meeting.confidentialityNotice?.ja).toContain('守秘義務');
    expect(res.body.item).toMatchObject({ basis: 'law', summary: '求職中。生活費が不足。' });
    expect(res.body.contacts).toEqual([
      { occurredAt: expect.any(String), mode: 'interview', summary: '求職活動の状況を確認した。' },
    ]);
    expect(res.body.withheldTaxRecords).toBe(1);
    expect(res.text).not.toContain('滞納');
    expect(await sheetAuditRows(world.users.supportWorker.id)).toMatchObject([
      {
        outcome: 'success',
        legal_basis: 'support_meeting',
        legal_basis_ref: meetingId,
        person_ids: [kase.personId],
      },
    ]);
  });

  it('refuses a non-member with 403 and an audit row', async () => {
    const { meetingId, kase } = await supportMeeting();
    const item = ok(
      await worker.post<{ id: string }>(`/api/meetings/${meetingId}/items`, { caseId: kase.id }),
      'item',
    );
    const outsider = await createUser(t.database.db, {
      municipalityId: world.municipality.id,
      roles: ['municipal_officer'],
    });
    const client = await signedIn(t.app, outsider.login_id);
    const res = await client.get(`/api/meetings/${meetingId}/items/${item.id}/sheet`);
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: { code: 'MEETING_NOT_MEMBER' } });
    expect(res.text).not.toContain('架空 一郎');
    expect(await sheetAuditRows(outsider.id)).toMatchObject([
      {
        outcome: 'denied',
        reason: 'MEETING_NOT_MEMBER',
        subject_id: item.id,
        person_id: kase.personId,
      },
    ]);
  });
});
