import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import pg from 'pg';
import { searchKey } from '../src/domain/text/search';
import { todayInJapan } from '../src/domain/text/wareki';
import { loadConfig } from '../src/server/config';
import { type DatabaseHandle, openPGlite, openPostgres } from '../src/server/db/connect';
import { applyMigrations, MigrationError } from '../src/server/db/migrate';
import { demoPassword } from '../src/server/demo/demo-data';
import { seedDemoData } from '../src/server/demo/seed-demo';

/**
 * A municipality with a large caseload for the benchmarks: the demo 架空市 and its caseload, then
 * `count` more cases of invented people spread over five years and 80 caseworkers, each with its
 * intake, status history, contact records (five on average), and for the cases that reached a
 * plan the plan, 支援決定, monitoring, evaluations and 支援調整会議 agendas — everything the
 * caseload, the agenda and the statistics read (see `generate`). Deterministic: every choice comes
 * from a hash of the case's number, so any size gives the same data on every run and engine.
 * Built once into .bench/ (PGlite) or into a database of its own (PostgreSQL) and reused while
 * this file is unchanged.
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

/**
 * A pseudo-random number in [0, 1) made in SQL from a row's key and a salt alone (no session
 * state), so the same on PGlite and PostgreSQL, on every run, in any order of evaluation.
 */
const u = (salt: number, key = 'g') =>
  sql.raw(
    `((hashint8extended((${key})::bigint, ${salt}) & 9007199254740991)::float8 / 9007199254740992)`,
  );

// Ids are made the same way, from md5 of a name with the version and variant digits of a
// random (v4) UUID set, so the app's id validation accepts them: `overlay(overlay(md5(…) …))`.

/** One of `choices` by weight (the weights need not sum to 1), for a number in [0, 1). */
function weighted(r: ReturnType<typeof u>, choices: readonly (readonly [string, number])[]) {
  const total = choices.reduce((sum, [, w]) => sum + w, 0);
  let acc = 0;
  const arms = choices.slice(0, -1).map(([value, w]) => {
    acc += w / total;
    return sql`when ${r} < ${sql.lit(Number(acc.toFixed(6)))} then ${sql.lit(value)}`;
  });
  return sql`(case ${sql.join(arms, sql` `)} else ${sql.lit(choices.at(-1)?.[0] ?? '')} end)`;
}

/** A subset of `items`, each kept with its own probability (salted by the item's position). */
function subset(salt: number, key: string, items: readonly (readonly [string, number])[]) {
  return sql`array(select x.t from unnest(${sql.lit(`{${items.map(([t]) => t).join(',')}}`)}::text[], ${sql.lit(`{${items.map(([, p]) => p).join(',')}}`)}::float8[]) with ordinality as x(t, p, i) where ${u(salt, `(${key}) * 64 + x.i`)} < x.p)`;
}

const routes = [
  ['self_visit', 30],
  ['self_phone', 22],
  ['family_acquaintance', 12],
  ['municipal_department', 16],
  ['partner_agency', 10],
  ['welfare_commissioner', 4],
  ['outreach', 3],
  ['other', 3],
] as const;
const topics = [
  ['income', 0.45],
  ['job_search', 0.3],
  ['debt', 0.2],
  ['health_disability', 0.25],
  ['housing', 0.15],
  ['rent_loan', 0.1],
  ['tax_utilities', 0.12],
  ['work_trouble', 0.08],
  ['family', 0.12],
  ['community', 0.03],
  ['child_rearing', 0.05],
  ['care', 0.05],
  ['withdrawal_truancy', 0.04],
  ['dv_abuse', 0.02],
  ['no_food', 0.06],
  ['other', 0.05],
] as const;
const improvementItems = [
  ['housing_secured', 0.12],
  ['health_improved', 0.15],
  ['relationships_improved', 0.2],
  ['budget_improved', 0.3],
  ['asks_for_help', 0.35],
  ['disability_certificate', 0.04],
  ['self_acceptance', 0.2],
  ['sense_of_security', 0.3],
  ['earned_income_increased', 0.15],
  ['other_income_increased', 0.08],
  ['motivation', 0.3],
  ['has_goal', 0.25],
  ['public_assistance_applied', 0.05],
  ['daily_habits', 0.15],
  ['other', 0.03],
] as const;
const referralDestinations = [
  'ハローワーク架空',
  '架空市社会福祉協議会',
  '架空市中央地域包括支援センター',
  '法テラス架空',
];

export interface BulkData {
  database: DatabaseHandle;
  /** The data directory (PGlite) or a directory for the app's files (PostgreSQL). */
  dataDir: string;
  /** PostgreSQL only: the database the cases were built into. */
  url?: string;
  cases: number;
  created: boolean;
  seconds: number;
}

/**
 * The data is made again when the count or this generator changes. Migrations added after the
 * data was made are applied to it (their new tables stay empty); a migration changed after it was
 * applied makes the data again.
 */
async function fingerprint(count: number): Promise<string> {
  const generator = createHash('sha256')
    .update(await readFile(fileURLToPath(import.meta.url)))
    .digest('hex');
  return JSON.stringify({ count, generator });
}

/** Opens a kept data set and brings its schema up to date; false when it must be made again. */
async function reuse(database: DatabaseHandle): Promise<boolean> {
  try {
    const applied = await applyMigrations(database);
    if (applied.length > 0) {
      process.stdout.write(`  applied migrations ${applied.join(', ')} to the kept data\n`);
      await sql`analyze`.execute(database.db);
    }
    return true;
  } catch (error) {
    if (error instanceof MigrationError) {
      process.stdout.write(`  kept data not usable (${error.message}); making it again\n`);
      return false;
    }
    throw error;
  }
}

async function build(database: DatabaseHandle, root: string, count: number) {
  await applyMigrations(database);
  await seedDemoData(database, loadConfig({ DATA_DIR: root }));
  await generate(database, count);
}

/** The generated cases in an embedded PGlite database under .bench/cases-COUNT. */
export async function openBulkCases(count: number): Promise<BulkData> {
  const root = join('.bench', `cases-${count}`);
  const dataDir = join(root, 'pglite');
  const marker = join(root, 'fingerprint.json');
  const expected = await fingerprint(count);
  if (existsSync(marker) && (await readFile(marker, 'utf8')) === expected) {
    const database = await openPGlite({ dataDir, sharedBuffers: '32MB' });
    if (await reuse(database))
      return { database, dataDir, cases: count, created: false, seconds: 0 };
    await database.close();
  }
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  const started = performance.now();
  // A large buffer cache for loading (index pages stay in memory); the benchmark then reopens
  // the directory with the cache the server uses.
  const loading = await openPGlite({ dataDir, sharedBuffers: '1GB' });
  await build(loading, root, count);
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

/** The server the PostgreSQL benchmarks use unless BENCH_POSTGRES_URL names another. */
export const benchPostgresUrl =
  process.env.BENCH_POSTGRES_URL ?? 'postgres://tsunagu:tsunagu@127.0.0.1:5432/postgres';

/**
 * The generated cases in a database of their own on a PostgreSQL server (`tsunagu_bench_COUNT`
 * unless named): made with CREATE DATABASE on `adminUrl` (the role needs CREATEDB), migrated,
 * seeded with the demo municipality, filled, analysed. The fingerprint is kept as the database's
 * comment, so a later run reuses the database while the generator and the migrations allow it.
 */
export async function openBulkCasesPostgres(
  count: number,
  options: { adminUrl?: string; database?: string } = {},
): Promise<BulkData> {
  const adminUrl = options.adminUrl ?? benchPostgresUrl;
  const name = options.database ?? `tsunagu_bench_${count}`;
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`database name not allowed: ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const root = join('.bench', `postgres-${name}`);
  await mkdir(root, { recursive: true });
  const expected = await fingerprint(count);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const found = await admin.query<{ note: string | null }>(
      "select shobj_description(oid, 'pg_database') as note from pg_database where datname = $1",
      [name],
    );
    if (found.rows[0]?.note === expected) {
      const database = openPostgres({ url: url.toString() });
      if (await reuse(database)) {
        return {
          database,
          dataDir: root,
          url: url.toString(),
          cases: count,
          created: false,
          seconds: 0,
        };
      }
      await database.close();
    }
    const started = performance.now();
    if (found.rows.length > 0) await dropDatabase(admin, name);
    await admin.query(`create database ${name} template template0 encoding 'UTF8'`);
    const loading = openPostgres({ url: url.toString(), poolSize: 2 });
    try {
      await build(loading, root, count);
    } finally {
      await loading.close();
    }
    await admin.query(`comment on database ${name} is ${pg.escapeLiteral(expected)}`);
    return {
      database: openPostgres({ url: url.toString() }),
      dataDir: root,
      url: url.toString(),
      cases: count,
      created: true,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await admin.end();
  }
}

/**
 * Drops a bench database. An autovacuum worker still on it (after an interrupted build) belongs to
 * the server, which an ordinary role may not end: wait for it to leave.
 */
async function dropDatabase(admin: pg.Client, name: string) {
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.query(`drop database if exists ${name} with (force)`);
      return;
    } catch (error) {
      if (attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 3000));
    }
  }
}

/**
 * Fills the demo municipality with `count` invented cases, set-based in SQL (`insert … select`
 * over `generate_series`) with every choice drawn from a hash of the case's number and a salt:
 * the same data on every run and on both engines (ids included). Working tables `bench_*` are
 * dropped at the end.
 *
 * The cases are spread over five years, most in the last ones. About one in seven is still open
 * (those of the last eight months: in support, monitoring, at evaluation, awaiting plan review, or
 * before a plan). Of the others, a fifth were referred out at triage (a third of those to the
 * 生活保護 window), a quarter given information only, a third ended without a plan, and the rest
 * went through a plan: submitted, adopted at a 支援調整会議, 支援決定 by the municipal officer,
 * monitored, evaluated (就労, 増収, 自立に向けた改善), one in five re-planned and evaluated again,
 * then ended. About 40 % of plans are 就労支援対象; 6 % of ended cases were reopened later; 5 %
 * moved to another district.
 */
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
  const districts = (
    await db.selectFrom('district').select('id').orderBy('sort_order').execute()
  ).map((d) => d.id);
  const template = await db
    .selectFrom('app_user')
    .select('password_hash')
    .where('login_id', '=', 'shien')
    .executeTakeFirstOrThrow();
  const officer = await db
    .selectFrom('app_user')
    .select('id')
    .where('login_id', '=', 'jichitai')
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

  // Invented names (every family name with every given name) with their search keys computed
  // as the app computes them.
  const names = family.flatMap((f, i) =>
    given.map((g, j) => {
      const name = `${f} ${g}`;
      const kana = `${familyKana[i]} ${givenKana[j]}`;
      const key = searchKey(name, kana);
      return { name, kana, text: key.text, grams: key.grams };
    }),
  );
  for (const table of ['bench_name', 'bench_worker', 'bench_case', 'bench_series', 'bench_plan']) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
  await sql`create table bench_name (k int primary key, name text, kana text, search_text text, grams text[])`.execute(
    db,
  );
  await sql`insert into bench_name values ${sql.join(
    names.map((n, k) => sql`(${k}, ${n.name}, ${n.kana}, ${n.text}, ${n.grams}::text[])`),
  )}`.execute(db);
  await sql`create table bench_worker (k int primary key, id uuid, agency uuid)`.execute(db);
  await sql`insert into bench_worker values ${sql.join(
    workers.map((w, k) => sql`(${k}, ${w.id}::uuid, ${w.agency}::uuid)`),
  )}`.execute(db);
  const today = todayInJapan();
  const day = (d: string) => sql`${sql.lit(d)}::date`;
  const t = day(today);
  // Every date of a case's story, decided once (each step materialised, so no expression is
  // computed twice); the tables below are filled from it. Kept in the order the cases came in,
  // so the rows land on disk in time order as a real caseload's do (range scans by date read
  // few pages).
  await sql`
    create table bench_case as
    with b as materialized (
      select g, overlay(overlay(md5('person-' || g) placing '4' from 13) placing '8' from 17)::uuid as person_id, overlay(overlay(md5('case-' || g) placing '4' from 13) placing '8' from 17)::uuid as case_id,
        floor(${u(1)} * ${sql.lit(names.length)})::int as nk, g % ${sql.lit(workers.length)} as wk,
        floor(power(${u(2)}, 1.4) * 1825)::int as days_ago,
        ${u(3)} as r_open, ${u(4)} as r_status, ${u(5)} as r_replan, ${u(6)} as r_end,
        ${u(7)} as r_target, ${u(8)} as r_reopen, ${u(9)} as r_move, ${u(10)} as r_days,
        ${u(11)} as r_pa, ${u(12)} as r_decision
      from generate_series(1, ${sql.lit(count)}::int) as g
    ), c as materialized (
      select b.*, ${t} - days_ago as opened_on,
        case
          when days_ago < 240 and r_open < 0.6 then
            case when days_ago < 35
              then (array['continuing','applied','assessing','planning'])[1 + floor(r_status * 4)::int]
              else (array['in_support','in_support','in_support','monitoring','assessing','planning','continuing','applied','evaluation','plan_review'])[1 + floor(r_status * 10)::int]
            end
          when r_status < 0.2 then 'referred_out'
          when r_status < 0.45 then 'info_only'
          when r_status < 0.78 or days_ago < 60 then 'no_plan'
          else 'plan'
        end as kind,
        least(1.0, greatest(days_ago - 22, 0) / 400.0) as f
      from b
    ), d as materialized (
      select c.*,
        kind in ('in_support','monitoring','evaluation','plan_review','plan') as has_plan,
        kind in ('continuing','applied','assessing','planning','in_support','monitoring','evaluation','plan_review') as is_open,
        kind = 'plan' and r_replan < 0.2 and r_end < 0.9 as replan,
        case when kind = 'plan' then
          case when r_end < 0.5 then 'terminated' when r_end < 0.8 then 'closed' when r_end < 0.9 then 'follow_up' else 'interrupted' end
          when kind = 'no_plan' then case when r_end < 0.5 then 'interrupted' else 'closed' end
          else kind end as end_status
      from c
    ), e as materialized (
      select d.*,
        case when has_plan then opened_on + 14 end as sub1,
        case when has_plan and kind <> 'plan_review' then opened_on + 21 end as adopted1,
        case when has_plan and kind <> 'plan_review' then opened_on + 23 end as decided1,
        case when kind = 'plan' and end_status <> 'interrupted' then opened_on + 24 + floor(170 * f)::int end as eval1
      from d
    ), e2 as materialized (
      select e.*, case when replan then eval1 + floor(14 * f)::int end as sub2 from e
    ), e3 as materialized (
      select e2.*, sub2 + floor(7 * f)::int as adopted2, sub2 + floor(9 * f)::int as decided2 from e2
    ), e4 as materialized (
      select e3.*, decided2 + 1 + floor(170 * f)::int as eval2 from e3
    ), e5 as materialized (
      select e4.*,
        case
          when is_open then null
          when kind in ('referred_out','info_only') then opened_on
          when kind = 'no_plan' then opened_on + floor(least(days_ago, 90) * r_days)::int
          when end_status = 'interrupted' then decided1 + floor(90 * f)::int
          else coalesce(eval2, eval1) + floor(7 * f)::int
        end as ended_on
      from e4
    ), e6 as materialized (
      select e5.*,
        case when kind in ('plan','no_plan') and r_reopen < 0.06 and ended_on <= ${t} - 150
          then ended_on + 30 + floor(r_days * (${t} - ended_on - 60))::int end as reopened_on
      from e5
    )
    select e6.*,
      case when reopened_on < ${t} - 120 then reopened_on + 60 end as re_ended_on,
      case
        when is_open then kind
        when reopened_on >= ${t} - 120 then 'reopened'
        when reopened_on is not null then 'terminated'
        else end_status
      end as status,
      has_plan and r_target < 0.4 as target,
      case when r_decision < 0.3 then 'decision' else 'confirmation' end as decision_kind,
      r_move < 0.05 and days_ago >= 30 as moved,
      case when r_move < 0.05 and days_ago >= 30 then opened_on + 1 + floor(r_move * 20 * (days_ago - 1))::int end as moved_on,
      case kind when 'in_support' then decided1 when 'plan_review' then sub1 when 'continuing' then opened_on
        else greatest(decided1 + 1, opened_on + floor(r_days * least(days_ago, 60))::int) end as open_step_on,
      extract(year from opened_on - interval '3 month')::int as fiscal_year
    from e6
    order by opened_on, g`.execute(db);
  await sql`alter table bench_case add primary key (g)`.execute(db);
  step('case stories');

  await sql`
    insert into person (id, municipality_id, name, name_kana, sex, birth_date, address_prefecture,
      address_city, address_street, district_id, phone_mobile, search_text, search_grams, phone_numbers)
    select c.person_id, ${m}, n.name, n.kana,
      ${weighted(u(13, 'c.g'), [
        ['male', 55],
        ['female', 43],
        ['other', 1],
        ['unanswered', 1],
      ])},
      ${t} - ((15 + floor(power(${u(14, 'c.g')}, 1.2) * 70)) * 365.25)::int - (c.g % 365),
      '架空県', '架空市',
      (array['中央','東町','西町','北町'])[1 + c.g % 4] || (1 + c.g % 5) || '丁目' || (1 + c.g % 30) || '番',
      (${sql.val(districts)}::uuid[])[1 + (c.g + c.moved::int) % ${sql.lit(districts.length)}],
      x.mobile, n.search_text, n.grams, array[regexp_replace(x.mobile, '[^0-9]', '', 'g')]
    from bench_case c join bench_name n on n.k = c.nk,
      lateral (select '090-' || (1000 + floor(${u(15, 'c.g')} * 9000)::int) || '-' || lpad((c.g % 10000)::text, 4, '0') as mobile) as x
    order by c.opened_on, c.g`.execute(db);
  // Statistics on the new rows before the foreign keys are checked against them.
  await sql`analyze bench_case`.execute(db);
  await sql`analyze person`.execute(db);
  step('person');
  // Numbers far above the demo's (from 50001 in each fiscal year, six digits past 99999), so the
  // two never meet.
  // The district history is written below in one statement, not row by row by the trigger.
  await sql`alter table support_case disable trigger user`.execute(db);
  await sql`
    insert into support_case (id, municipality_id, case_number, person_id, support_agency_id,
      lead_worker_id, district_id, status, status_changed_at, opened_on, intake_on, closed_on)
    select c.case_id, ${m},
      c.fiscal_year || '-' || (50000 + row_number() over (partition by c.fiscal_year order by c.opened_on, c.g)),
      c.person_id, w.agency, w.id,
      (${sql.val(districts)}::uuid[])[1 + (c.g + c.moved::int) % ${sql.lit(districts.length)}],
      c.status,
      coalesce(c.re_ended_on, c.reopened_on, c.ended_on, c.open_step_on) + time '10:00',
      c.opened_on, c.opened_on,
      case when c.status = 'reopened' or c.is_open then null else coalesce(c.re_ended_on, c.ended_on) end
    from bench_case c join bench_worker w on w.k = c.wk
    order by c.opened_on, c.g`.execute(db);
  await sql`alter table support_case enable trigger user`.execute(db);
  await sql`analyze support_case`.execute(db);
  step('support_case');
  // Each case's district from its opening; a case that moved was in the one before until the day
  // it moved.
  await sql`
    insert into case_district_history (case_id, municipality_id, district_id, valid_from, valid_to)
    select c.case_id, ${m}::uuid, (${sql.val(districts)}::uuid[])[1 + c.g % ${sql.lit(districts.length)}],
      c.opened_on, c.moved_on
    from bench_case c
    union all
    select c.case_id, ${m}, (${sql.val(districts)}::uuid[])[1 + (c.g + 1) % ${sql.lit(districts.length)}],
      c.moved_on, null
    from bench_case c where c.moved`.execute(db);
  // Populations for the per-100,000 figures of a district, where the demo left them unset.
  await sql`
    update district d set population = (
      select m.population * (array[0.34, 0.25, 0.23, 0.18])[1 + (d.sort_order % 4)]
      from municipality m where m.id = d.municipality_id)::int
    where d.population is null`.execute(db);
  step('case_district_history');

  await sql`
    insert into intake (case_id, municipality_id, received_on, received_by, route_in, topics, main_topic,
      consultation_text, work_status, housing_status, urgency, triage_outcome, triaged_on, triaged_by)
    select c.case_id, ${m}, c.opened_on, w.id, ${weighted(u(16, 'c.g'), routes)}, tp.topics, tp.topics[1],
      '収入が減り、生活費や家賃の支払いが苦しい。仕事を探している。',
      ${weighted(u(17, 'c.g'), [
        ['unemployed', 45],
        ['non_regular', 20],
        ['regular', 8],
        ['self_employed', 5],
        ['pension_only', 15],
        ['on_leave', 3],
        ['other', 4],
      ])},
      'rented', 'normal',
      case c.kind when 'referred_out' then 'refer_out' when 'info_only' then 'info_only' else 'continue' end,
      c.opened_on, w.id
    from bench_case c join bench_worker w on w.k = c.wk,
      lateral (select case when cardinality(s.a) = 0 then array['income'] else s.a end as topics
        from (select ${subset(18, 'c.g', topics)} as a) as s) as tp
    order by c.opened_on, c.g`.execute(db);
  step('intake');

  // The status history: triage, the plan steps, evaluations, the end, a reopening.
  await sql`
    insert into case_transition (case_id, municipality_id, from_status, to_status, action, actor_user_id, occurred_at, reason)
    select c.case_id, ${m}, x.from_status, x.to_status, x.action, w.id, x.on_day + x.at_time, x.reason
    from bench_case c join bench_worker w on w.k = c.wk,
      lateral (values
        (null, 'intake', 'open_intake', c.opened_on, time '10:00', null),
        ('intake',
          case c.kind when 'referred_out' then 'referred_out' when 'info_only' then 'info_only' else 'continuing' end,
          case c.kind when 'referred_out' then 'triage_refer_out' when 'info_only' then 'triage_info_only' else 'triage_continue' end,
          c.opened_on, time '11:00', null),
        ('planning', 'plan_review', 'submit_plan', c.sub1, time '10:00', null),
        ('plan_review', 'plan_adopted', 'adopt_plan', c.adopted1, time '10:00', null),
        ('plan_adopted', 'support_decided', 'decide_support', c.decided1, time '10:00', null),
        ('support_decided', 'in_support', 'start_support', c.decided1, time '11:00', null),
        ('in_support', 'evaluation', 'start_evaluation', c.eval1, time '10:00', null),
        ('evaluation', 'planning', 'replan', case when c.replan then c.eval1 end, time '11:00', null),
        ('planning', 'plan_review', 'submit_plan', c.sub2, time '10:00', null),
        ('plan_review', 'plan_adopted', 'adopt_plan', c.adopted2, time '10:00', null),
        ('plan_adopted', 'support_decided', 'decide_support', c.decided2, time '10:00', null),
        ('support_decided', 'in_support', 'start_support', c.decided2, time '11:00', null),
        ('in_support', 'evaluation', 'start_evaluation', c.eval2, time '10:00', null),
        (case when c.kind = 'plan' and c.end_status <> 'interrupted' then 'evaluation'
          when c.kind = 'plan' then 'in_support' else 'continuing' end,
          case when c.end_status = 'interrupted' then 'interrupted' else 'terminated' end,
          case when c.end_status = 'interrupted' then 'interrupt' else 'terminate' end,
          case when c.kind in ('plan', 'no_plan') then c.ended_on end, time '15:00', null),
        ('terminated', case when c.end_status = 'follow_up' then 'follow_up' else 'closed' end,
          case when c.end_status = 'follow_up' then 'start_follow_up' else 'close' end,
          case when c.end_status in ('closed', 'follow_up') then c.ended_on end, time '16:00', null),
        (c.end_status, 'reopened', 'reopen', c.reopened_on, time '10:00', '生活状況が再び悪化したとの相談があり、支援を再開する。'),
        ('reopened', 'terminated', 'terminate', c.re_ended_on, time '15:00', null),
        (case when c.has_plan then 'in_support' else 'continuing' end, c.kind,
          case c.kind when 'monitoring' then 'start_monitoring' when 'evaluation' then 'start_evaluation'
            when 'applied' then 'record_application' when 'assessing' then 'start_assessment'
            when 'planning' then 'start_planning' end,
          case when c.kind in ('monitoring','evaluation','applied','assessing','planning')
            then c.open_step_on end, time '12:00', null)
      ) as x(from_status, to_status, action, on_day, at_time, reason)
    where x.on_day is not null
    order by x.on_day + x.at_time, c.g`.execute(db);
  step('case_transition');

  // Five contact records a case on average (one to nine), none after today.
  await sql`
    insert into contact_record (municipality_id, case_id, occurred_at, mode, summary, person_state, recorded_by)
    select ${m}, c.case_id, least(c.opened_on + n * 9, ${t}) + time '14:00',
      (array['interview','phone','visit','accompany','partner_liaison'])[1 + (n % 5)],
      '面談。前回からの生活の様子と求職活動の状況を確認した。次回までに履歴書を用意する。',
      '落ち着いた様子。', w.id
    from bench_case c join bench_worker w on w.k = c.wk,
      generate_series(1, 1 + floor(${u(19, 'c.g')} * 9)::int) as n
    order by 3, c.g, n`.execute(db);
  step('contact_record');

  // Plans: the first for every case that reached one, a re-plan for one in five of those ended.
  await sql`
    create table bench_plan as
    select c.g, c.case_id, c.wk, c.target, c.decision_kind, 1 as plan_no,
      overlay(overlay(md5('plan-1-' || c.g) placing '4' from 13) placing '8' from 17)::uuid as plan_id,
      case when c.kind = 'plan_review' then 'under_review' when c.is_open then 'active'
        when c.replan then 'superseded' else 'closed' end as status,
      c.sub1 as submitted_on, c.adopted1 as adopted_on, c.decided1 as decided_on, c.eval1 as evaluated_on,
      case when c.replan then 'replan' else 'terminate' end as decision
    from bench_case c where c.has_plan
    union all
    select c.g, c.case_id, c.wk, c.target, c.decision_kind, 2, overlay(overlay(md5('plan-2-' || c.g) placing '4' from 13) placing '8' from 17)::uuid, 'closed',
      c.sub2, c.adopted2, c.decided2, c.eval2, 'terminate'
    from bench_case c where c.replan`.execute(db);
  await sql`
    insert into plan (id, municipality_id, case_id, plan_no, status, long_term_goal, period_start, period_end,
      employment_support_target, programmes, monitoring_dates, submitted_on, adopted_on, activated_on, author_id)
    select p.plan_id, ${m}, p.case_id, p.plan_no, p.status,
      '安定した収入を得て、自分の力で生活を続ける。', coalesce(p.adopted_on, p.submitted_on + 7),
      coalesce(p.adopted_on, p.submitted_on + 7) + 180, p.target,
      case when p.decision_kind = 'decision' then array['self_reliance_consultation','household_budget']
        else array['self_reliance_consultation'] end,
      case when p.adopted_on is null then '{}'::date[]
        else array[p.adopted_on + 60, p.adopted_on + 120, p.adopted_on + 180] end,
      p.submitted_on, p.adopted_on, p.decided_on, w.id
    from bench_plan p join bench_worker w on w.k = p.wk
    order by p.submitted_on, p.g, p.plan_no`.execute(db);
  await sql`analyze plan`.execute(db);
  step('plan');
  await sql`
    insert into support_decision (id, municipality_id, plan_id, case_id, kind, decided_on, decided_by, programmes_decided)
    select overlay(overlay(md5('decision-' || p.plan_id) placing '4' from 13) placing '8' from 17)::uuid, ${m}, p.plan_id, p.case_id, p.decision_kind, p.decided_on, ${officer.id},
      case when p.decision_kind = 'decision' then array['household_budget'] else '{}'::text[] end
    from bench_plan p where p.decided_on is not null
    order by p.decided_on, p.g, p.plan_no`.execute(db);
  step('support_decision');
  await sql`
    insert into plan_goal (municipality_id, plan_id, sort_order, goal)
    select ${m}, p.plan_id, k, (array['求職活動を続け、就職する','家計を見直し、滞納を解消する'])[k]
    from bench_plan p, generate_series(1, 2) as k`.execute(db);
  await sql`
    insert into plan_service (municipality_id, plan_id, sort_order, content, provider_name, service_class, frequency)
    select ${m}, p.plan_id, s, (array['定期面談','ハローワークへの同行','家計の相談'])[s],
      '架空市生活支援相談センター', 'D', '月2回'
    from bench_plan p, generate_series(1, 3) as s`.execute(db);
  step('plan_goal, plan_service');
  await sql`
    insert into monitoring (municipality_id, case_id, plan_id, due_on, done_on, progress, next_action)
    select ${m}, p.case_id, p.plan_id, d,
      case when d < ${t} then d end,
      case when d < ${t} then '求職活動を続けている。' end,
      case when d < ${t} then 'continue' end
    from bench_plan p, unnest(array[p.adopted_on + 60, p.adopted_on + 120, p.adopted_on + 180]) as d
    where p.adopted_on is not null`.execute(db);
  step('monitoring');
  // 就労 and 増収 far more often among the 就労支援対象; 自立に向けた改善 item by item.
  await sql`
    insert into evaluation (id, municipality_id, case_id, plan_id, evaluated_on, support_review, employed,
      employment_started_on, employment_type, income_increased, improvements, decision, recorded_by)
    select overlay(overlay(md5('evaluation-' || p.plan_id) placing '4' from 13) placing '8' from 17)::uuid, ${m}, p.case_id, p.plan_id, p.evaluated_on,
      'プランの目標に沿って支援を行った。', x.employed,
      case when x.employed then p.evaluated_on - 20 end,
      case when x.employed then (case when ${u(20, 'p.g * 2 + p.plan_no')} < 0.3 then 'regular' else 'non_regular' end) end,
      ${u(21, 'p.g * 2 + p.plan_no')} < case when p.target then 0.3 else 0.12 end,
      ${subset(22, 'p.g * 2 + p.plan_no', improvementItems)}, p.decision, w.id
    from bench_plan p join bench_worker w on w.k = p.wk,
      lateral (select ${u(23, 'p.g * 2 + p.plan_no')} < case when p.target then 0.45 else 0.1 end as employed) as x
    where p.evaluated_on is not null
    order by p.evaluated_on, p.g, p.plan_no`.execute(db);
  step('evaluation');

  // つなぎ at triage: a third to the 生活保護 window, the others to partners; most arrived.
  await sql`
    insert into referral (id, municipality_id, case_id, destination_name, reason, to_public_assistance,
      referred_on, follow_up_on, status, confirmed_on, created_by, created_at, updated_at)
    select overlay(overlay(md5('referral-' || c.g) placing '4' from 13) placing '8' from 17)::uuid, ${m}, c.case_id,
      case when c.r_pa < 0.35 then '架空市福祉事務所 生活保護担当'
        else (${sql.val(referralDestinations)}::text[])[1 + c.g % ${sql.lit(referralDestinations.length)}] end,
      '相談内容から、専門の窓口につなぐ。', c.r_pa < 0.35, c.opened_on, c.opened_on + 7, x.status,
      case when x.status in ('arrived','not_arrived') then c.opened_on + 7 end, w.id,
      c.opened_on + time '11:00', c.opened_on + time '11:00'
    from bench_case c join bench_worker w on w.k = c.wk,
      lateral (select case when c.r_days < 0.8 then 'arrived' when c.r_days < 0.9 then 'not_arrived' else 'pending' end as status) as x
    where c.kind = 'referred_out'`.execute(db);
  await sql`analyze referral`.execute(db);
  await sql`
    insert into referral_event (referral_id, case_id, municipality_id, event, actor_user_id, occurred_at)
    select r.id, r.case_id, r.municipality_id, 'sent', r.created_by, r.created_at from referral r
    where r.id in (select overlay(overlay(md5('referral-' || g) placing '4' from 13) placing '8' from 17)::uuid from bench_case where kind = 'referred_out')
    union all
    select r.id, r.case_id, r.municipality_id, r.status, r.created_by, r.confirmed_on + time '10:00' from referral r
    where r.status in ('arrived','not_arrived')
      and r.id in (select overlay(overlay(md5('referral-' || g) placing '4' from 13) placing '8' from 17)::uuid from bench_case where kind = 'referred_out')`.execute(
    db,
  );
  step('referral');

  // 支援調整会議: one series for about every 10,000 cases in each agency, sitting on the 10th and
  // the 24th of each month; each plan on the agenda of the last sitting before its adoption, each
  // evaluation on the next; six attendees, most present.
  const perAgency = Math.max(1, Math.round(count / 10_000));
  await sql`
    create table bench_series as
    select k, overlay(overlay(md5('series-' || k) placing '4' from 13) placing '8' from 17)::uuid as id,
      case when k < ${sql.lit(perAgency)} then ${direct}::uuid else ${commissioned}::uuid end as agency
    from generate_series(0, ${sql.lit(2 * perAgency - 1)}) as k`.execute(db);
  await sql`
    insert into meeting_series (id, municipality_id, type, name, host_agency_id, pattern, regular_week, regular_weekday)
    select s.id, ${m}, 'coordination', 'ベンチ支援調整会議 ' || (s.k + 1), s.agency, 'regular', 2, 4
    from bench_series s`.execute(db);
  const since = (
    await sql<{ d: string }>`select min(opened_on)::text as d from bench_case`.execute(db)
  ).rows[0]?.d;
  await sql`
    insert into meeting (id, municipality_id, series_id, held_on, starts_at, tier, status)
    select overlay(overlay(md5('meeting-' || s.k || '-' || h.d) placing '4' from 13) placing '8' from 17)::uuid, ${m}, s.id, h.d, '09:00', 'core', 'held'
    from bench_series s,
      lateral (select (mo::date + o) as d
        from generate_series(date_trunc('month', ${day(since ?? today)}), ${t}, interval '1 month') as mo,
          (values (9), (23)) as v(o)
        where mo::date + o <= ${t}) as h
    order by h.d, s.k`.execute(db);
  await sql`analyze meeting`.execute(db);
  step('meeting_series, meeting');
  const sitting = (d: string) =>
    sql.raw(`(case when extract(day from ${d}) >= 24 then date_trunc('month', ${d})::date + 23
      when extract(day from ${d}) >= 10 then date_trunc('month', ${d})::date + 9
      else (date_trunc('month', ${d}) - interval '1 month')::date + 23 end)`);
  await sql`
    insert into meeting_item (municipality_id, meeting_id, series_id, case_id, plan_id, kind, position, minutes,
      reporter_id, basis, decision, decided_at)
    select ${m}, overlay(overlay(md5('meeting-' || i.series_k || '-' || i.held_on) placing '4' from 13) placing '8' from 17)::uuid, s.id, i.case_id, i.plan_id, i.kind,
      row_number() over (partition by i.series_k, i.held_on order by i.g, i.kind), 30, w.id, 'internal', i.decision,
      i.held_on + time '10:00'
    from (
      select p.g, p.case_id, p.plan_id, p.wk,
        (case when w.agency = ${direct}::uuid then 0 else ${sql.lit(perAgency)} end) + p.g % ${sql.lit(perAgency)} as series_k,
        ${sitting('p.adopted_on')} as held_on,
        case when p.plan_no = 1 then 'new_plan' else 'replan' end as kind, 'adopted' as decision
      from bench_plan p join bench_worker w on w.k = p.wk where p.adopted_on is not null
      union all
      select p.g, p.case_id, p.plan_id, p.wk,
        (case when w.agency = ${direct}::uuid then 0 else ${sql.lit(perAgency)} end) + p.g % ${sql.lit(perAgency)},
        ${sitting('p.evaluated_on + 14')},
        'evaluation', case when p.decision = 'replan' then 'replan_requested' else 'termination_approved' end
      from bench_plan p join bench_worker w on w.k = p.wk
      where p.evaluated_on is not null and p.evaluated_on + 14 <= ${t}
    ) as i
    join bench_series s on s.k = i.series_k
    join bench_worker w on w.k = i.wk
    where exists (select 1 from meeting mt where mt.id = overlay(overlay(md5('meeting-' || i.series_k || '-' || i.held_on) placing '4' from 13) placing '8' from 17)::uuid)
    order by i.held_on, i.series_k, i.g
    on conflict (meeting_id, case_id) do nothing`.execute(db);
  step('meeting_item');
  await sql`
    insert into meeting_attendee (municipality_id, meeting_id, user_id, name, organisation, municipal, roles, present)
    select ${m}, mt.id, case when a.n <= 4 then w.id when a.n = 5 then ${officer.id}::uuid end,
      case when a.n = 6 then '架空 太郎' end, case when a.n = 6 then 'ハローワーク架空' end,
      a.n = 5, case when a.n = 1 then array['chair'] else array['member'] end,
      ${u(24, 'a.n::bigint * 1000003 + hashtext(mt.id::text)')} < 0.9
    from meeting mt join bench_series s on s.id = mt.series_id, generate_series(1, 6) as a(n)
      left join bench_worker w on w.k = (a.n * 17) % 80`.execute(db);
  step('meeting_attendee');

  // Two audited reads per case, so the audit log is not empty beside the cases.
  await sql`
    insert into audit_log (occurred_at, municipality_id, actor_user_id, actor_login_id, actor_roles,
      actor_organisation_type, action, outcome, subject_type, subject_id, person_id, person_ids,
      legal_basis, request_id)
    select c.opened_on + time '10:00' + a.k * interval '3 day', ${m}, w.id, 'worker',
      array['support_worker'], 'support_agency', (array['case.read','case.update'])[a.k], 'success', 'case',
      c.case_id::text, c.person_id, array[c.person_id], 'own_case', 'bench-' || a.k
    from bench_case c join bench_worker w on w.k = c.wk, generate_series(1, 2) as a(k)
    order by 1, c.g`.execute(db);
  step('audit_log');
  await sql`
    insert into case_number_counter (municipality_id, fiscal_year, last_number)
    select ${m}, fiscal_year, 50000 + count(*) from bench_case group by fiscal_year
    on conflict (municipality_id, fiscal_year) do update
      set last_number = greatest(case_number_counter.last_number, excluded.last_number)`.execute(
    db,
  );
  for (const table of ['bench_name', 'bench_worker', 'bench_case', 'bench_series', 'bench_plan']) {
    await sql`drop table ${sql.table(table)}`.execute(db);
  }
  await sql`vacuum analyze`.execute(db);
  step('vacuum analyze');
}

/**
 * The real application on the generated cases, called in process as the screens call it, signed
 * in as one of the demo users: on PGlite (the default) or, with `engine: 'postgres'`, on the
 * PostgreSQL server of `benchPostgresUrl`. The application is loaded only here, so the generator
 * above runs without it.
 */
export async function benchApp(
  count: number,
  loginId: string,
  options: { engine?: 'pglite' | 'postgres' } = {},
) {
  const engine = options.engine ?? 'pglite';
  process.stdout.write(
    `  preparing ${count.toLocaleString()} cases on ${engine} (reused when unchanged)…\n`,
  );
  const bulk =
    engine === 'postgres' ? await openBulkCasesPostgres(count) : await openBulkCases(count);
  if (bulk.created) process.stdout.write(`  generated in ${bulk.seconds.toFixed(0)} s\n`);
  const { database } = bulk;
  const [{ createApp }, { instanceSecret }, { createLogger }, { TestClient }] = await Promise.all([
    import('../src/server/app'),
    import('../src/server/auth/instance-secrets'),
    import('../src/server/http/logger'),
    import('../src/server/test/client'),
  ]);
  const config = loadConfig({
    DATA_DIR: bulk.dataDir,
    LOG_LEVEL: 'silent',
    ...(bulk.url ? { DATABASE_URL: bulk.url } : {}),
  });
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
  return { database, client, bulk };
}
