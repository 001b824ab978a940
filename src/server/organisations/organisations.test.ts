import { beforeEach, describe, expect, it } from 'vitest';
import { signedIn, type TestClient } from '../test/client';
import { createPartnerAgency, createWorld } from '../test/factories';
import { type TestApp, testApp } from '../test/test-app';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let admin: TestClient;

beforeEach(async () => {
  t = await testApp();
  world = await createWorld(t.database.db);
  admin = await signedIn(t.app, world.users.admin.login_id);
});

type Municipality = {
  version: number;
  name: string;
  population: number;
  populationAsOf: string | null;
};

describe('municipality', () => {
  it('updates the basics, taking a 和暦 date and full-width digits, and audits the change by field name', async () => {
    const before = await admin.get<Municipality>('/api/municipality');
    const res = await admin.put<Municipality>('/api/municipality', {
      version: before.body.version,
      code: '',
      name: '架空町',
      nameKana: 'カクウチョウ',
      prefecture: '架空県',
      kind: 'town_village',
      population: '１２，３４５',
      populationAsOf: '令和7年4月1日',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      name: '架空町',
      population: 12345,
      populationAsOf: '2025-04-01',
      version: before.body.version + 1,
    });
    const row = await t.database.db
      .selectFrom('audit_log')
      .select('detail')
      .where('actor_user_id', '=', world.users.admin.id)
      .where('action', '=', 'municipality.update')
      .executeTakeFirstOrThrow();
    expect(row.detail).toEqual({
      changed: expect.arrayContaining(['name', 'kind', 'population', 'population_as_of']),
    });
    expect(JSON.stringify(row.detail)).not.toContain('架空町');
  });

  it('names each invalid field in Japanese, or in English when asked', async () => {
    const before = await admin.get<Municipality>('/api/municipality');
    const body = {
      version: before.body.version,
      name: '',
      nameKana: 'kakuu',
      prefecture: '架空県',
      kind: 'village',
      population: 'many',
      populationAsOf: '令和1年4月1日',
    };
    const res = await admin.put<{
      error: { code: string; fields: { path: string; message: string }[] };
    }>('/api/municipality', body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(Object.fromEntries(res.body.error.fields.map((f) => [f.path, f.message]))).toEqual({
      name: '入力してください。',
      nameKana: 'ふりがなは、ひらがなまたはカタカナで入力してください。',
      kind: '選択肢の中から選んでください。',
      population: '数字で入力してください。',
      populationAsOf: '日付を正しく入力してください（例：2025-04-01、令和7年4月1日、R7.4.1）。',
    });
    admin.lang = 'en';
    const english = await admin.put<{
      error: { message: string; fields: { path: string; message: string }[] };
    }>('/api/municipality', body);
    expect(english.body.error.message).toMatch(/^Some entries need correcting/);
    expect(english.body.error.fields.find((f) => f.path === 'name')?.message).toBe(
      'Please fill in this field.',
    );
  });

  it('refuses a stale save with 409 and the current version, so neither edit is lost', async () => {
    const other = await signedIn(t.app, world.users.admin.login_id);
    const loaded = await admin.get<Municipality>('/api/municipality');
    const base = {
      version: loaded.body.version,
      code: null,
      nameKana: 'てすとし',
      prefecture: '架空県',
      kind: 'city',
      population: 100000,
      populationAsOf: null,
    };
    const first = await other.put('/api/municipality', { ...base, name: '先に保存した名前' });
    expect(first.status).toBe(200);
    const second = await admin.put<{ error: { code: string; details: { current: Municipality } } }>(
      '/api/municipality',
      { ...base, name: '後から保存した名前' },
    );
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('VERSION_CONFLICT');
    expect(second.body.error.details.current).toMatchObject({
      name: '先に保存した名前',
      version: loaded.body.version + 1,
    });
    const retry = await admin.put<Municipality>('/api/municipality', {
      ...base,
      name: '後から保存した名前',
      version: second.body.error.details.current.version,
    });
    expect(retry.status).toBe(200);
    expect(retry.body.name).toBe('後から保存した名前');
  });

  it('adds, renames and removes districts; a duplicate name is refused on its field', async () => {
    const added = await admin.post<{ id: string; version: number }>('/api/municipality/districts', {
      name: '南地区',
      nameKana: 'みなみちく',
    });
    expect(added.status).toBe(201);
    const dup = await admin.post('/api/municipality/districts', { name: '南地区' });
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({
      error: {
        code: 'DUPLICATE_NAME',
        fields: [{ path: 'name', message: '同じ名称がすでに登録されています。' }],
      },
    });
    const renamed = await admin.put<{ name: string }>(
      `/api/municipality/districts/${added.body.id}`,
      {
        name: '南部地区',
        version: added.body.version,
      },
    );
    expect(renamed.body.name).toBe('南部地区');
    expect((await admin.delete(`/api/municipality/districts/${added.body.id}`)).status).toBe(200);
    const m = await admin.get<{ districts: { name: string }[] }>('/api/municipality');
    expect(m.body.districts.map((d) => d.name)).not.toContain('南部地区');
  });
});

describe('support agencies', () => {
  it('registers a commissioned agency with its contractor and sites, and edits the sites in place', async () => {
    const created = await admin.post<{
      id: string;
      version: number;
      sites: { id: string; name: string }[];
    }>('/api/support-agencies', {
      name: 'くらし相談センター',
      operation: 'commissioned',
      contractorName: 'NPO法人 つなぐ会',
      contractorKind: 'npo',
      contractStart: 'R7.4.1',
      contractEnd: '2026-03-31',
      phone: '０１２０－１２３－４５６',
      sites: [
        { name: '本所', postalCode: '1000001', openingHours: '平日 9時〜17時' },
        { name: '出張窓口', isOutreachDesk: true },
      ],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      contractStart: '2025-04-01',
      phone: '0120-123-456',
      sites: [
        { name: '本所', postalCode: '100-0001' },
        { name: '出張窓口', isOutreachDesk: true },
      ],
    });
    const [main, desk] = created.body.sites;
    const updated = await admin.put<{ sites: { id: string; name: string }[] }>(
      `/api/support-agencies/${created.body.id}`,
      {
        version: created.body.version,
        name: 'くらし相談センター',
        operation: 'commissioned',
        contractorName: 'NPO法人 つなぐ会',
        // the two desks swap names; the first keeps its id
        sites: [
          { id: main?.id, name: '出張窓口' },
          { id: desk?.id, name: '本所' },
          { name: '新しい窓口' },
        ],
      },
    );
    expect(updated.status).toBe(200);
    expect(updated.body.sites.map((s) => [s.id === main?.id, s.id === desk?.id, s.name])).toEqual([
      [true, false, '出張窓口'],
      [false, true, '本所'],
      [false, false, '新しい窓口'],
    ]);
  });

  it('requires a contractor for a commissioned agency and refuses one for a direct agency', async () => {
    const missing = await admin.post('/api/support-agencies', {
      name: '委託先なし',
      operation: 'commissioned',
    });
    expect(missing.body).toMatchObject({
      error: {
        fields: [
          { path: 'contractorName', message: '委託の場合は、受託法人名を入力してください。' },
        ],
      },
    });
    const extra = await admin.post('/api/support-agencies', {
      name: '直営なのに受託法人',
      operation: 'direct',
      contractorName: '何某',
    });
    expect(extra.status).toBe(400);
  });
});

describe('partner agencies', () => {
  it('finds a partner by partial kana in either script or by kanji, filters by field, sorts and exports', async () => {
    await createPartnerAgency(t.database.db, world.municipality.id, {
      name: '中央地域包括支援センター',
      name_kana: 'ちゅうおうちいきほうかつしえんせんたー',
      field: 'care',
    });
    await createPartnerAgency(t.database.db, world.municipality.id, {
      name: 'ハローワーク南',
      name_kana: 'ハローワークミナミ',
      field: 'employment',
    });
    const byKatakana = await admin.get<{ items: { name: string }[] }>(
      `/api/partner-agencies?q=${encodeURIComponent('ホウカツ')}`,
    );
    expect(byKatakana.body.items.map((p) => p.name)).toEqual(['中央地域包括支援センター']);
    const byHalfWidth = await admin.get<{ items: { name: string }[] }>(
      `/api/partner-agencies?q=${encodeURIComponent('ﾊﾛｰﾜｰｸ')}`,
    );
    expect(byHalfWidth.body.items.map((p) => p.name)).toEqual(['ハローワーク南']);
    const byKanji = await admin.get<{ items: { name: string }[] }>(
      `/api/partner-agencies?q=${encodeURIComponent('包括')}`,
    );
    expect(byKanji.body.items).toHaveLength(1);
    const byField = await admin.get<{ items: { field: string }[] }>(
      '/api/partner-agencies?field=employment',
    );
    expect(byField.body.items.every((p) => p.field === 'employment')).toBe(true);

    const csv = await admin.get('/api/partner-agencies/export.csv?field=employment');
    const lines = csv.text.slice(1).split('\r\n').filter(Boolean);
    expect(lines[0]).toMatch(/^名称,ふりがな,分野,/);
    expect(lines[1]).toMatch(/^ハローワーク南,ハローワークミナミ,就労,/);
  });

  it('archives a partner: it leaves the list unless asked for', async () => {
    const created = await admin.post<{ id: string; version: number }>('/api/partner-agencies', {
      name: '廃止予定の機関',
      field: 'other',
    });
    await admin.put(`/api/partner-agencies/${created.body.id}`, {
      version: created.body.version,
      name: '廃止予定の機関',
      field: 'other',
      archived: true,
    });
    const visible = await admin.get<{ items: { id: string }[] }>('/api/partner-agencies');
    expect(visible.body.items.map((p) => p.id)).not.toContain(created.body.id);
    const all = await admin.get<{ items: { id: string; archived: boolean }[] }>(
      '/api/partner-agencies?includeArchived=true',
    );
    expect(all.body.items.find((p) => p.id === created.body.id)?.archived).toBe(true);
  });

  it('keeps a formula out of the CSV export', async () => {
    await admin.post('/api/partner-agencies', { name: '=HYPERLINK("x")', field: 'other' });
    const csv = await admin.get('/api/partner-agencies/export.csv');
    expect(csv.text).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
