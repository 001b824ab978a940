import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { searchKey } from '../src/domain/text/search';
import { todayInJapan } from '../src/domain/text/wareki';
import { createApp } from '../src/server/app';
import { instanceSecret } from '../src/server/auth/instance-secrets';
import { loadConfig } from '../src/server/config';
import { type DatabaseHandle, openPGlite } from '../src/server/db/connect';
import { applyMigrations, readMigrations } from '../src/server/db/migrate';
import { demoPassword } from '../src/server/demo/demo-data';
import { seedDemoData } from '../src/server/demo/seed-demo';
import { createLogger } from '../src/server/http/logger';
import { TestClient } from '../src/server/test/client';

/**
 * A municipality with a large caseload for the benchmarks: the demo 架空市 and its caseload, then
 * `count` more cases of invented people spread over five fiscal years and 80 caseworkers, each
 * with its intake, status history, contact records (five on average), and for cases that reached
 * support a plan with goals, service lines and monitoring. Built once into .bench/ and reused
 * while the migrations are unchanged (the generation takes a few minutes).
 */
const family = [
  '佐藤',
  '鈴木',
  '高橋',
  '田中',
  '伊藤',
  '渡辺',
  '山本',
  '中村',
  '小林',
  '加藤',
  '吉田',
  '山田',
  '佐々木',
  '山口',
  '松本',
  '井上',
  '木村',
  '林',
  '斎藤',
  '清水',
];
const familyKana = [
  'さとう',
  'すずき',
  'たかはし',
  'たなか',
  'いとう',
  'わたなべ',
  'やまもと',
  'なかむら',
  'こばやし',
  'かとう',
  'よしだ',
  'やまだ',
  'ささき',
  'やまぐち',
  'まつもと',
  'いのうえ',
  'きむら',
  'はやし',
  'さいとう',
  'しみず',
];
const given = [
  '翔',
  '蓮',
  '大翔',
  '陽菜',
  '結衣',
  '美咲',
  '健一',
  '誠',
  '浩二',
  '由美',
  '恵子',
  '隆',
  '直樹',
  '彩',
  '真理',
  '修',
  '千尋',
  '大輔',
  '早苗',
  '悠斗',
  '葵',
  '拓海',
  'さくら',
  '一郎',
  '花子',
];
const givenKana = [
  'しょう',
  'れん',
  'ひろと',
  'ひな',
  'ゆい',
  'みさき',
  'けんいち',
  'まこと',
  'こうじ',
  'ゆみ',
  'けいこ',
  'たかし',
  'なおき',
  'あや',
  'まり',
  'おさむ',
  'ちひろ',
  'だいすけ',
  'さなえ',
  'ゆうと',
  'あおい',
  'たくみ',
  'さくら',
  'いちろう',
  'はなこ',
];

/** A small fast generator, seeded, so every build of the data set is the same. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface BulkData {
  database: DatabaseHandle;
  dataDir: string;
  cases: number;
  created: boolean;
  seconds: number;
}

/** The data is made again when the migrations or this generator change. */
async function fingerprint(count: number): Promise<string> {
  const migrations = await readMigrations();
  const generator = createHash('sha256')
    .update(await readFile(fileURLToPath(import.meta.url)))
    .digest('hex');
  return JSON.stringify({ count, migrations: migrations.map((m) => m.checksum), generator });
}

export async function openBulkCases(count: number): Promise<BulkData> {
  const root = join('.bench', `cases-${count}`);
  const dataDir = join(root, 'pglite');
  const marker = join(root, 'fingerprint.json');
  const expected = await fingerprint(count);
  if (existsSync(marker) && (await readFile(marker, 'utf8')) === expected) {
    const database = await openPGlite({ dataDir, sharedBuffers: '32MB' });
    return { database, dataDir, cases: count, created: false, seconds: 0 };
  }
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  const started = performance.now();
  // A large buffer cache for loading (index pages stay in memory); the benchmark then reopens
  // the directory with the cache the server uses.
  const loading = await openPGlite({ dataDir, sharedBuffers: '1GB' });
  await applyMigrations(loading);
  await seedDemoData(loading, loadConfig({ DATA_DIR: root }));
  await generate(loading, count);
  await loading.close();
  await writeFile(marker, expected);
  const database = await openPGlite({ dataDir, sharedBuffers: '32MB' });
  return {
    database,
    dataDir,
    cases: count,
    created: true,
    seconds: (performance.now() - started) / 1000,
  };
}

async function generate(database: DatabaseHandle, count: number) {
  const db = database.db;
  let lap = performance.now();
  const step = (what: string) => {
    const now = performance.now();
    process.stdout.write(`    ${what}: ${((now - lap) / 1000).toFixed(1)} s\n`);
    lap = now;
  };
  const next = random(20261123);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const municipality = await db.selectFrom('municipality').select('id').executeTakeFirstOrThrow();
  const m = municipality.id;
  const agencies = await db.selectFrom('support_agency').select(['id', 'operation']).execute();
  const direct = agencies.find((a) => a.operation === 'direct')?.id ?? '';
  const commissioned = agencies.find((a) => a.operation === 'commissioned')?.id ?? '';
  const districts = (await db.selectFrom('district').select('id').execute()).map((d) => d.id);
  const template = await db
    .selectFrom('app_user')
    .select('password_hash')
    .where('login_id', '=', 'shien')
    .executeTakeFirstOrThrow();

  // 80 caseworkers (60 in the direct agency with the demo's own, 20 in the commissioned one).
  const workers: { id: string; agency: string }[] = [];
  const staff = Array.from({ length: 80 }, (_, i) => ({
    id: randomUUID(),
    municipality_id: m,
    login_id: `worker${String(i + 1).padStart(3, '0')}`,
    display_name: `${pick(family)} ${pick(given)}`,
    roles: ['support_worker' as const],
    support_agency_id: i < 60 ? direct : commissioned,
    password_hash: template.password_hash,
  }));
  await db.insertInto('app_user').values(staff).execute();
  for (const s of staff) workers.push({ id: s.id, agency: s.support_agency_id ?? direct });
  const shien = await db
    .selectFrom('app_user')
    .select(['id', 'support_agency_id'])
    .where('login_id', '=', 'shien')
    .executeTakeFirstOrThrow();
  workers.push({ id: shien.id, agency: shien.support_agency_id ?? direct });

  // People and their cases, made in the database from a list of invented names (every family
  // name with every given name) with their search keys computed as the app computes them.
  const names = family.flatMap((f, i) =>
    given.map((g, j) => {
      const name = `${f} ${g}`;
      const kana = `${familyKana[i]} ${givenKana[j]}`;
      const key = searchKey(name, kana);
      return { name, kana, text: key.text, grams: key.grams };
    }),
  );
  await sql`create temp table bench_name (k int primary key, name text, kana text, search_text text, grams text[])`.execute(
    db,
  );
  await sql`insert into bench_name values ${sql.join(
    names.map((n, k) => sql`(${k}, ${n.name}, ${n.kana}, ${n.text}, ${n.grams}::text[])`),
  )}`.execute(db);
  await sql`create temp table bench_worker (k int primary key, id uuid, agency uuid)`.execute(db);
  await sql`insert into bench_worker values ${sql.join(
    workers.map((w, k) => sql`(${k}, ${w.id}::uuid, ${w.agency}::uuid)`),
  )}`.execute(db);
  const today = todayInJapan();
  await sql`select setseed(0.20261123)`.execute(db);
  await sql`
    create temp table bench_row as
    select g, gen_random_uuid() as person_id, gen_random_uuid() as case_id,
      floor(random() * ${names.length})::int as nk, random() as r1, random() as r2,
      floor(power(random(), 1.4) * 1825)::int as days_ago, random() as r_open, random() as r_status,
      '090-' || (1000 + floor(random() * 9000)::int) || '-' || lpad((g % 10000)::text, 4, '0') as mobile
    from generate_series(1, ${count}::int) as g`.execute(db);
  await sql`
    insert into person (id, municipality_id, name, name_kana, sex, birth_date, address_prefecture,
      address_city, address_street, district_id, phone_mobile, search_text, search_grams, phone_numbers)
    select b.person_id, ${m}, n.name, n.kana, case when b.r1 < 0.55 then 'male' else 'female' end,
      ${today}::date - ((20 + floor(b.r2 * 60)) * 365.25)::int - (b.g % 365),
      '架空県', '架空市',
      (array['中央','東町','西町','北町'])[1 + b.g % 4] || (1 + b.g % 5) || '丁目' || (1 + b.g % 30) || '番',
      (${sql.val(districts)}::uuid[])[1 + b.g % ${districts.length}], b.mobile, n.search_text, n.grams,
      array[regexp_replace(b.mobile, '[^0-9]', '', 'g')]
    from bench_row b join bench_name n on n.k = b.nk`.execute(db);
  // Older cases are mostly over; those of the last eight months mostly open. Numbers far above
  // the demo's, so the two never meet.
  await sql`
    insert into support_case (id, municipality_id, case_number, person_id, support_agency_id,
      lead_worker_id, district_id, status, status_changed_at, opened_on, intake_on, closed_on)
    select x.case_id, ${m},
      x.fiscal_year || '-' || lpad((50000 + row_number() over (partition by x.fiscal_year order by x.g))::text, 5, '0'),
      x.person_id, w.agency, w.id, p.district_id, x.status,
      x.opened_on + time '10:00' + (floor(x.r1 * 60)::int) * interval '1 day', x.opened_on, x.opened_on,
      case when x.is_open then null else x.opened_on end
    from (
      select b.*, ${today}::date - b.days_ago as opened_on,
        extract(year from ${today}::date - b.days_ago - interval '3 month')::int as fiscal_year,
        b.days_ago < 240 and b.r_open < 0.6 as is_open,
        case when b.days_ago < 240 and b.r_open < 0.6
          then (array['in_support','in_support','in_support','monitoring','assessing','planning','continuing','applied','evaluation','plan_review'])[1 + floor(b.r_status * 10)::int]
          else (array['closed','closed','closed','terminated','interrupted','referred_out','info_only','follow_up'])[1 + floor(b.r_status * 8)::int]
        end as status
      from bench_row b
    ) as x
    join bench_worker w on w.k = x.g % ${workers.length}
    join person p on p.id = x.person_id`.execute(db);
  step('persons and cases');

  // The generated cases, told from the demo's by their numbers.
  const bulkOf = (table: string) => sql.raw(`right(${table}.case_number, 5)::int > 50000`);
  const bulk = bulkOf('support_case');
  await sql`
    insert into intake (case_id, municipality_id, received_on, received_by, route_in, topics, main_topic,
      consultation_text, work_status, housing_status, urgency, triage_outcome, triaged_on, triaged_by)
    select id, municipality_id, opened_on, lead_worker_id,
      (array['self_visit','self_phone','family_acquaintance','municipal_department','partner_agency','welfare_commissioner'])[1 + (abs(hashtext(id::text)) % 6)],
      array['income','job_search','debt'], 'income',
      '収入が減り、生活費や家賃の支払いが苦しい。仕事を探している。', 'unemployed', 'rented', 'normal',
      case when status in ('referred_out') then 'refer_out' when status = 'info_only' then 'info_only' else 'continue' end,
      opened_on, lead_worker_id
    from support_case where ${bulk}`.execute(db);
  step('intake');
  await sql`
    insert into case_transition (case_id, municipality_id, from_status, to_status, action, actor_user_id, occurred_at)
    select id, municipality_id, null, 'intake', 'open_intake', lead_worker_id, opened_on + time '10:00'
    from support_case where ${bulk}
    union all
    select id, municipality_id, 'intake', 'continuing', 'triage_continue', lead_worker_id, opened_on + time '11:00'
    from support_case where ${bulk}
    union all
    select id, municipality_id, 'continuing', status,
      case when status in ('in_support','monitoring','evaluation') then 'start_support'
        when status = 'plan_review' then 'submit_plan' else 'close' end,
      lead_worker_id, status_changed_at
    from support_case where ${bulk}`.execute(db);
  step('case_transition');
  // Five contact records a case on average (one to nine).
  await sql`
    insert into contact_record (municipality_id, case_id, occurred_at, mode, summary, person_state, recorded_by)
    select c.municipality_id, c.id, c.opened_on + (n * 9) * interval '1 day' + time '14:00',
      (array['interview','phone','visit','accompany','partner_liaison'])[1 + (n % 5)],
      '面談。前回からの生活の様子と求職活動の状況を確認した。次回までに履歴書を用意する。',
      '落ち着いた様子。', c.lead_worker_id
    from support_case c, generate_series(1, 1 + abs(hashtext(c.id::text)) % 9) as n
    where ${bulkOf('c')}`.execute(db);
  step('contact_record');
  // A plan for every case that reached support; in force for the open ones.
  await sql`
    insert into plan (municipality_id, case_id, plan_no, status, long_term_goal, period_start, period_end,
      programmes, monitoring_dates, submitted_on, adopted_on, activated_on, author_id)
    select municipality_id, id, 1,
      case when status in ('in_support','monitoring','evaluation') then 'active'
        when status = 'plan_review' then 'under_review' else 'closed' end,
      '安定した収入を得て、自分の力で生活を続ける。', opened_on + 14, opened_on + 194,
      array['self_reliance_consultation'], array[opened_on + 74, opened_on + 134, opened_on + 194],
      opened_on + 14,
      case when status <> 'plan_review' then opened_on + 20 end,
      case when status <> 'plan_review' then opened_on + 21 end, lead_worker_id
    from support_case
    where ${bulk} and status in ('in_support','monitoring','evaluation','plan_review','terminated','follow_up','closed')`.execute(
    db,
  );
  step('plan');
  await sql`
    insert into plan_goal (municipality_id, plan_id, sort_order, goal)
    select p.municipality_id, p.id, g, (array['求職活動を続け、就職する','家計を見直し、滞納を解消する'])[g]
    from plan p join support_case c on c.id = p.case_id, generate_series(1, 2) as g
    where ${bulkOf('c')}`.execute(db);
  step('plan_goal');
  await sql`
    insert into plan_service (municipality_id, plan_id, sort_order, content, provider_name, service_class, frequency)
    select p.municipality_id, p.id, s, (array['定期面談','ハローワークへの同行','家計の相談'])[s],
      '架空市生活支援相談センター', 'D', '月2回'
    from plan p join support_case c on c.id = p.case_id, generate_series(1, 3) as s
    where ${bulkOf('c')}`.execute(db);
  step('plan_service');
  await sql`
    insert into monitoring (municipality_id, case_id, plan_id, due_on, done_on, progress, next_action)
    select p.municipality_id, p.case_id, p.id, d,
      case when d < current_date then d end,
      case when d < current_date then '求職活動を続けている。' end,
      case when d < current_date then 'continue' end
    from plan p join support_case c on c.id = p.case_id, unnest(p.monitoring_dates) as d
    where ${bulkOf('c')} and p.status <> 'under_review'`.execute(db);
  step('monitoring');
  // Two audited reads per case, so the audit log is not empty beside 100,000 cases.
  await sql`
    insert into audit_log (occurred_at, municipality_id, actor_user_id, actor_login_id, actor_roles,
      actor_organisation_type, action, outcome, subject_type, subject_id, person_id, person_ids,
      legal_basis, request_id)
    select c.opened_on + time '10:00' + k * interval '3 day', c.municipality_id, c.lead_worker_id, 'worker',
      array['support_worker'], 'support_agency', (array['case.read','case.update'])[k], 'success', 'case',
      c.id::text, c.person_id, array[c.person_id], 'own_case', 'bench-' || k
    from support_case c, generate_series(1, 2) as k
    where ${bulkOf('c')}`.execute(db);
  step('audit_log');
  await sql`
    insert into case_number_counter (municipality_id, fiscal_year, last_number)
    select ${m}, left(case_number, 4)::int, max(right(case_number, 5)::int)
    from support_case where right(case_number, 5)::int > 50000
    group by left(case_number, 4)
    on conflict (municipality_id, fiscal_year) do update set last_number = excluded.last_number`.execute(
    db,
  );
  await sql`vacuum analyze`.execute(db);
  step('vacuum analyze');
}

/**
 * The real application on the generated cases, called in process as the screens call it, signed
 * in as one of the demo users.
 */
export async function benchApp(count: number, loginId: string) {
  process.stdout.write(`  preparing ${count.toLocaleString()} cases (reused when unchanged)…\n`);
  const bulk = await openBulkCases(count);
  if (bulk.created) process.stdout.write(`  generated in ${bulk.seconds.toFixed(0)} s\n`);
  const { database } = bulk;
  const config = loadConfig({ DATA_DIR: bulk.dataDir, LOG_LEVEL: 'silent' });
  const app = createApp({
    config,
    database,
    logger: createLogger('silent'),
    csrfKey: await instanceSecret(database.db, 'csrf_key'),
    now: () => new Date(),
  });
  const client = new TestClient(app);
  const signIn = await client.signIn(loginId, demoPassword);
  if (signIn.status !== 200) {
    await database.close();
    throw new Error(`sign-in failed: ${signIn.text}`);
  }
  return { database, client };
}
