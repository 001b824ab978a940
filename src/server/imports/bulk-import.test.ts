import { beforeEach, describe, expect, it } from 'vitest';
import { buildXlsx } from '../http/xlsx';
import { openIntakeCase } from '../test/case-helpers';
import { signedIn, type TestClient } from '../test/client';
import { createWorld } from '../test/factories';
import { type TestApp, testApp } from '../test/test-app';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let worker: TestClient;

beforeEach(async () => {
  t = await testApp();
  world = await createWorld(t.database.db);
  worker = await signedIn(t.app, world.users.supportWorker.login_id);
  await t.database.db
    .insertInto('district')
    .values({ municipality_id: world.municipality.id, name: '北地区' })
    .execute();
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

async function count(table: 'person' | 'contact_record' | 'audit_log') {
  const row = await t.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const personHeader = '管理番号,氏名,ふりがな,性別,生年月日,住所,電話,地区';
const goodPersons = [
  'P-001,架空 花子,かくう はなこ,女性,昭和55年3月2日,架空市本町1-2,090-0000-0001,北地区',
  'P-002,仮名 太郎,かめい たろう,男性,1990-04-01,,03-0000-0002,',
];

describe('bulk import of persons', () => {
  it('reports every bad row by row and column, in Japanese, and writes nothing', async () => {
    const csv = [
      personHeader,
      ...goodPersons,
      'P-003,,,女性,,,,',
      'P-004,架空 次郎,,不明な値,平成99年13月1日,,,南地区',
      'P-001,重複 一郎,,,,,,',
    ].join('\n');
    const before = await count('person');
    const res = await worker.post<Report>('/api/imports/persons', { csv });
    expect(res.status).toBe(200);
    expect(res.body.applied).toBe(false);
    expect(res.body.problems).toEqual([
      { row: 4, column: '氏名', message: '入力してください。' },
      {
        row: 5,
        column: '性別',
        message:
          '「不明な値」は選択肢にありません。「男性」、「女性」、「その他」、「回答なし」のいずれかを入れてください。',
      },
      {
        row: 5,
        column: '生年月日',
        message:
          '「平成99年13月1日」は日付として読み取れません。2024-04-01 や 令和6年4月1日 の形で入れてください。',
      },
      {
        row: 5,
        column: '地区',
        message: '地区「南地区」が見つかりません。自治体情報に登録された地区名を入れてください。',
      },
      {
        row: 6,
        column: '管理番号',
        message: '同じ番号が2行目にもあります。1つの番号は1行にしてください。',
      },
    ]);
    expect(await count('person')).toBe(before);
    const links = await t.database.db
      .selectFrom('import_link')
      .select('external_ref')
      .where('municipality_id', '=', world.municipality.id)
      .execute();
    expect(links).toEqual([]);
  });

  it('imports a good file once; a dry run writes nothing; the re-run changes nothing', async () => {
    const csv = [personHeader, ...goodPersons].join('\n');
    const before = await count('person');
    const dry = await worker.post<Report>('/api/imports/persons', { csv, dryRun: true });
    expect(dry.body).toMatchObject({ dryRun: true, applied: false, created: 2, problems: [] });
    expect(await count('person')).toBe(before);

    const first = await worker.post<Report>('/api/imports/persons', { csv });
    expect(first.body).toMatchObject({ applied: true, created: 2, unchanged: 0, problems: [] });
    const hanako = await t.database.db
      .selectFrom('person')
      .selectAll()
      .where('municipality_id', '=', world.municipality.id)
      .where('name', '=', '架空 花子')
      .executeTakeFirstOrThrow();
    expect(hanako).toMatchObject({
      municipality_id: world.municipality.id,
      name_kana: 'かくう はなこ',
      sex: 'female',
      birth_date: '1980-03-02',
      phone_numbers: ['09000000001'],
    });
    expect(hanako.district_id).not.toBeNull();
    expect(hanako.search_grams.length).toBeGreaterThan(0);

    const persons = await count('person');
    const audits = await count('audit_log');
    const again = await worker.post<Report>('/api/imports/persons', { csv });
    expect(again.body).toMatchObject({ applied: true, created: 0, unchanged: 2, problems: [] });
    expect(await count('person')).toBe(persons);
    expect(await count('audit_log')).toBe(audits + 1);
  });

  it('keeps quotes, backslashes and commas in names as written', async () => {
    const csv = [personHeader, 'Q-1,"架空 ""一""\\二, 三",かくう,,,,"03-0000-0003",'].join('\n');
    const res = await worker.post<Report>('/api/imports/persons', { csv });
    expect(res.body).toMatchObject({ applied: true, created: 1, problems: [] });
    const person = await t.database.db
      .selectFrom('person')
      .select(['name', 'search_text', 'search_grams', 'phone_numbers'])
      .where('municipality_id', '=', world.municipality.id)
      .executeTakeFirstOrThrow();
    expect(person.name).toBe('架空 "一"\\二, 三');
    expect(person.search_grams).toContain('"一');
    expect(person.search_grams).toContain('\\二');
    expect(person.phone_numbers).toEqual(['0300000003']);
  });

  it('reads a CSV that Excel saved in Shift_JIS', async () => {
    // 管理番号,氏名,性別 / S-1,架空 太郎,男性 in Shift_JIS (CP932).
    const file = 'iseXnZTUjYYsjoGWvCyQq5XKDQpTLTEsicuL8yCRvphZLJJqkKsNCg==';
    const res = await worker.post<Report>('/api/imports/persons', { file });
    expect(res.body).toMatchObject({ applied: true, created: 1, problems: [] });
    const person = await t.database.db
      .selectFrom('person')
      .select(['name', 'sex'])
      .where('municipality_id', '=', world.municipality.id)
      .executeTakeFirstOrThrow();
    expect(person).toEqual({ name: '架空 太郎', sex: 'male' });
  });

  it('reads an .xlsx, dates as Excel dates', async () => {
    const xlsx = buildXlsx([
      {
        name: '相談者',
        columns: [
          { header: '管理番号' },
          { header: '氏名' },
          { header: '生年月日', format: 'date' },
          { header: '性別' },
        ],
        rows: [
          ['X-1', '架空 三郎', '1975-06-07', '男性'],
          ['X-2', '架空 四郎', '令和2年1月3日', ''],
        ],
      },
    ]);
    const file = Buffer.from(xlsx).toString('base64');
    const res = await worker.post<Report>('/api/imports/persons', { file });
    expect(res.body).toMatchObject({ applied: true, created: 2, problems: [] });
    const rows = await t.database.db
      .selectFrom('person')
      .select(['name', 'birth_date'])
      .where('municipality_id', '=', world.municipality.id)
      .where('name', 'in', ['架空 三郎', '架空 四郎'])
      .orderBy('name')
      .execute();
    expect(rows).toEqual([
      { name: '架空 三郎', birth_date: '1975-06-07' },
      { name: '架空 四郎', birth_date: '2020-01-03' },
    ]);
    const again = await worker.post<Report>('/api/imports/persons', { file });
    expect(again.body).toMatchObject({ created: 0, unchanged: 2 });
  });

  it('refuses a role that may not open cases', async () => {
    const officer = await signedIn(t.app, world.users.officer.login_id);
    const res = await officer.post('/api/imports/persons', {
      csv: [personHeader, ...goodPersons].join('\n'),
    });
    expect(res.status).toBe(403);
  });
});

describe('bulk import of contact records', () => {
  it('reports bad rows, imports 10,000 rows in one run, and re-runs unchanged', async () => {
    const opened = await openIntakeCase(worker);
    const caseNumber = (opened as unknown as { caseNumber: string }).caseNumber;
    const header = '記録番号,相談番号,日時,方法,内容';
    const bad = [
      header,
      `C-1,${caseNumber},2026-04-01 10:30,面談,来所。求職の状況を聞いた。`,
      `C-2,9999-99999,2026-04-02,電話,電話で連絡`,
      `C-3,${caseNumber},4月2日,電話,`,
      `C-4,${caseNumber},R8.4.3 9:00,伝書鳩,連絡`,
    ].join('\n');
    const before = await count('contact_record');
    const res = await worker.post<Report>('/api/imports/contacts', { csv: bad });
    expect(res.body.applied).toBe(false);
    expect(res.body.problems.map((p) => [p.row, p.column])).toEqual([
      [3, '相談番号'],
      [4, '日時'],
      [4, '内容'],
      [5, '方法'],
    ]);
    expect(res.body.problems[0]?.message).toBe(
      '「9999-99999」の相談が見つかりません。管理番号または相談番号を確認してください。',
    );
    expect(await count('contact_record')).toBe(before);

    const rows = Array.from({ length: 10_000 }, (_, i) => {
      const day = String((i % 28) + 1).padStart(2, '0');
      return `K-${i},${caseNumber},2026-05-${day} 10:00,電話,経過の記録 ${i}`;
    });
    const csv = [header, ...rows].join('\n');
    const first = await worker.post<Report>('/api/imports/contacts', { csv });
    expect(first.body).toMatchObject({ applied: true, created: 10_000, problems: [] });
    expect(await count('contact_record')).toBe(before + 10_000);

    const again = await worker.post<Report>('/api/imports/contacts', { csv });
    expect(again.body).toMatchObject({ applied: true, created: 0, unchanged: 10_000 });
    expect(await count('contact_record')).toBe(before + 10_000);
  });

  it('takes a file larger than other requests may be (a whole list of an agency)', async () => {
    const opened = await openIntakeCase(worker);
    const caseNumber = (opened as unknown as { caseNumber: string }).caseNumber;
    const long = '長い面談の記録。'.repeat(1000);
    const rows = Array.from(
      { length: 120 },
      (_, i) => `L-${i},${caseNumber},2026-05-01,面談,${long}`,
    );
    const file = Buffer.from(['記録番号,相談番号,日時,方法,内容', ...rows].join('\r\n')).toString(
      'base64',
    );
    expect(file.length).toBeGreaterThan(2 * 1024 * 1024);
    const res = await worker.post<Report>('/api/imports/contacts', { file, dryRun: true });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 120, problems: [] });
  });
});

describe('bulk import of cases', () => {
  it('finds the person, numbers the case, reports bad rows, and re-runs unchanged', async () => {
    const persons = await worker.post<Report>('/api/imports/persons', {
      csv: [personHeader, ...goodPersons].join('\n'),
    });
    expect(persons.body.created).toBe(2);
    const header =
      '管理番号,相談者番号,氏名,生年月日,受付日,経路,相談内容の分類,担当者,状態,終結日';
    const good = [
      `K-001,P-001,,,令和8年4月1日,本人が来所,収入・生活費のこと、住まいについて,${world.users.chief.login_id},支援中,`,
      // A label holding 「、」 is read whole.
      'K-002,,仮名 太郎,1990-04-01,2026-04-02,関係機関から,債務について、仕事探し、就職について,,終結,2026-06-30',
    ];
    const bad = [
      header,
      ...good,
      'K-003,P-999,,,2026-04-03,本人が来所,債務について,,,',
      'K-004,P-001,,,2026-04-03,手紙,債務について,nobody,保留,',
      'K-005,P-002,,,2026-04-03,その他,その他,,終結,',
    ].join('\n');
    const before = await count('audit_log');
    const rejected = await worker.post<Report>('/api/imports/cases', { csv: bad });
    expect(rejected.body.applied).toBe(false);
    expect(rejected.body.problems.map((p) => [p.row, p.column])).toEqual([
      [4, '相談者番号'],
      [5, '経路'],
      [5, '担当者'],
      [5, '状態'],
      [6, '終結日'],
    ]);
    expect(rejected.body.problems[2]?.message).toBe(
      '担当者「nobody」が見つかりません。この機関の職員のログインIDを入れてください。',
    );
    expect(await count('audit_log')).toBe(before);
    const imported = t.database.db
      .selectFrom('import_link')
      .select('record_id')
      .where('kind', '=', 'person');
    const noCases = await t.database.db
      .selectFrom('support_case')
      .select('id')
      .where('person_id', 'in', imported)
      .execute();
    expect(noCases).toEqual([]);

    const csv = [header, ...good].join('\n');
    const first = await worker.post<Report>('/api/imports/cases', { csv });
    expect(first.body).toMatchObject({ applied: true, created: 2, problems: [] });
    const cases = await t.database.db
      .selectFrom('support_case')
      .innerJoin('intake', 'intake.case_id', 'support_case.id')
      .select([
        'support_case.case_number',
        'support_case.status',
        'support_case.lead_worker_id',
        'support_case.closed_on',
        'intake.main_topic',
        'intake.topics',
      ])
      .where('support_case.person_id', 'in', imported)
      .orderBy('support_case.case_number')
      .execute();
    const [n1, n2] = cases.map((c) => Number(c.case_number.slice(5)));
    expect(cases.every((c) => c.case_number.startsWith('2026-'))).toBe(true);
    expect(n2).toBe((n1 ?? 0) + 1);
    expect(cases).toEqual([
      {
        case_number: cases[0]?.case_number,
        status: 'in_support',
        lead_worker_id: world.users.chief.id,
        closed_on: null,
        main_topic: 'income',
        topics: ['income', 'housing'],
      },
      {
        case_number: cases[1]?.case_number,
        status: 'closed',
        lead_worker_id: world.users.supportWorker.id,
        closed_on: '2026-06-30',
        main_topic: 'debt',
        topics: ['debt', 'job_search'],
      },
    ]);
    // A case starts in its person's district (架空 花子 lives in 北地区).
    const districts = await t.database.db
      .selectFrom('support_case')
      .innerJoin('person', 'person.id', 'support_case.person_id')
      .select(['person.name', 'person.district_id as personDistrict', 'support_case.district_id'])
      .where('support_case.person_id', 'in', imported)
      .orderBy('person.name')
      .execute();
    expect(districts.map((d) => d.district_id)).toEqual(districts.map((d) => d.personDistrict));
    expect(districts.some((d) => d.district_id !== null)).toBe(true);
    // …and the district history, which the district reports count from, starts there on the day
    // the case was opened (one row a case, written once for the whole batch: migration 0019).
    const history = await t.database.db
      .selectFrom('case_district_history')
      .innerJoin('support_case', 'support_case.id', 'case_district_history.case_id')
      .select([
        'case_district_history.district_id',
        'case_district_history.valid_from',
        'case_district_history.valid_to',
        'support_case.district_id as caseDistrict',
        'support_case.opened_on',
      ])
      .where('support_case.person_id', 'in', imported)
      .execute();
    expect(history).toHaveLength(districts.length);
    for (const h of history) {
      expect(h).toMatchObject({
        district_id: h.caseDistrict,
        valid_from: h.opened_on,
        valid_to: null,
      });
    }
    const again = await worker.post<Report>('/api/imports/cases', { csv });
    expect(again.body).toMatchObject({ applied: true, created: 0, unchanged: 2 });

    // Contact records find the imported case by its 管理番号.
    const contacts = await worker.post<Report>('/api/imports/contacts', {
      csv: '記録番号,管理番号,日時,方法,内容\nR-1,K-001,2026-04-05 14:00,訪問,自宅を訪問した。',
    });
    expect(contacts.body).toMatchObject({ applied: true, created: 1, problems: [] });
  });
});
