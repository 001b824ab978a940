import { beforeEach, describe, expect, it } from 'vitest';
import { signedIn, type TestClient } from '../test/client';
import { createPartnerAgency, createWorld } from '../test/factories';
import { type TestApp, testApp } from '../test/test-app';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let chief: TestClient;

beforeEach(async () => {
  t = await testApp();
  world = await createWorld(t.database.db);
  chief = await signedIn(t.app, world.users.chief.login_id);
});

type Report = {
  dryRun: boolean;
  applied: boolean;
  created: number;
  updated: number;
  unchanged: number;
  rows: { row: number; name: string; action: string }[];
  problems: { row: number; column: string | null; message: string }[];
};

async function partnersOf() {
  return t.database.db
    .selectFrom('partner_agency')
    .selectAll()
    .where('municipality_id', '=', world.municipality.id)
    .orderBy('name')
    .execute();
}

const header =
  '名称,ふりがな,分野,根拠法令,担当地域,主な支援内容,受付時間,つなぎ方,郵便番号,所在地,電話番号,FAX,メール,連絡担当者,役職,担当者電話,備考,状態';

describe('importing the partner directory from CSV', () => {
  it('reads its own export back as no change at all, in Japanese or English, with or without BOM', async () => {
    const created = await chief.post<{ id: string }>('/api/partner-agencies', {
      name: '架空市基幹相談支援センター',
      nameKana: 'かくうしきかんそうだんしえんせんたー',
      field: 'disability',
      legalBasis: '障害者総合支援法第77条の2',
      area: '市内全域',
      services: '障害のある方の総合相談、\n地域移行の支援',
      openingHours: '平日 8:30〜17:15',
      howToRefer: '電話で概要を伝え、「つなぎシート」をFAX',
      postalCode: '1230001',
      phone: '0120-000-111',
      liaisonName: '中野 浩',
      notes: '=SUM(A1) のような値も、そのまま戻る',
    });
    expect(created.status).toBe(201);
    await createPartnerAgency(t.database.db, world.municipality.id, {
      name: '廃止した機関, 旧',
      field: 'other',
    });
    await t.database.db
      .updateTable('partner_agency')
      .set({ archived_at: new Date() })
      .where('name', '=', '廃止した機関, 旧')
      .execute();
    const before = await partnersOf();

    for (const lang of ['ja', 'en'] as const) {
      chief.lang = lang;
      const csv = (await chief.get('/api/partner-agencies/export.csv?includeArchived=true')).text;
      expect(csv.startsWith('\uFEFF')).toBe(true);
      for (const text of [csv, csv.slice(1)]) {
        const res = await chief.post<Report>('/api/partner-agencies/import', {
          csv: text,
          dryRun: false,
        });
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({
          applied: true,
          created: 0,
          updated: 0,
          unchanged: before.length,
          problems: [],
        });
      }
    }
    const after = await partnersOf();
    expect(
      after.map((p) => [p.name, p.version, p.services, p.notes, p.archived_at !== null]),
    ).toEqual(before.map((p) => [p.name, p.version, p.services, p.notes, p.archived_at !== null]));
    const audits = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('actor_user_id', '=', world.users.chief.id)
      .where('action', '=', 'partner_agency.import')
      .execute();
    expect(audits).toHaveLength(4);
    expect(audits[0]?.detail).toMatchObject({ created: [], updated: [] });
  });

  it('answers a dry run with what it would create and update, and writes nothing', async () => {
    await createPartnerAgency(t.database.db, world.municipality.id, {
      name: 'ハローワーク架空',
      field: 'employment',
    });
    const before = await partnersOf();
    const csv = [
      '名称,分野,受付時間,つなぎ方',
      'ハローワーク架空,就労,平日 8:30〜17:15,専門援助部門へ電話予約',
      '架空市こども家庭センター,子ども,平日 9:00〜17:00,',
    ].join('\r\n');
    const res = await chief.post<Report>('/api/partner-agencies/import', { csv, dryRun: true });
    expect(res.body).toMatchObject({
      dryRun: true,
      applied: false,
      created: 1,
      updated: 1,
      unchanged: 0,
      rows: [
        { row: 2, name: 'ハローワーク架空', action: 'update' },
        { row: 3, name: '架空市こども家庭センター', action: 'create' },
      ],
      problems: [],
    });
    expect(await partnersOf()).toEqual(before);

    const applied = await chief.post<Report>('/api/partner-agencies/import', {
      csv,
      dryRun: false,
    });
    expect(applied.body).toMatchObject({ applied: true, created: 1, updated: 1 });
    const rows = await partnersOf();
    const hellowork = rows.find((p) => p.name === 'ハローワーク架空');
    expect(hellowork).toMatchObject({
      field: 'employment',
      opening_hours: '平日 8:30〜17:15',
      how_to_refer: '専門援助部門へ電話予約',
      version: 2,
    });
    expect(rows.find((p) => p.name === '架空市こども家庭センター')).toMatchObject({
      field: 'children',
      how_to_refer: null,
      version: 1,
    });
  });

  it('keeps the columns a file leaves out', async () => {
    const created = await chief.post<{ id: string }>('/api/partner-agencies', {
      name: '架空市保健センター',
      field: 'health',
      liaisonName: '松田 千尋',
      phone: '0120-000-222',
    });
    const res = await chief.post<Report>('/api/partner-agencies/import', {
      csv: 'Name,Field,Area\r\n架空市保健センター,Health and medical,東地区・西地区\r\n',
      dryRun: false,
    });
    expect(res.body).toMatchObject({ applied: true, updated: 1 });
    const row = await t.database.db
      .selectFrom('partner_agency')
      .selectAll()
      .where('id', '=', created.body.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      area: '東地区・西地区',
      liaison_name: '松田 千尋',
      phone: '0120-000-222',
    });
  });

  it('lists every rejected row with its row number, column and reason in Japanese, and writes nothing', async () => {
    const before = await partnersOf();
    const csv = [
      header,
      ',,介護,,,,,,,,,,,,,,,',
      '架空病院,,病院,,,,,,,,,,,,,,,',
      '架空法律事務所,カクウ,司法,,,,,,12-34,,電話して,,,,,,,',
      '架空居住支援法人,,住まい,,,,,,,,,,,,,,,休止',
      '"架空社協, 地域福祉課",,地域,,,,,,,,,,,,,,,',
      '"架空社協, 地域福祉課",,地域,,,,,,,,,,,,,,,',
      '架空ことば教室,,その他,,,,,,,,,,,,,,,,余分な値',
    ].join('\r\n');
    const res = await chief.post<Report>('/api/partner-agencies/import', { csv, dryRun: false });
    expect(res.status).toBe(200);
    expect(res.body.applied).toBe(false);
    expect(res.body.problems).toEqual([
      { row: 2, column: '名称', message: '入力してください。' },
      {
        row: 3,
        column: '分野',
        message: expect.stringMatching(/^「病院」は選択肢にありません。「介護」、「障害」/),
      },
      {
        row: 4,
        column: '郵便番号',
        message: '郵便番号は7桁の数字で入力してください（例：123-4567）。',
      },
      {
        row: 4,
        column: '電話番号',
        message: '電話番号は数字とハイフンで入力してください（例：0120-000-000）。',
      },
      {
        row: 5,
        column: '状態',
        message: '「休止」は選択肢にありません。「利用停止」、空欄のいずれかを入れてください。',
      },
      {
        row: 7,
        column: '名称',
        message: '同じ名称が6行目にもあります。1つの名称は1行にまとめてください。',
      },
      {
        row: 8,
        column: null,
        message: '見出しより多くの列に値が入っています。区切りの「,」を確認してください。',
      },
    ]);
    expect(await partnersOf()).toEqual(before);
    const audits = await t.database.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'partner_agency.import')
      .where('actor_user_id', '=', world.users.chief.id)
      .execute();
    expect(audits).toHaveLength(0);
  });

  it('refuses a file whose headings are not the export’s, or that is not CSV', async () => {
    const unknown = await chief.post<Report>('/api/partner-agencies/import', {
      csv: '名称,分類,電話\r\n架空,介護,0120-000-000\r\n',
      dryRun: true,
    });
    expect(unknown.body.problems).toEqual([
      {
        row: 1,
        column: '分類',
        message: 'この見出しの列は取り込めません。書き出したCSVの見出しをそのまま使ってください。',
      },
      {
        row: 1,
        column: '電話',
        message: 'この見出しの列は取り込めません。書き出したCSVの見出しをそのまま使ってください。',
      },
      { row: 1, column: '分野', message: 'この列は必須です。見出し行に加えてください。' },
    ]);
    const broken = await chief.post<Report>('/api/partner-agencies/import', {
      csv: '名称,分野\r\n"架空,介護\r\n',
      dryRun: true,
    });
    expect(broken.body.problems).toEqual([
      {
        row: 2,
        column: null,
        message: expect.stringContaining('CSVとして読み取れませんでした'),
      },
    ]);
    chief.lang = 'en';
    const english = await chief.post<Report>('/api/partner-agencies/import', {
      csv: 'Name,Field\r\n,Elderly care\r\n',
      dryRun: true,
    });
    expect(english.body.problems).toEqual([
      { row: 2, column: 'Name', message: 'Please fill in this field.' },
    ]);
  });

  it('lets only those who keep the directory import, and audits the refusal', async () => {
    const worker = await signedIn(t.app, world.users.supportWorker.login_id);
    const res = await worker.post('/api/partner-agencies/import', {
      csv: '名称,分野\r\n架空,介護\r\n',
      dryRun: true,
    });
    expect(res.status).toBe(403);
    const denied = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'outcome'])
      .where('actor_user_id', '=', world.users.supportWorker.id)
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied).toEqual([{ action: 'partnerAgency.manage', outcome: 'denied' }]);
  });
});
