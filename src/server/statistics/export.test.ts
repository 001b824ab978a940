import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/actor';
import { nationalColumns, nationalHeader } from '../../domain/statistics/national-layout';
import type { StatisticsReport } from '../../domain/statistics/report';
import { csvBom, parseCsv } from '../http/csv';
import { openIntakeCase, toInSupport } from '../test/case-helpers';
import { signedIn, type TestClient } from '../test/client';
import { createWorld } from '../test/factories';
import { readXlsx, type XlsxCell } from '../test/read-xlsx';
import { type TestApp, testApp } from '../test/test-app';
import { monthlyColumns, monthlyHeader } from './export-report';
import { exportNationalStatistics } from './national-export';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let worker: TestClient;
let officer: TestClient;
let caseA: string;
let caseB: string;
let westId: string;
let eastId: string;

const range = 'from=2026-04&to=2026-06';
const col = (id: string) => nationalColumns.findIndex((c) => c.id === id);

/** Puts a case in a district from 2026-01-01 (before any of its events). */
async function placeIn(caseId: string, districtId: string) {
  const db = t.database.db;
  await db
    .updateTable('support_case')
    .set({ district_id: districtId })
    .where('id', '=', caseId)
    .execute();
  await db.deleteFrom('case_district_history').where('case_id', '=', caseId).execute();
  await db
    .insertInto('case_district_history')
    .values({
      case_id: caseId,
      municipality_id: world.municipality.id,
      district_id: districtId,
      valid_from: '2026-01-01',
    })
    .execute();
}

beforeEach(async () => {
  t = await testApp();
  world = await createWorld(t.database.db);
  worker = await signedIn(t.app, world.users.supportWorker.login_id);
  officer = await signedIn(t.app, world.users.officer.login_id);
  const db = t.database.db;
  // A district name a spreadsheet would run as a formula: exports must keep it as text.
  const west = await db
    .insertInto('district')
    .values({ municipality_id: world.municipality.id, name: '=西地区', population: 20_000 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const east = await db
    .insertInto('district')
    .values({ municipality_id: world.municipality.id, name: '東地区', population: 30_000 })
    .returning('id')
    .executeTakeFirstOrThrow();
  westId = west.id;
  eastId = east.id;
  // A: received 2026-04-01, first plan (就労支援対象) decided 2026-04-20; B: received only.
  caseA = (await toInSupport(worker, officer)).caseId;
  caseB = (
    await openIntakeCase(worker, {
      name: '架空 花子',
      nameKana: 'かくう はなこ',
      sex: 'female',
      birthDate: 'H2.5.5',
    })
  ).id;
  await placeIn(caseA, westId);
  await placeIn(caseB, eastId);
  // B was referred to the 生活保護 window in April; a referral after the range is not shown.
  for (const referredOn of ['2026-04-10', '2026-07-01']) {
    await db
      .insertInto('referral')
      .values({
        municipality_id: world.municipality.id,
        case_id: caseB,
        destination_name: '福祉事務所 生活保護担当',
        to_public_assistance: true,
        referred_on: referredOn,
      })
      .execute();
  }
});

function figuresRow(report: StatisticsReport, row: XlsxCell[] | undefined, month: string | null) {
  const figures = month === null ? report.total : report.months.find((m) => m.month === month);
  if (!figures) throw new Error(`no month ${month}`);
  expect(row?.[0]).toBe(month ?? '合計');
  monthlyColumns.forEach((column, i) => {
    expect(row?.[i + 1] ?? null, column.header).toBe(column.value(figures, report));
  });
}

describe('GET /api/statistics/report.xlsx and .csv', () => {
  it('writes the figures of the JSON report, month by month and in total', async () => {
    const json = await worker.get<StatisticsReport>(`/api/statistics/report?${range}`);
    expect(json.status).toBe(200);
    const report = json.body;
    expect(report.total.newConsultations).toBeGreaterThanOrEqual(2);

    const res = await worker.get(`/api/statistics/report.xlsx?${range}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(res.headers.get('content-disposition')).toContain("filename*=UTF-8''");
    const book = readXlsx(res.bytes);
    expect(Object.keys(book)).toEqual([
      '指標（月別）',
      '内訳',
      'つなぎ・振り分け',
      '会議',
      '地域課題',
      '担当者別',
    ]);
    const sheet = book['指標（月別）'] ?? [];
    expect(sheet[1]).toEqual(['自治体', world.municipality.name]);
    const headerAt = sheet.findIndex((r) => r[0] === '月');
    expect(sheet[headerAt]).toEqual(monthlyHeader);
    ['2026-04', '2026-05', '2026-06'].forEach((month, i) => {
      figuresRow(report, sheet[headerAt + 1 + i], month);
    });
    figuresRow(report, sheet[headerAt + 4], null);

    const breakdown = book.内訳 ?? [];
    const topics = breakdown.filter((r) => r[0] === '相談内容');
    expect(topics).toContainEqual(['相談内容', '仕事探し、就職について', expect.any(Number)]);
    const triage = book['つなぎ・振り分け'] ?? [];
    expect(triage).toContainEqual(['振り分け', '継続支援', report.triage.continued]);

    const csv = await worker.get(`/api/statistics/report.csv?${range}`);
    expect(csv.status).toBe(200);
    expect(csv.text.startsWith(csvBom)).toBe(true);
    const lines = parseCsv(csv.text).map((r) => r.cells);
    expect(lines[0]).toEqual(monthlyHeader);
    expect(lines).toHaveLength(1 + 3 + 1);
    expect(lines[1]?.[0]).toBe('2026-04');
    expect(lines[1]?.[1]).toBe(String(report.months[0]?.newConsultations));
    expect(lines[4]?.[0]).toBe('合計');
    expect(lines[4]?.[2]).toBe(String(report.total.plans));
  });

  it('narrowed to one district: the figures of that district, its name kept as text', async () => {
    const query = `${range}&districtId=${westId}`;
    const report = (await officer.get<StatisticsReport>(`/api/statistics/report?${query}`)).body;
    expect(report.scope.districtName).toBe('=西地区');
    const book = readXlsx((await officer.get(`/api/statistics/report.xlsx?${query}`)).bytes);
    const sheet = book['指標（月別）'] ?? [];
    expect(sheet).toContainEqual(['地区', '=西地区']);
    const headerAt = sheet.findIndex((r) => r[0] === '月');
    figuresRow(report, sheet[headerAt + 4], null);
  });

  it('refuses a role without statistics.read', async () => {
    const partner = await signedIn(t.app, world.users.partnerStaff.login_id);
    expect((await partner.get(`/api/statistics/report.xlsx?${range}`)).status).toBe(403);
    expect((await partner.get(`/api/statistics/report.csv?${range}`)).status).toBe(403);
  });
});

describe('GET /api/statistics/national-export.csv and .xlsx', () => {
  it('one row per case in the assumed national layout, counted first, audited', async () => {
    const res = await officer.get(`/api/statistics/national-export.csv?${range}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-tsunagu-row-count')).toBe('2');
    expect(res.text.startsWith(csvBom)).toBe(true);
    const [header, ...rows] = parseCsv(res.text).map((r) => r.cells);
    expect(header).toEqual(nationalHeader);
    expect(rows).toHaveLength(2);
    const view = await officer.get<{ case: { caseNumber: string; personId: string } }>(
      `/api/cases/${caseA}`,
    );
    const a = rows.find((r) => r[col('case_number')] === view.body.case.caseNumber);
    expect(a).toBeDefined();
    expect(a?.[col('person_id')]).toBe(view.body.case.personId);
    expect(a?.[col('received_on')]).toBe('2026-04-01');
    expect(a?.[col('sex')]).toBe('1'); // 男性
    expect(a?.[col('age')]).toBe('46'); // born 1980-03-02
    expect(a?.[col('route_in')]).toBe('1'); // 本人が来所
    expect(a?.[col('topics')]).toBe('3;7'); // 収入・生活費, 仕事探し
    expect(a?.[col('main_topic')]).toBe('7');
    expect(a?.[col('plans')]).toBe('1');
    expect(a?.[col('first_plan_decided_on')]).toBe('2026-04-20');
    expect(a?.[col('employment_support_target')]).toBe('1');
    expect(a?.[col('household_size')]).toBe('1');
    // The name a spreadsheet would run is guarded with an apostrophe in CSV.
    expect(a?.[col('district')]).toBe("'=西地区");
    // No name, address or telephone number leaves the system.
    expect(res.text).not.toContain('架空 一郎');
    expect(res.text).not.toContain('090-0000-1234');

    const audit = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('municipality_id', '=', world.municipality.id)
      .where('action', '=', 'statistics.national_export')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.outcome).toBe('success');
    expect(audit[0]?.actor_user_id).toBe(world.users.officer.id);
    expect(audit[0]?.person_ids).toHaveLength(2);
    expect(audit[0]?.person_ids).toContain(view.body.case.personId);
    expect(audit[0]?.detail).toMatchObject({ count: 2, format: 'csv', from: '2026-04' });
  });

  it('as .xlsx: the rows, dates and numbers typed, the code table and the definitions', async () => {
    const res = await officer.get(`/api/statistics/national-export.xlsx?${range}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-tsunagu-row-count')).toBe('2');
    const book = readXlsx(res.bytes);
    expect(Object.keys(book)).toEqual(['個票', 'コード表', '項目定義', '出力条件']);
    const rows = book.個票 ?? [];
    expect(rows[0]).toEqual(nationalHeader);
    expect(rows).toHaveLength(3);
    const a = rows.find(
      (r) => r[col('first_plan_decided_on')] !== undefined && r[col('plans')] === 1,
    );
    expect(a?.[col('received_on')]).toBe('2026-04-01'); // an Excel date, read back by its format
    expect(a?.[col('age')]).toBe(46);
    expect(a?.[col('district')]).toBe('=西地区');
    expect(book.コード表).toContainEqual(['性別', 1, '男性']);
    expect(book.項目定義?.[1]).toEqual([1, 'ケース番号', '基本', 'support_case.case_number']);
    expect(book.出力条件).toContainEqual(['件数', 2]);
  });

  it('narrowed to a district: only the cases there on the last day of the range', async () => {
    const res = await officer.get(
      `/api/statistics/national-export.csv?${range}&districtId=${eastId}`,
    );
    expect(res.headers.get('x-tsunagu-row-count')).toBe('1');
    const [, ...rows] = parseCsv(res.text).map((r) => r.cells);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.[col('sex')]).toBe('2');
    expect(rows[0]?.[col('district')]).toBe('東地区');
    expect(rows[0]?.[col('referrals')]).toBe('1');
    expect(rows[0]?.[col('referred_to_public_assistance')]).toBe('1');
    expect(rows[0]?.[col('plans')]).toBe('0');
    expect(rows[0]?.[col('employment_support_target')]).toBe('');
    // A range that ends before anyone came: nothing.
    const before = await officer.get('/api/statistics/national-export.csv?from=2026-01&to=2026-03');
    expect(before.headers.get('x-tsunagu-row-count')).toBe('0');
    expect(parseCsv(before.text)).toHaveLength(1);
  });

  it('streams in batches (keyset on the case number) with the same rows', async () => {
    const actor: Actor = {
      userId: world.users.officer.id,
      loginId: world.users.officer.login_id,
      municipalityId: world.municipality.id,
      roles: ['municipal_officer'],
      supportAgencyId: world.users.officer.support_agency_id,
      partnerAgencyId: null,
    };
    const ctx = { requestId: 'test', ip: null, lang: 'ja' as const, actor };
    const file = await exportNationalStatistics(
      t.deps,
      ctx,
      { from: '2026-04', to: '2026-06' },
      'xlsx',
      { batchSize: 1 },
    );
    expect(file.rowCount).toBe(2);
    const bytes = new Uint8Array(await new Response(file.body).arrayBuffer());
    const rows = readXlsx(bytes).個票 ?? [];
    expect(rows).toHaveLength(3);
    const numbers = rows.slice(1).map((r) => String(r[col('case_number')]));
    expect(numbers).toEqual([...numbers].sort());
  });

  it('writes no one the audit row does not name, even a case that came into scope meanwhile', async () => {
    const db = t.database.db;
    const late = await openIntakeCase(worker, {
      name: '架空 次郎',
      nameKana: 'かくう じろう',
      sex: 'male',
      birthDate: 'S60.1.1',
    });
    await placeIn(late.id, westId);
    // Received after the range when the export starts …
    await db
      .updateTable('intake')
      .set({ received_on: '2026-08-01' })
      .where('case_id', '=', late.id)
      .execute();
    const actor: Actor = {
      userId: world.users.officer.id,
      loginId: world.users.officer.login_id,
      municipalityId: world.municipality.id,
      roles: ['municipal_officer'],
      supportAgencyId: world.users.officer.support_agency_id,
      partnerAgencyId: null,
    };
    const ctx = { requestId: 'test', ip: null, lang: 'ja' as const, actor };
    const file = await exportNationalStatistics(
      t.deps,
      ctx,
      { from: '2026-04', to: '2026-06' },
      'csv',
      { batchSize: 1 },
    );
    expect(file.rowCount).toBe(2);
    // … and corrected into it while the file is being written.
    await db
      .updateTable('intake')
      .set({ received_on: '2026-05-01' })
      .where('case_id', '=', late.id)
      .execute();
    const rows = parseCsv(await new Response(file.body).text()).map((r) => r.cells);
    const audit = await db
      .selectFrom('audit_log')
      .select('person_ids')
      .where('action', '=', 'statistics.national_export')
      .executeTakeFirstOrThrow();
    expect(audit.person_ids).not.toContain(late.personId);
    const people = rows.slice(1).map((r) => r[col('person_id')]);
    expect(people).toHaveLength(2);
    expect(people).not.toContain(late.personId);
  });

  it('refuses those who may not export per-person statistics, and audits the refusal', async () => {
    const res = await worker.get(`/api/statistics/national-export.csv?${range}`);
    expect(res.status).toBe(403);
    expect((await worker.get(`/api/statistics/national-export.xlsx?${range}`)).status).toBe(403);
    const denied = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'outcome'])
      .where('actor_user_id', '=', world.users.supportWorker.id)
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied).toContainEqual({ action: 'statistics.export', outcome: 'denied' });
    const chief = await signedIn(t.app, world.users.chief.login_id);
    expect((await chief.get(`/api/statistics/national-export.csv?${range}`)).status).toBe(200);
  });
});
