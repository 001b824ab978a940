import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Insertable, type Kysely, sql } from 'kysely';
import pg from 'pg';
import { searchKey } from '../src/domain/text/search';
import { todayInJapan } from '../src/domain/text/wareki';
import { loadConfig } from '../src/server/config';
import { type DatabaseHandle, openPGlite, openPostgres } from '../src/server/db/connect';
import { applyMigrations, MigrationError } from '../src/server/db/migrate';
import type { Database } from '../src/server/db/schema';
import { demoPassword } from '../src/server/demo/demo-data';
import { seedDemoData } from '../src/server/demo/seed-demo';
import { namePool } from './names';

/**
 * The synthetic data of the benchmarks (issue 6): the demo 架空市 and its caseload, then `count`
 * more cases of invented people (./names.ts) spread over five years — at the national size over
 * 50 municipalities — with one caseworker for about every 1,250 cases, each case with its intake,
 * status history, contact records (five on average, ten at the national size), and for the cases
 * that reached a plan the plan, 支援決定, monitoring, evaluations and 支援調整会議 agendas —
 * everything the home page, the agenda and the statistics read (see `generate`). Deterministic:
 * every choice comes from a hash of the case's number, so any size gives the same data on every
 * run and engine. Built once into .bench/ (PGlite) or into a database of its own (PostgreSQL)
 * and reused while this file and ./names.ts are unchanged; `npm run generate` builds one.
 */
const pool = namePool();
/** A staff member's invented name. */
const staffName = (pick: <T>(list: readonly T[]) => T) => {
  const name = pick(pool);
  return `${name.family} ${name.given}`;
};

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

/**
 * The sizes of the generated data (issue 6): small for a quick look, a city (one municipality of
 * about 120,000 people), and the national size — 1,000,000 cases with 10,000,000 contact records
 * over 50 municipalities, 架空市 the largest with a tenth of them (100,000 cases, as the city
 * size) and the others falling off by rank (Zipf, exponent 0.8) down to about 6,000 cases.
 */
export interface BulkSize {
  name: string;
  cases: number;
  municipalities: number;
  /** Contact records per case on average. */
  contactsPerCase: number;
}

export const bulkSizes = {
  small: { name: 'small', cases: 1_000, municipalities: 1, contactsPerCase: 5 },
  city: { name: 'city', cases: 100_000, municipalities: 1, contactsPerCase: 5 },
  national: { name: 'national', cases: 1_000_000, municipalities: 50, contactsPerCase: 10 },
} as const satisfies Record<string, BulkSize>;

/** The named size with this many cases, or one municipality of that many. */
export function bulkSizeOf(cases: number): BulkSize {
  return (
    Object.values(bulkSizes).find((size) => size.cases === cases) ?? {
      name: `${cases}`,
      cases,
      municipalities: 1,
      contactsPerCase: 5,
    }
  );
}

const benchTables = [
  'bench_name',
  'bench_name_bucket',
  'bench_worker',
  'bench_case',
  'bench_series',
  'bench_plan',
  'bench_muni',
  'bench_district',
];

interface BenchMunicipality {
  id: string;
  name: string;
  /** Its share of the generated cases. */
  share: number;
  direct: string;
  commissioned: string;
  officer: string;
  districts: string[];
}

/**
 * The municipalities the cases go to: the demo 架空市 first, with its agencies, officer and
 * districts; at the national size 49 more, invented (架空第2市 …), each with four districts, a
 * directly run and a commissioned agency and a municipal officer, their populations in
 * proportion to their cases.
 */
async function municipalities(
  db: Kysely<Database>,
  demo: { id: string; name: string; population: number },
  size: BulkSize,
  passwordHash: string,
  pick: <T>(list: readonly T[]) => T,
): Promise<BenchMunicipality[]> {
  const weights = Array.from({ length: size.municipalities - 1 }, (_, i) => 1 / (i + 2) ** 0.8);
  const total = weights.reduce((a, b) => a + b, 0);
  const demoShare = size.municipalities === 1 ? 1 : 0.1;
  const agencies = await db
    .selectFrom('support_agency')
    .select(['id', 'operation'])
    .where('municipality_id', '=', demo.id)
    .orderBy('created_at')
    .execute();
  const officer = await db
    .selectFrom('app_user')
    .select('id')
    .where('login_id', '=', 'jichitai')
    .executeTakeFirstOrThrow();
  const districts = await db
    .selectFrom('district')
    .select('id')
    .where('municipality_id', '=', demo.id)
    .orderBy('sort_order')
    .execute();
  const list: BenchMunicipality[] = [
    {
      id: demo.id,
      name: demo.name,
      share: demoShare,
      direct: agencies.find((a) => a.operation === 'direct')?.id ?? '',
      commissioned: agencies.find((a) => a.operation === 'commissioned')?.id ?? '',
      officer: officer.id,
      districts: districts.map((d) => d.id),
    },
  ];
  for (const [i, weight] of weights.entries()) {
    const n = i + 2;
    const share = ((1 - demoShare) * weight) / total;
    const name = `架空第${n}市`;
    const population = Math.round((demo.population * share) / demoShare);
    const municipality = await db
      .insertInto('municipality')
      .values({
        name,
        name_kana: `かくうだい${n}し`,
        prefecture: '架空県',
        kind: population >= 50_000 ? 'city' : 'town_village',
        population,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const m = municipality.id;
    const split = [0.34, 0.25, 0.23, 0.18];
    const made = await db
      .insertInto('district')
      .values(
        ['中央地区', '東地区', '西地区', '北地区'].map((d, j) => ({
          municipality_id: m,
          name: d,
          sort_order: j + 1,
          population: Math.round(population * (split[j] ?? 0.25)),
        })),
      )
      .returning(['id', 'sort_order'])
      .execute();
    const direct = await db
      .insertInto('support_agency')
      .values({ municipality_id: m, name: `${name}生活支援相談センター`, operation: 'direct' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const commissioned = await db
      .insertInto('support_agency')
      .values({
        municipality_id: m,
        name: `${name}社会福祉協議会 自立相談支援窓口`,
        operation: 'commissioned',
        contractor_name: `社会福祉法人${name}社会福祉協議会`,
        contractor_kind: 'social_welfare_council',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const user = await db
      .insertInto('app_user')
      .values({
        municipality_id: m,
        login_id: `m${String(n).padStart(2, '0')}-jichitai`,
        display_name: staffName(pick),
        roles: ['municipal_officer'],
        password_hash: passwordHash,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    list.push({
      id: m,
      name,
      share,
      direct: direct.id,
      commissioned: commissioned.id,
      officer: user.id,
      districts: made.sort((a, b) => a.sort_order - b.sort_order).map((d) => d.id),
    });
  }
  return list;
}

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
    .update(await readFile(fileURLToPath(new URL('./names.ts', import.meta.url))))
    .digest('hex');
  return JSON.stringify({ count, size: bulkSizeOf(count), generator });
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
  await generate(database, bulkSizeOf(count));
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
 * Fills the municipalities with the size's invented cases, set-based in SQL (`insert … select`
 * over `generate_series`) with every choice drawn from a hash of the case's number and a salt:
 * the same data on every run and on both engines (ids included). This is the bulk path: the rows
 * are made inside the database, so none crosses the connection (a COPY would ship all 10,000,000
 * contact records from this process), and it runs the same on PGlite, which has no COPY from a
 * client stream. Working tables `bench_*` are dropped at the end.
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
async function generate(database: DatabaseHandle, size: BulkSize) {
  // One session throughout, in replica mode: the rows are consistent by construction, and the
  // foreign-key checks (a trigger per row) would take most of the time of the 10,000,000 contact
  // records. The district-history trigger, also skipped, is written in one statement below.
  await database.db.connection().execute(async (db) => {
    await sql`set session_replication_role = replica`.execute(db);
    try {
      await fill(db, size);
    } finally {
      await sql`reset session_replication_role`.execute(db);
    }
  });
  await sql`vacuum analyze`.execute(database.db);
}

async function fill(db: Kysely<Database>, size: BulkSize) {
  let lap = performance.now();
  const step = (what: string) => {
    const now = performance.now();
    process.stdout.write(`    ${what}: ${((now - lap) / 1000).toFixed(1)} s\n`);
    lap = now;
  };
  const next = random(20261123);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const demo = await db
    .selectFrom('municipality')
    .select(['id', 'name', 'population'])
    .executeTakeFirstOrThrow();
  const template = await db
    .selectFrom('app_user')
    .select('password_hash')
    .where('login_id', '=', 'shien')
    .executeTakeFirstOrThrow();
  const munis = await municipalities(db, demo, size, template.password_hash, pick);
  step(`${munis.length} municipalities`);

  // Caseworkers, one for about every 1,250 of a municipality's cases (80 for 架空市 at 100,000):
  // three in four in the directly run agency, the others in the commissioned one. A case goes to
  // worker `g % workers`, so a municipality's share of cases follows its share of workers. The
  // workers of a municipality are numbered together; its agencies' 支援調整会議 too.
  const workers: { id: string; agency: string; mk: number; s0: number; ns: number }[] = [];
  const series: { k: number; agency: string; mk: number; w0: number; nw: number }[] = [];
  const staff: Insertable<Database['app_user']>[] = [];
  for (const [mk, muni] of munis.entries()) {
    const count = Math.max(4, Math.round((size.cases * muni.share) / 1250));
    const direct = Math.max(1, Math.round(count * 0.75));
    const mine: { id: string; agency: string }[] = [];
    for (let i = 0; i < count; i++) {
      const agency = i < direct ? muni.direct : muni.commissioned;
      const id = randomUUID();
      staff.push({
        id,
        municipality_id: muni.id,
        login_id:
          mk === 0
            ? `worker${String(i + 1).padStart(3, '0')}`
            : `m${String(mk).padStart(2, '0')}-worker${String(i + 1).padStart(3, '0')}`,
        display_name: staffName(pick),
        roles: ['support_worker'],
        support_agency_id: agency,
        password_hash: template.password_hash,
      });
      mine.push({ id, agency });
    }
    if (mk === 0) {
      const shien = await db
        .selectFrom('app_user')
        .select(['id', 'support_agency_id'])
        .where('login_id', '=', 'shien')
        .executeTakeFirstOrThrow();
      mine.push({ id: shien.id, agency: shien.support_agency_id ?? muni.direct });
    }
    // One 支援調整会議 for about every 10,000 cases of an agency.
    const first = workers.length;
    for (const agency of [muni.direct, muni.commissioned]) {
      const agencyCases =
        (size.cases * muni.share * mine.filter((w) => w.agency === agency).length) / mine.length;
      const ns = Math.max(1, Math.round(agencyCases / 10_000));
      const s0 = series.length;
      for (let j = 0; j < ns; j++)
        series.push({ k: series.length, agency, mk, w0: first, nw: mine.length });
      for (const w of mine) if (w.agency === agency) workers.push({ ...w, mk, s0, ns });
    }
  }
  for (let i = 0; i < staff.length; i += 1000) {
    await db
      .insertInto('app_user')
      .values(staff.slice(i, i + 1000))
      .execute();
  }
  for (const table of benchTables) await sql`drop table if exists ${sql.table(table)}`.execute(db);
  await sql`create table bench_muni (mk int primary key, id uuid, officer uuid, name text)`.execute(
    db,
  );
  await sql`insert into bench_muni values ${sql.join(
    munis.map((x, mk) => sql`(${mk}, ${x.id}::uuid, ${x.officer}::uuid, ${x.name})`),
  )}`.execute(db);
  await sql`create table bench_district (mk int, j int, id uuid, primary key (mk, j))`.execute(db);
  await sql`insert into bench_district values ${sql.join(
    munis.flatMap((x, mk) => x.districts.map((id, j) => sql`(${mk}, ${j}, ${id}::uuid)`)),
  )}`.execute(db);
  const districtCount = munis[0]?.districts.length ?? 4;

  // Invented names (every family name with every given name) with their search keys computed
  // as the app computes them, and 100,000 buckets of the unit interval, each naming the name a
  // draw falling in it gets, so common names come up as often as in life (./names.ts).
  const names = pool.map((n) => {
    const name = `${n.family} ${n.given}`;
    const kana = `${n.familyKana} ${n.givenKana}`;
    const key = searchKey(name, kana);
    return { name, kana, text: key.text, grams: key.grams, share: n.share };
  });
  await sql`create table bench_name (k int primary key, name text, kana text, search_text text, grams text[])`.execute(
    db,
  );
  for (let i = 0; i < names.length; i += 2000) {
    await sql`insert into bench_name values ${sql.join(
      names
        .slice(i, i + 2000)
        .map((n, j) => sql`(${i + j}, ${n.name}, ${n.kana}, ${n.text}, ${n.grams}::text[])`),
    )}`.execute(db);
  }
  const buckets = 100_000;
  const bucketOf: number[] = [];
  let cumulative = 0;
  for (const [k, n] of names.entries()) {
    cumulative += n.share;
    while (bucketOf.length < Math.min(buckets, Math.round(cumulative * buckets))) bucketOf.push(k);
  }
  while (bucketOf.length < buckets) bucketOf.push(names.length - 1);
  await sql`create table bench_name_bucket (b int primary key, k int)`.execute(db);
  for (let i = 0; i < buckets; i += 10_000) {
    await sql`insert into bench_name_bucket select i, (${sql.val(bucketOf.slice(i, i + 10_000))}::int[])[i - ${sql.lit(i)} + 1] from generate_series(${sql.lit(i)}, ${sql.lit(Math.min(buckets, i + 10_000) - 1)}) as i`.execute(
      db,
    );
  }
  await sql`create table bench_worker (k int primary key, id uuid, agency uuid, mk int, muni uuid, officer uuid, s0 int, ns int)`.execute(
    db,
  );
  for (let i = 0; i < workers.length; i += 1000) {
    await sql`insert into bench_worker values ${sql.join(
      workers.slice(i, i + 1000).map((w, j) => {
        const muni = munis[w.mk];
        return sql`(${i + j}, ${w.id}::uuid, ${w.agency}::uuid, ${w.mk}, ${muni?.id}::uuid, ${muni?.officer}::uuid, ${w.s0}, ${w.ns})`;
      }),
    )}`.execute(db);
  }
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
        (select nb.k from bench_name_bucket nb where nb.b = floor(${u(1)} * ${sql.lit(buckets)})::int) as nk,
        g % ${sql.lit(workers.length)} as wk,
        floor(power(${u(2)}, 1.4) * 1825)::int as days_ago,
        ${u(3)} as r_open, ${u(4)} as r_status, ${u(5)} as r_replan, ${u(6)} as r_end,
        ${u(7)} as r_target, ${u(8)} as r_reopen, ${u(9)} as r_move, ${u(10)} as r_days,
        ${u(11)} as r_pa, ${u(12)} as r_decision
      from generate_series(1, ${sql.lit(size.cases)}::int) as g
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
    ), e7 as materialized (
      -- An ended case is closed once the meeting has confirmed its end (four weeks on) or its
      -- follow-up has run (half a year), as caseworkers do: ended cases do not stay on a home page
      -- for years. A case reopened first is reopened from where it was.
      select e6.*,
        case when reopened_on < ${t} - 120 then reopened_on + 60 end as re_ended_on,
        case when kind in ('plan','no_plan') and end_status <> 'closed' then
          ended_on + case when end_status = 'follow_up' then 180 else 28 end end as close_due
      from e6
    ), e8 as materialized (
      select e7.*,
        case when close_due <= ${t} and (reopened_on is null or close_due < reopened_on)
          then close_due end as closed1_on,
        case when re_ended_on + 28 <= ${t} then re_ended_on + 28 end as re_closed_on
      from e7
    )
    select e8.*,
      case
        when is_open then kind
        when reopened_on >= ${t} - 120 then 'reopened'
        when re_closed_on is not null then 'closed'
        when closed1_on is not null then 'closed'
        else end_status
      end as status,
      has_plan and r_target < 0.4 as target,
      case when r_decision < 0.3 then 'decision' else 'confirmation' end as decision_kind,
      r_move < 0.05 and days_ago >= 30 as moved,
      case when r_move < 0.05 and days_ago >= 30 then opened_on + 1 + floor(r_move * 20 * (days_ago - 1))::int end as moved_on,
      case kind when 'in_support' then decided1 when 'plan_review' then sub1 when 'continuing' then opened_on
        else greatest(decided1 + 1, opened_on + floor(r_days * least(days_ago, 60))::int) end as open_step_on,
      extract(year from opened_on - interval '3 month')::int as fiscal_year,
      (select w.mk from bench_worker w where w.k = e8.wk) as mk
    from e8
    order by opened_on, g`.execute(db);
  await sql`alter table bench_case add primary key (g)`.execute(db);
  step('case stories');

  await sql`
    insert into person (id, municipality_id, name, name_kana, sex, birth_date, address_prefecture,
      address_city, address_street, district_id, phone_mobile, search_text, search_grams, phone_numbers)
    select c.person_id, mu.id, n.name, n.kana,
      ${weighted(u(13, 'c.g'), [
        ['male', 55],
        ['female', 43],
        ['other', 1],
        ['unanswered', 1],
      ])},
      ${t} - ((15 + floor(power(${u(14, 'c.g')}, 1.2) * 70)) * 365.25)::int - (c.g % 365),
      '架空県', mu.name,
      (array['中央','東町','西町','北町'])[1 + c.g % 4] || (1 + c.g % 5) || '丁目' || (1 + c.g % 30) || '番',
      bd.id, x.mobile, n.search_text, n.grams, array[regexp_replace(x.mobile, '[^0-9]', '', 'g')]
    from bench_case c join bench_name n on n.k = c.nk join bench_muni mu on mu.mk = c.mk
      join bench_district bd on bd.mk = c.mk and bd.j = (c.g + c.moved::int) % ${sql.lit(districtCount)},
      lateral (select '090-' || (1000 + floor(${u(15, 'c.g')} * 9000)::int) || '-' || lpad((c.g % 10000)::text, 4, '0') as mobile) as x
    order by c.opened_on, c.g`.execute(db);
  // Statistics on the new rows before the foreign keys are checked against them.
  await sql`analyze bench_case`.execute(db);
  await sql`analyze person`.execute(db);
  step('person');
  // Numbers far above the demo's (from 50001 in each fiscal year, six digits past 99999), so the
  // two never meet.
  // The district history is written below in one statement, not row by row by the trigger.
  await sql`
    insert into support_case (id, municipality_id, case_number, person_id, support_agency_id,
      lead_worker_id, district_id, status, status_changed_at, opened_on, intake_on, closed_on)
    select c.case_id, w.muni,
      c.fiscal_year || '-' || (50000 + row_number() over (partition by c.mk, c.fiscal_year order by c.opened_on, c.g)),
      c.person_id, w.agency, w.id, bd.id,
      c.status,
      -- The moment of the case's last transition (see case_transition below).
      case
        when c.re_closed_on is not null then c.re_closed_on + time '16:00'
        when c.re_ended_on is not null then c.re_ended_on + time '15:00'
        when c.reopened_on is not null then c.reopened_on + time '10:00'
        when c.closed1_on is not null then c.closed1_on + time '16:00'
        when c.kind in ('referred_out','info_only') then c.opened_on + time '11:00'
        when c.ended_on is not null then c.ended_on
          + case when c.end_status in ('closed','follow_up') then time '16:00' else time '15:00' end
        else c.open_step_on + case c.kind when 'plan_review' then time '10:00'
          when 'in_support' then time '11:00' when 'continuing' then time '11:00' else time '12:00' end
      end,
      c.opened_on, c.opened_on,
      -- As the app does: 終結 and 中断 set the day support ended, closing sets the day it closed.
      case when c.status = 'reopened' or c.is_open then null
        else coalesce(c.re_closed_on, c.re_ended_on, c.closed1_on, c.ended_on) end
    from bench_case c join bench_worker w on w.k = c.wk
      join bench_district bd on bd.mk = c.mk and bd.j = (c.g + c.moved::int) % ${sql.lit(districtCount)}
    order by c.opened_on, c.g`.execute(db);
  await sql`analyze support_case`.execute(db);
  step('support_case');
  // Each case's district from its opening; a case that moved was in the one before until the day
  // it moved.
  await sql`
    insert into case_district_history (case_id, municipality_id, district_id, valid_from, valid_to)
    select c.case_id, bd.muni, bd.id, c.opened_on, c.moved_on
    from bench_case c join (select d.*, mu.id as muni from bench_district d join bench_muni mu using (mk)) as bd
      on bd.mk = c.mk and bd.j = c.g % ${sql.lit(districtCount)}
    union all
    select c.case_id, bd.muni, bd.id, c.moved_on, null
    from bench_case c join (select d.*, mu.id as muni from bench_district d join bench_muni mu using (mk)) as bd
      on bd.mk = c.mk and bd.j = (c.g + 1) % ${sql.lit(districtCount)}
    where c.moved`.execute(db);
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
    select c.case_id, w.muni, c.opened_on, w.id, ${weighted(u(16, 'c.g'), routes)}, tp.topics, tp.topics[1],
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
    select c.case_id, w.muni, x.from_status, x.to_status, x.action, w.id, x.on_day + x.at_time, x.reason
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
        (c.end_status, 'closed', 'close', c.closed1_on, time '16:00', null),
        (case when c.closed1_on is not null then 'closed' else c.end_status end, 'reopened', 'reopen',
          c.reopened_on, time '10:00', '生活状況が再び悪化したとの相談があり、支援を再開する。'),
        ('reopened', 'terminated', 'terminate', c.re_ended_on, time '15:00', null),
        ('terminated', 'closed', 'close', c.re_closed_on, time '16:00', null),
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

  // Five contact records a case on average (one to nine; ten, one to nineteen, at the national
  // size), none after today.
  await sql`
    insert into contact_record (municipality_id, case_id, occurred_at, mode, summary, person_state, recorded_by)
    select w.muni, c.case_id, least(c.opened_on + n * ${sql.lit(Math.max(1, Math.round(45 / size.contactsPerCase)))}, ${t}) + time '14:00',
      (array['interview','phone','visit','accompany','partner_liaison'])[1 + (n % 5)],
      '面談。前回からの生活の様子と求職活動の状況を確認した。次回までに履歴書を用意する。',
      '落ち着いた様子。', w.id
    from bench_case c join bench_worker w on w.k = c.wk,
      generate_series(1, 1 + floor(${u(19, 'c.g')} * ${sql.lit(2 * size.contactsPerCase - 1)})::int) as n
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
    select p.plan_id, w.muni, p.case_id, p.plan_no, p.status,
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
    select overlay(overlay(md5('decision-' || p.plan_id) placing '4' from 13) placing '8' from 17)::uuid, w.muni, p.plan_id, p.case_id, p.decision_kind, p.decided_on, w.officer,
      case when p.decision_kind = 'decision' then array['household_budget'] else '{}'::text[] end
    from bench_plan p join bench_worker w on w.k = p.wk where p.decided_on is not null
    order by p.decided_on, p.g, p.plan_no`.execute(db);
  step('support_decision');
  await sql`
    insert into plan_goal (municipality_id, plan_id, sort_order, goal)
    select w.muni, p.plan_id, gk.n, (array['求職活動を続け、就職する','家計を見直し、滞納を解消する'])[gk.n]
    from bench_plan p join bench_worker w on w.k = p.wk, generate_series(1, 2) as gk(n)`.execute(
    db,
  );
  await sql`
    insert into plan_service (municipality_id, plan_id, sort_order, content, provider_name, service_class, frequency)
    select w.muni, p.plan_id, s, (array['定期面談','ハローワークへの同行','家計の相談'])[s],
      '生活支援相談センター', 'D', '月2回'
    from bench_plan p join bench_worker w on w.k = p.wk, generate_series(1, 3) as s`.execute(db);
  step('plan_goal, plan_service');
  await sql`
    insert into monitoring (municipality_id, case_id, plan_id, due_on, done_on, progress, next_action)
    select w.muni, p.case_id, p.plan_id, d,
      case when d < ${t} then d end,
      case when d < ${t} then '求職活動を続けている。' end,
      case when d < ${t} then 'continue' end
    from bench_plan p join bench_worker w on w.k = p.wk, unnest(array[p.adopted_on + 60, p.adopted_on + 120, p.adopted_on + 180]) as d
    where p.adopted_on is not null`.execute(db);
  step('monitoring');
  // 就労 and 増収 far more often among the 就労支援対象; 自立に向けた改善 item by item.
  await sql`
    insert into evaluation (id, municipality_id, case_id, plan_id, evaluated_on, support_review, employed,
      employment_started_on, employment_type, income_increased, improvements, decision, recorded_by)
    select overlay(overlay(md5('evaluation-' || p.plan_id) placing '4' from 13) placing '8' from 17)::uuid, w.muni, p.case_id, p.plan_id, p.evaluated_on,
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
    select overlay(overlay(md5('referral-' || c.g) placing '4' from 13) placing '8' from 17)::uuid, w.muni, c.case_id,
      case when c.r_pa < 0.35 then '架空市福祉事務所 生活保護担当'
        else (${sql.val(referralDestinations)}::text[])[1 + c.g % ${sql.lit(referralDestinations.length)}] end,
      '相談内容から、専門の窓口につなぐ。', c.r_pa < 0.35, c.opened_on, c.opened_on + 7, x.status,
      case when x.status in ('arrived','not_arrived') then c.opened_on + case when c.r_days < 0.9 then 7 else 28 end end, w.id,
      c.opened_on + time '11:00', c.opened_on + time '11:00'
    from bench_case c join bench_worker w on w.k = c.wk,
      -- Checked a week on; one in ten is not confirmed then: those of the last four weeks still
      -- wait, the older ones were confirmed late.
      lateral (select case when c.opened_on + 7 > ${t} then 'pending'
        when c.r_days < 0.8 then 'arrived' when c.r_days < 0.9 then 'not_arrived'
        when c.opened_on > ${t} - 28 then 'pending' when c.r_days < 0.95 then 'arrived' else 'not_arrived' end as status) as x
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

  // 支援調整会議: one series for about every 10,000 cases in each agency (see above), sitting on
  // the 10th and the 24th of each month; each plan on the agenda of the last sitting before its
  // adoption, each evaluation on the next; six attendees, most present.
  await sql`create table bench_series (k int primary key, id uuid, agency uuid, mk int, muni uuid, officer uuid, w0 int, nw int)`.execute(
    db,
  );
  await sql`insert into bench_series values ${sql.join(
    series.map((x) => {
      const muni = munis[x.mk];
      return sql`(${x.k}, overlay(overlay(md5('series-' || ${x.k}::int) placing '4' from 13) placing '8' from 17)::uuid, ${x.agency}::uuid, ${x.mk}, ${muni?.id}::uuid, ${muni?.officer}::uuid, ${x.w0}, ${x.nw})`;
    }),
  )}`.execute(db);
  await sql`
    insert into meeting_series (id, municipality_id, type, name, host_agency_id, pattern, regular_week, regular_weekday)
    select s.id, s.muni, 'coordination', 'ベンチ支援調整会議 ' || (s.k + 1), s.agency, 'regular', 2, 4
    from bench_series s`.execute(db);
  const since = (
    await sql<{ d: string }>`select min(opened_on)::text as d from bench_case`.execute(db)
  ).rows[0]?.d;
  await sql`
    insert into meeting (id, municipality_id, series_id, held_on, starts_at, tier, status)
    select overlay(overlay(md5('meeting-' || s.k || '-' || h.d) placing '4' from 13) placing '8' from 17)::uuid, s.muni, s.id, h.d, '09:00', 'core', 'held'
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
    select s.muni, overlay(overlay(md5('meeting-' || i.series_k || '-' || i.held_on) placing '4' from 13) placing '8' from 17)::uuid, s.id, i.case_id, i.plan_id, i.kind,
      row_number() over (partition by i.series_k, i.held_on order by i.g, i.kind), 30, w.id, 'internal', i.decision,
      i.held_on + time '10:00'
    from (
      select p.g, p.case_id, p.plan_id, p.wk,
        w.s0 + p.g % w.ns as series_k,
        ${sitting('p.adopted_on')} as held_on,
        case when p.plan_no = 1 then 'new_plan' else 'replan' end as kind, 'adopted' as decision
      from bench_plan p join bench_worker w on w.k = p.wk where p.adopted_on is not null
      union all
      select p.g, p.case_id, p.plan_id, p.wk,
        w.s0 + p.g % w.ns,
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
    select s.muni, mt.id, case when a.n <= 4 then w.id when a.n = 5 then s.officer end,
      case when a.n = 6 then '架空 太郎' end, case when a.n = 6 then 'ハローワーク架空' end,
      a.n = 5, case when a.n = 1 then array['chair'] else array['member'] end,
      ${u(24, 'a.n::bigint * 1000003 + hashtext(mt.id::text)')} < 0.9
    from meeting mt join bench_series s on s.id = mt.series_id
      cross join generate_series(1, 6) as a(n)
      left join bench_worker w on w.k = s.w0 + (a.n * 17) % s.nw`.execute(db);
  step('meeting_attendee');

  // Two audited reads per case, so the audit log is not empty beside the cases.
  await sql`
    insert into audit_log (occurred_at, municipality_id, actor_user_id, actor_login_id, actor_roles,
      actor_organisation_type, action, outcome, subject_type, subject_id, person_id, person_ids,
      legal_basis, request_id)
    select c.opened_on + time '10:00' + a.k * interval '3 day', w.muni, w.id, 'worker',
      array['support_worker'], 'support_agency', (array['case.read','case.update'])[a.k], 'success', 'case',
      c.case_id::text, c.person_id, array[c.person_id], 'own_case', 'bench-' || a.k
    from bench_case c join bench_worker w on w.k = c.wk, generate_series(1, 2) as a(k)
    order by 1, c.g`.execute(db);
  step('audit_log');
  await sql`
    insert into case_number_counter (municipality_id, fiscal_year, last_number)
    select mu.id, c.fiscal_year, 50000 + count(*) from bench_case c join bench_muni mu using (mk)
    group by mu.id, c.fiscal_year
    on conflict (municipality_id, fiscal_year) do update
      set last_number = greatest(case_number_counter.last_number, excluded.last_number)`.execute(
    db,
  );
  for (const table of benchTables) await sql`drop table ${sql.table(table)}`.execute(db);
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
  options: { engine?: 'pglite' | 'postgres'; env?: Record<string, string> } = {},
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
    ...options.env,
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
