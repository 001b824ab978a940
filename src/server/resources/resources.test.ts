import { beforeEach, describe, expect, it } from 'vitest';
import { signedIn, type TestClient } from '../test/client';
import { createWorld } from '../test/factories';
import { type TestApp, testApp } from '../test/test-app';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let worker: TestClient;
let districtId: string;

beforeEach(async () => {
  t = await testApp();
  world = await createWorld(t.database.db);
  worker = await signedIn(t.app, world.users.supportWorker.login_id);
  const district = await t.database.db
    .insertInto('district')
    .values({ municipality_id: world.municipality.id, name: '東地区', name_kana: 'ひがしちく' })
    .returning('id')
    .executeTakeFirstOrThrow();
  districtId = district.id;
});

type Resource = {
  id: string;
  name: string;
  category: string;
  serviceClass: string;
  formal: boolean;
  tags: string[];
  participationKinds: string[];
  archived: boolean;
  version: number;
  providerPartnerAgencyName: string | null;
  districtName: string | null;
  abilities: { update: boolean };
};
type List = { items: Resource[]; abilities: { create: boolean; import: boolean } };
type Report = {
  applied: boolean;
  created: number;
  updated: number;
  unchanged: number;
  rows: { row: number; name: string; action: string }[];
  problems: { row: number; column: string | null; message: string }[];
};

function ok<T>(res: { status: number; body: T; text: string }, what: string): T {
  if (res.status >= 300) throw new Error(`${what} failed: ${res.status} ${res.text}`);
  return res.body;
}

const cafe = {
  name: 'ひだまりカフェ',
  nameKana: 'ヒダマリカフェ',
  category: 'place',
  serviceClass: 'C',
  formal: false,
  providerName: 'NPO法人 ひだまり',
  description: '誰でも立ち寄れる居場所。月・水・金の午後に開いています。',
  capacity: '１５',
  area: '東地区',
  districtId: '',
  tags: ['居場所', '若者', ''],
  participationKinds: ['ibasho', 'volunteering'],
  isCommunityBase: true,
  coordinatorName: '森 ゆかり',
};

async function seedDirectory() {
  const made = {
    cafe: ok(await worker.post<Resource>('/api/social-resources', { ...cafe, districtId }), 'cafe'),
    farm: ok(
      await worker.post<Resource>('/api/social-resources', {
        name: 'みどり農園 就労体験',
        category: 'activity',
        serviceClass: 'A',
        formal: true,
        providerPartnerAgencyId: world.partner.id,
        tags: ['就労'],
        participationKinds: ['intermediate_work', 'work_experience'],
        accommodations: '短時間から。作業を細かく切り出し、一人で黙々とできる仕事を用意する。',
      }),
      'farm',
    ),
    pantry: ok(
      await worker.post<Resource>('/api/social-resources', {
        name: 'フードバンク架空',
        category: 'service',
        serviceClass: 'C',
        formal: false,
        area: '市内全域',
        tags: ['食料'],
      }),
      'pantry',
    ),
    guide: ok(
      await worker.post<Resource>('/api/social-resources', {
        name: '暮らしの制度ガイド',
        category: 'information',
        serviceClass: 'E',
        formal: true,
      }),
      'guide',
    ),
  };
  return made;
}

const names = (list: List) => list.items.map((r) => r.name);

describe('the social-resource directory', () => {
  it('keeps a resource with its category, class, provider, capacity, tags and places for participation', async () => {
    const created = await worker.post<Resource>('/api/social-resources', {
      ...cafe,
      districtId,
      providerPartnerAgencyId: world.partner.id,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'ひだまりカフェ',
      category: 'place',
      serviceClass: 'C',
      formal: false,
      capacity: 15,
      tags: ['居場所', '若者'],
      participationKinds: ['ibasho', 'volunteering'],
      isCommunityBase: true,
      coordinatorName: '森 ゆかり',
      districtName: '東地区',
      providerPartnerAgencyName: world.partner.name,
      version: 1,
      abilities: { update: true, archive: true },
    });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'subject_id', 'legal_basis'])
      .where('actor_user_id', '=', world.users.supportWorker.id)
      .where('action', 'like', 'social_resource.%')
      .execute();
    expect(audit).toEqual([
      {
        action: 'social_resource.create',
        subject_id: created.body.id,
        legal_basis: 'administration',
      },
    ]);
  });

  it('refuses a provider or district of another municipality, a duplicate name, and a wrong kind', async () => {
    const other = await createWorld(t.database.db);
    const foreign = await worker.post('/api/social-resources', {
      ...cafe,
      providerPartnerAgencyId: other.partner.id,
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body).toMatchObject({
      error: {
        fields: [
          {
            path: 'providerPartnerAgencyId',
            message: '選択された項目が見つかりません。選び直してください。',
          },
        ],
      },
    });
    ok(await worker.post('/api/social-resources', cafe), 'first');
    const duplicate = await worker.post('/api/social-resources', cafe);
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ error: { code: 'DUPLICATE_NAME' } });
    const wrong = await worker.post('/api/social-resources', {
      ...cafe,
      name: '別の名前',
      category: 'building',
      participationKinds: ['party'],
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({
      error: {
        fields: expect.arrayContaining([
          { path: 'category', message: '選択肢の中から選んでください。' },
          { path: 'participationKinds.0', message: '選択肢の中から選んでください。' },
        ]),
      },
    });
  });

  it('filters by category, class, formality, district, area, tag, kind of participation and community base', async () => {
    await seedDirectory();
    const list = async (query: string) =>
      ok(await worker.get<List>(`/api/social-resources?${query}`), query);
    expect(names(await list(''))).toEqual([
      'ひだまりカフェ',
      'みどり農園 就労体験',
      'フードバンク架空',
      '暮らしの制度ガイド',
    ]);
    expect(names(await list('category=activity'))).toEqual(['みどり農園 就労体験']);
    expect(names(await list('serviceClass=C'))).toEqual(['ひだまりカフェ', 'フードバンク架空']);
    expect(names(await list('formality=formal'))).toEqual([
      'みどり農園 就労体験',
      '暮らしの制度ガイド',
    ]);
    expect(names(await list(`districtId=${districtId}`))).toEqual(['ひだまりカフェ']);
    expect(names(await list(`area=${encodeURIComponent('全域')}`))).toEqual(['フードバンク架空']);
    expect(names(await list(`tag=${encodeURIComponent('食料')}`))).toEqual(['フードバンク架空']);
    expect(names(await list('participationKind=intermediate_work'))).toEqual([
      'みどり農園 就労体験',
    ]);
    expect(names(await list('communityBase=true'))).toEqual(['ひだまりカフェ']);
    expect(names(await list('category=place&participationKind=intermediate_work'))).toEqual([]);
    const tags = ok(await worker.get<{ items: string[] }>('/api/social-resources/tags'), 'tags');
    expect(tags.items).toEqual(expect.arrayContaining(['居場所', '若者', '就労', '食料']));
  });

  it('finds by text whatever the kana script or width, in the name, reading, description and accommodations', async () => {
    await seedDirectory();
    const search = async (q: string) =>
      names(ok(await worker.get<List>(`/api/social-resources?q=${encodeURIComponent(q)}`), q));
    expect(await search('ヒダマリ')).toEqual(['ひだまりカフェ']);
    expect(await search('ﾌｰﾄﾞﾊﾞﾝｸ')).toEqual(['フードバンク架空']);
    expect(await search('切り出し')).toEqual(['みどり農園 就労体験']);
    expect(await search('月・水')).toEqual(['ひだまりカフェ']);
    expect(await search('100%')).toEqual([]);
  });

  it('updates at the version read; a stale save answers 409 with the current resource', async () => {
    const { farm } = await seedDirectory();
    const body = {
      name: farm.name,
      category: 'activity',
      serviceClass: 'A',
      formal: true,
      capacity: 4,
      capacityNote: '1日あたり',
      tags: ['就労', '農業'],
      participationKinds: ['intermediate_work'],
    };
    const saved = await worker.put<Resource>(`/api/social-resources/${farm.id}`, {
      ...body,
      version: farm.version,
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: 2, capacity: 4, tags: ['就労', '農業'] });
    const stale = await worker.put(`/api/social-resources/${farm.id}`, {
      ...body,
      capacity: 6,
      version: farm.version,
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      error: { code: 'VERSION_CONFLICT', details: { current: { version: 2, capacity: 4 } } },
    });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'social_resource.update')
      .where('subject_id', '=', farm.id)
      .executeTakeFirstOrThrow();
    expect(audit.detail).toEqual({
      changed: expect.arrayContaining(['capacity', 'capacity_note', 'tags', 'participation_kinds']),
    });
  });

  it('archives a resource out of the list and back, at the version read', async () => {
    const { pantry } = await seedDirectory();
    const archived = ok(
      await worker.post<Resource>(`/api/social-resources/${pantry.id}/archive`, {
        version: pantry.version,
        archived: true,
      }),
      'archive',
    );
    expect(archived).toMatchObject({ archived: true, version: 2 });
    expect(names(ok(await worker.get<List>('/api/social-resources'), 'list'))).not.toContain(
      'フードバンク架空',
    );
    expect(
      names(ok(await worker.get<List>('/api/social-resources?includeArchived=true'), 'all')),
    ).toContain('フードバンク架空');
    const stale = await worker.post(`/api/social-resources/${pantry.id}/archive`, {
      version: 1,
      archived: false,
    });
    expect(stale.status).toBe(409);
    const restored = ok(
      await worker.post<Resource>(`/api/social-resources/${pantry.id}/archive`, {
        version: 2,
        archived: false,
      }),
      'restore',
    );
    expect(restored.archived).toBe(false);
  });

  it('is read by everyone with the directory, kept only by those who may; a refusal is audited', async () => {
    const { cafe: made } = await seedDirectory();
    const partner = await signedIn(t.app, world.users.partnerStaff.login_id);
    const read = ok(await partner.get<List>('/api/social-resources'), 'partner list');
    expect(read.items).toHaveLength(4);
    expect(read.abilities).toEqual({ create: false, import: false });
    expect(read.items[0]?.abilities.update).toBe(false);
    const refused = await partner.put(`/api/social-resources/${made.id}`, {
      ...cafe,
      version: made.version,
    });
    expect(refused.status).toBe(403);
    const denied = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'subject_id'])
      .where('actor_user_id', '=', world.users.partnerStaff.id)
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied).toEqual([{ action: 'socialResource.manage', subject_id: made.id }]);
    // Another municipality's resource does not exist for this one.
    const other = await createWorld(t.database.db);
    const stranger = await signedIn(t.app, other.users.supportWorker.login_id);
    expect((await stranger.get(`/api/social-resources/${made.id}`)).status).toBe(404);
    // Reading the directory is not a read of personal data: no row per read.
    const reads = await t.database.db
      .selectFrom('audit_log')
      .select('id')
      .where('actor_user_id', '=', world.users.partnerStaff.id)
      .where('outcome', '=', 'success')
      .where('action', 'like', 'social_resource.%')
      .execute();
    expect(reads).toEqual([]);
  });
});

describe('the directory as CSV', () => {
  it('exports the filtered list and imports it back as no change, in either language', async () => {
    await seedDirectory();
    for (const lang of ['ja', 'en'] as const) {
      worker.lang = lang;
      const csv = await worker.get('/api/social-resources/export.csv');
      expect(csv.headers.get('content-type')).toContain('text/csv');
      expect(csv.text.startsWith('\uFEFF')).toBe(true);
      const lines = csv.text.slice(1).split('\r\n');
      expect(lines[0]).toMatch(
        lang === 'ja' ? /^名称,ふりがな,種別,分類,/ : /^Name,Reading,Category,Class,/,
      );
      if (lang === 'ja') {
        expect(csv.text).toContain('ひだまりカフェ,ヒダマリカフェ,場,C,インフォーマル,');
        expect(csv.text).toContain('居場所、ボランティア');
      }
      const back = ok(
        await worker.post<Report>('/api/social-resources/import', { csv: csv.text, dryRun: false }),
        'import',
      );
      expect(back).toMatchObject({
        applied: true,
        created: 0,
        updated: 0,
        unchanged: 4,
        problems: [],
      });
    }
    const versions = await t.database.db
      .selectFrom('social_resource')
      .select('version')
      .where('municipality_id', '=', world.municipality.id)
      .execute();
    expect(versions.every((v) => v.version === 1)).toBe(true);
    const filtered = await worker.get('/api/social-resources/export.csv?category=service');
    expect(filtered.text.trim().split('\r\n')).toHaveLength(2);
    const audits = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('actor_user_id', '=', world.users.supportWorker.id)
      .where('action', 'in', ['social_resource.export', 'social_resource.import'])
      .execute();
    expect(audits).toHaveLength(5);
  });

  it('checks every row on a dry run, names the bad ones by row, column and reason, and writes nothing', async () => {
    await seedDirectory();
    const csv = [
      '名称,種別,分類,フォーマル・インフォーマル,提供機関,地区,定員,参加支援の種類,地域づくりの拠点,タグ',
      `子ども食堂 にじいろ,場,C,インフォーマル,,東地区,30,居場所、学習支援,○,子ども、食事`,
      `フードバンク架空,サービス,C,インフォーマル,${world.partner.name},,,,,食料`,
      '学習教室,場所,F,どちらでも,架空の機関,南地区,たくさん,塾,はい',
      ',人,A,フォーマル,,,,,,',
    ].join('\r\n');
    const before = await t.database.db.selectFrom('social_resource').selectAll().execute();
    const dry = ok(
      await worker.post<Report>('/api/social-resources/import', { csv, dryRun: true }),
      'dry run',
    );
    expect(dry.applied).toBe(false);
    expect(dry.rows).toEqual([
      { row: 2, name: '子ども食堂 にじいろ', action: 'create' },
      { row: 3, name: 'フードバンク架空', action: 'update' },
    ]);
    expect(dry.problems).toEqual([
      { row: 4, column: '種別', message: expect.stringMatching(/^「場所」は選択肢にありません。/) },
      { row: 4, column: '分類', message: expect.stringMatching(/^「F」は選択肢にありません。/) },
      {
        row: 4,
        column: 'フォーマル・インフォーマル',
        message:
          '「どちらでも」は選択肢にありません。「フォーマル」、「インフォーマル」のいずれかを入れてください。',
      },
      {
        row: 4,
        column: '提供機関',
        message: '関係機関一覧に「架空の機関」が見つかりません。関係機関の名称を確認してください。',
      },
      {
        row: 4,
        column: '地区',
        message: '地区「南地区」が見つかりません。自治体情報に登録された地区名を入れてください。',
      },
      {
        row: 4,
        column: '参加支援の種類',
        message: expect.stringMatching(/^「塾」は選択肢にありません。/),
      },
      { row: 4, column: '定員', message: '数字で入力してください。' },
      { row: 5, column: '名称', message: '入力してください。' },
    ]);
    expect(await t.database.db.selectFrom('social_resource').selectAll().execute()).toEqual(before);

    const good = csv.split('\r\n').slice(0, 3).join('\r\n');
    const applied = ok(
      await worker.post<Report>('/api/social-resources/import', { csv: good, dryRun: false }),
      'import',
    );
    expect(applied).toMatchObject({ applied: true, created: 1, updated: 1 });
    const made = ok(
      await worker.get<List>(`/api/social-resources?q=${encodeURIComponent('にじいろ')}`),
      'new',
    ).items[0];
    expect(made).toMatchObject({
      category: 'place',
      participationKinds: ['ibasho', 'learning_support'],
      isCommunityBase: true,
      districtName: '東地区',
      tags: ['子ども', '食事'],
    });
    const pantry = ok(
      await worker.get<List>(`/api/social-resources?q=${encodeURIComponent('フードバンク')}`),
      'pantry',
    ).items[0];
    // Named columns changed; the area, not in the file, kept.
    expect(pantry).toMatchObject({
      providerPartnerAgencyName: world.partner.name,
      area: '市内全域',
      version: 2,
    });
  });

  it('lets only those who keep the directory import', async () => {
    const auditor = await signedIn(t.app, world.users.auditor.login_id);
    const res = await auditor.post('/api/social-resources/import', {
      csv: '名称,種別,分類,フォーマル・インフォーマル\r\nx,場,C,フォーマル\r\n',
      dryRun: true,
    });
    expect(res.status).toBe(403);
  });
});
