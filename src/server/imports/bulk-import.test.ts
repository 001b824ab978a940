import { beforeEach, describe, expect, it } from 'vitest';
import { buildXlsx } from '../http/xlsx';
import { openIntakeCase } from '../test/case-helpers';
import { signedIn, type TestClient } from '../test/client';
import { excelWorkbook, handMadeZip } from '../test/excel-workbook';
import { createSupportAgency, createUser, createWorld } from '../test/factories';
import { type TestApp, testApp } from '../test/test-app';
import { fingerprint } from './run-bulk-import';

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

  it('reads an .xlsx as Japanese Excel saves it: no furigana, dates by format, no bare year', async () => {
    const hanako = [
      'J-1',
      {
        text: '佐藤 花子',
        readings: [
          [0, 2, 'サトウ'],
          [3, 5, 'ハナコ'],
        ],
      },
      'さとう はなこ',
      '女性',
      { number: 29282, style: 'wareki' }, // shown 昭和55年3月2日
      9012345678, // typed 09012345678 into a cell of numbers
    ] as const;
    const header = [
      '管理番号',
      { text: '氏名', readings: [[0, 2, 'シメイ']] },
      'ふりがな',
      '性別',
      { text: '生年月日', readings: [[0, 4, 'セイネンガッピ']] },
      { text: '電話', readings: [[0, 2, 'デンワ']] },
    ] as const;
    const withYear = excelWorkbook([header, hanako, ['J-2', '架空 一郎', null, '男性', 1985]]);
    const refused = await worker.post<Report>('/api/imports/persons', {
      file: Buffer.from(withYear).toString('base64'),
    });
    expect(refused.body.problems).toEqual([
      {
        row: 3,
        column: '生年月日',
        message:
          '「1985」は日付として読み取れません。2024-04-01 や 令和6年4月1日 の形で入れてください。',
      },
    ]);

    const file = Buffer.from(excelWorkbook([header, hanako])).toString('base64');
    const res = await worker.post<Report>('/api/imports/persons', { file });
    expect(res.body).toMatchObject({ applied: true, created: 1, problems: [] });
    const person = await t.database.db
      .selectFrom('person')
      .select(['name', 'birth_date', 'phone_home', 'phone_numbers'])
      .where('municipality_id', '=', world.municipality.id)
      .executeTakeFirstOrThrow();
    expect(person).toEqual({
      name: '佐藤 花子',
      birth_date: '1980-03-02',
      phone_home: '09012345678',
      phone_numbers: ['09012345678'],
    });
  });

  it('refuses a file that would inflate beyond reason, as an unreadable Excel file', async () => {
    const sheet = new Uint8Array(1024);
    const bomb = handMadeZip([{ name: 'xl/workbook.xml', data: sheet, size: 100 * 1024 * 1024 }]);
    const res = await worker.post<Report>('/api/imports/persons', {
      file: Buffer.from(bomb).toString('base64'),
    });
    expect(res.body).toMatchObject({ applied: false, created: 0, rows: [] });
    expect(res.body.problems).toEqual([
      {
        row: 1,
        column: null,
        message: 'Excelファイルとして読み取れませんでした。保存し直すか、CSVで書き出してください。',
      },
    ]);
  });

  it('gives a phone number back the leading 0 that Excel drops from numbers', async () => {
    const csv = [
      personHeader,
      'T-1,架空 一,,,,,9012345678,', // 090-1234-5678 saved as a number
      'T-2,架空 二,,,,,312345678,', // 03-1234-5678
      'T-3,架空 三,,,,,12345,',
      'T-4,架空 四,,,,,+81 90-1234-5678,',
      'T-5,架空 五,,,,,0120123456,',
    ].join('\n');
    expect((await worker.post<Report>('/api/imports/persons', { csv })).body).toMatchObject({
      applied: true,
      created: 5,
    });
    const phones = await t.database.db
      .selectFrom('person')
      .select(['name', 'phone_home', 'phone_numbers'])
      .where('municipality_id', '=', world.municipality.id)
      .execute();
    // phone_numbers is what a search by phone matches (090-1234-5678 → 09012345678).
    expect(
      Object.fromEntries(phones.map((p) => [p.name, [p.phone_home, p.phone_numbers]])),
    ).toEqual({
      '架空 一': ['09012345678', ['09012345678']],
      '架空 二': ['0312345678', ['0312345678']],
      '架空 三': ['12345', ['12345']],
      '架空 四': ['+81 90-1234-5678', ['819012345678']],
      '架空 五': ['0120123456', ['0120123456']],
    });
  });

  it('finds a person imported before the leading 0 was given back unchanged on a re-run', async () => {
    const csv = [personHeader, 'T-1,架空 一,,,,,9012345678,'].join('\n');
    await worker.post<Report>('/api/imports/persons', { csv });
    const person = await t.database.db
      .selectFrom('person')
      .select(['id', 'sex'])
      .where('name', '=', '架空 一')
      .executeTakeFirstOrThrow();
    // What the import fingerprinted before: the number as the cell held it.
    await t.database.db
      .updateTable('import_link')
      .set({
        fingerprint: fingerprint({
          name: '架空 一',
          kana: null,
          sex: person.sex,
          birthDate: null,
          address: null,
          phone: '9012345678',
          districtId: null,
        }),
      })
      .where('record_id', '=', person.id)
      .execute();
    expect((await worker.post<Report>('/api/imports/persons', { csv })).body).toMatchObject({
      applied: true,
      created: 0,
      unchanged: 1,
      problems: [],
    });
    const changed = await worker.post<Report>('/api/imports/persons', {
      csv: csv.replace('9012345678', '9012345679'),
    });
    expect(changed.body.problems.map((p) => p.column)).toEqual(['管理番号']);
  });

  it('refuses dates before 1900, more than a year ahead, or typed as Excel serial numbers', async () => {
    const csv = [
      personHeader,
      'R-1,架空 一,,,1899-12-31,,,',
      'R-2,架空 二,,,2099-04-01,,,',
      'R-3,架空 三,,,29282,,,',
      'R-4,架空 四,,,1900-01-01,,,',
      'R-5,架空 五,,,明治33年1月1日,,,',
    ].join('\n');
    const res = await worker.post<Report>('/api/imports/persons', { csv });
    expect(res.body.problems.map((p) => [p.row, p.column, p.message])).toEqual(
      ['1899-12-31', '2099-04-01', '29282'].map((value, i) => [
        i + 2,
        '生年月日',
        `「${value}」は日付として読み取れません。2024-04-01 や 令和6年4月1日 の形で入れてください。`,
      ]),
    );

    const opened = await openIntakeCase(worker);
    const caseNumber = (opened as unknown as { caseNumber: string }).caseNumber;
    const contacts = await worker.post<Report>('/api/imports/contacts', {
      csv: [
        '記録番号,相談番号,日時,方法,内容',
        `C-1,${caseNumber},2099-04-01 10:00,電話,連絡`,
        `C-2,${caseNumber},46113.4375,電話,連絡`,
        `C-3,${caseNumber},2026-04-01 10:30,電話,連絡`,
      ].join('\n'),
    });
    expect(contacts.body.problems.map((p) => [p.row, p.column])).toEqual([
      [2, '日時'],
      [3, '日時'],
    ]);
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

const caseHeader =
  '管理番号,相談者番号,氏名,生年月日,受付日,経路,相談内容の分類,担当者,状態,終結日';
const contactHeader = '記録番号,管理番号,日時,方法,内容';

/** The municipality's second agency (commissioned, with its own Excel numbering) and a worker. */
async function secondAgency() {
  const agency = await createSupportAgency(t.database.db, world.municipality.id, {
    operation: 'commissioned',
  });
  const user = await createUser(t.database.db, {
    municipalityId: world.municipality.id,
    roles: ['support_worker'],
    supportAgencyId: agency.id,
  });
  return { agency, user, worker: await signedIn(t.app, user.login_id) };
}

describe('bulk import by two agencies of one municipality', () => {
  it('keeps each agency’s numbers its own: the same numbers name each agency’s own person, case and record', async () => {
    const b = await secondAgency();
    const personsA = await worker.post<Report>('/api/imports/persons', {
      csv: [personHeader, 'P-001,架空 花子,,女性,1980-03-02,,,', 'P-002,架空 二郎,,,,,,'].join(
        '\n',
      ),
    });
    expect(personsA.body).toMatchObject({ applied: true, created: 2, problems: [] });
    const personsB = await b.worker.post<Report>('/api/imports/persons', {
      csv: [personHeader, 'P-001,別人 次郎,,男性,1961-01-01,,,'].join('\n'),
    });
    expect(personsB.body).toMatchObject({ applied: true, created: 1, problems: [] });

    const cases = [caseHeader, 'K-001,P-001,,,2026-04-01,本人が来所,債務について,,,'].join('\n');
    for (const client of [worker, b.worker]) {
      const res = await client.post<Report>('/api/imports/cases', { csv: cases });
      expect(res.body).toMatchObject({ applied: true, created: 1, problems: [] });
    }
    const contacts = [contactHeader, 'R-1,K-001,2026-04-05 14:00,電話,連絡した。'].join('\n');
    for (const client of [worker, b.worker]) {
      const res = await client.post<Report>('/api/imports/contacts', { csv: contacts });
      expect(res.body).toMatchObject({ applied: true, created: 1, problems: [] });
    }
    // Each agency's record sits on its own case, about its own person.
    const written = await t.database.db
      .selectFrom('contact_record')
      .innerJoin('support_case', 'support_case.id', 'contact_record.case_id')
      .innerJoin('person', 'person.id', 'support_case.person_id')
      .select(['support_case.support_agency_id as agency', 'person.name'])
      .where('contact_record.municipality_id', '=', world.municipality.id)
      .execute();
    expect(written).toHaveLength(2);
    expect(written).toEqual(
      expect.arrayContaining([
        { agency: world.agency.id, name: '架空 花子' },
        { agency: b.agency.id, name: '別人 次郎' },
      ]),
    );

    // A number only the other agency used names nobody here.
    const foreign = await b.worker.post<Report>('/api/imports/cases', {
      csv: [caseHeader, 'K-002,P-002,,,2026-04-01,本人が来所,債務について,,,'].join('\n'),
    });
    expect(foreign.body.applied).toBe(false);
    expect(foreign.body.problems).toEqual([
      {
        row: 2,
        column: '相談者番号',
        message: '相談者が見つかりません。相談者番号、または氏名と生年月日を確認してください。',
      },
    ]);
  });

  it('refuses a support worker who belongs to no support agency, and writes nothing', async () => {
    const loose = await createUser(t.database.db, {
      municipalityId: world.municipality.id,
      roles: ['support_worker'],
      supportAgencyId: null,
    });
    const client = await signedIn(t.app, loose.login_id);
    const res = await client.post('/api/imports/persons', {
      csv: [personHeader, ...goodPersons].join('\n'),
    });
    expect(res.status).toBe(403);
    const links = await t.database.db
      .selectFrom('import_link')
      .select('external_ref')
      .where('municipality_id', '=', world.municipality.id)
      .execute();
    expect(links).toEqual([]);
  });
});

describe('re-running an imported file', () => {
  it('finds every row unchanged when a colleague of the same agency re-runs it (a blank 担当者 stays blank)', async () => {
    const files = {
      persons: [personHeader, ...goodPersons].join('\n'),
      cases: [caseHeader, 'K-001,P-001,,,2026-04-01,本人が来所,債務について,,支援中,'].join('\n'),
      contacts: [contactHeader, 'R-1,K-001,2026-04-05 14:00,訪問,自宅を訪問した。'].join('\n'),
    };
    for (const [kind, csv] of Object.entries(files)) {
      const first = await worker.post<Report>(`/api/imports/${kind}`, { csv });
      expect(first.body).toMatchObject({ applied: true, problems: [] });
    }
    // The blank 担当者 made the importer the lead worker.
    const lead = await t.database.db
      .selectFrom('support_case')
      .innerJoin('intake', 'intake.case_id', 'support_case.id')
      .select(['support_case.lead_worker_id', 'intake.received_by'])
      .where('support_case.municipality_id', '=', world.municipality.id)
      .execute();
    expect(lead).toEqual([
      { lead_worker_id: world.users.supportWorker.id, received_by: world.users.supportWorker.id },
    ]);
    const chief = await signedIn(t.app, world.users.chief.login_id);
    for (const [kind, csv] of Object.entries(files)) {
      const again = await chief.post<Report>(`/api/imports/${kind}`, { csv });
      expect({ kind, ...again.body }).toMatchObject({
        kind,
        applied: true,
        created: 0,
        problems: [],
      });
      expect(again.body.unchanged).toBeGreaterThan(0);
    }
  });

  it('accepts a case imported before the upgrade, whose fingerprint held the importer, and still refuses a changed row', async () => {
    await worker.post<Report>('/api/imports/persons', {
      csv: [personHeader, ...goodPersons].join('\n'),
    });
    const csv = [caseHeader, 'K-001,P-001,,,2026-04-01,本人が来所,債務について,,,'].join('\n');
    const first = await worker.post<Report>('/api/imports/cases', { csv });
    expect(first.body).toMatchObject({ applied: true, created: 1, problems: [] });
    // What the import wrote before migration 0022: the record with the importer as 担当者.
    const link = await t.database.db
      .selectFrom('import_link')
      .innerJoin('support_case', 'support_case.id', 'import_link.record_id')
      .select(['import_link.record_id', 'support_case.person_id'])
      .where('import_link.municipality_id', '=', world.municipality.id)
      .where('import_link.kind', '=', 'case')
      .executeTakeFirstOrThrow();
    const before = {
      personId: link.person_id,
      receivedOn: '2026-04-01',
      routeIn: 'self_visit',
      topics: ['debt'],
      workerId: world.users.supportWorker.id,
      status: 'intake',
      closedOn: null,
    };
    await t.database.db
      .updateTable('import_link')
      .set({
        fingerprint: fingerprint(before),
      })
      .where('record_id', '=', link.record_id)
      .execute();
    const chief = await signedIn(t.app, world.users.chief.login_id);
    const again = await chief.post<Report>('/api/imports/cases', { csv });
    expect(again.body).toMatchObject({ applied: true, created: 0, unchanged: 1, problems: [] });
    const changed = await chief.post<Report>('/api/imports/cases', {
      csv: csv.replace('2026-04-01', '2026-04-02'),
    });
    expect(changed.body.applied).toBe(false);
    expect(changed.body.problems).toEqual([
      {
        row: 2,
        column: '管理番号',
        message: 'この番号は取り込み済みで、内容が前回と異なります。変更は画面から行ってください。',
      },
    ]);
  });

  it('lets two imports of one file at once both answer: one creates every row, the other finds them unchanged', async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `D-${i},架空 ${i}号,,,,,,`);
    const csv = [personHeader, ...rows].join('\n');
    const second = await signedIn(t.app, world.users.supportWorker.login_id);
    const results = await Promise.all([
      worker.post<Report>('/api/imports/persons', { csv }),
      second.post<Report>('/api/imports/persons', { csv }),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    expect(results.map((r) => [r.body.created, r.body.unchanged]).sort()).toEqual([
      [0, 2000],
      [2000, 0],
    ]);
    const persons = await t.database.db
      .selectFrom('person')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('municipality_id', '=', world.municipality.id)
      .executeTakeFirstOrThrow();
    expect(Number(persons.n)).toBe(2000);
  });
});
