import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { sql } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../src/server/config';
import { type DatabaseHandle, openPGlite, openPostgres } from '../src/server/db/connect';
import { applyMigrations } from '../src/server/db/migrate';
import { benchPostgresUrl } from './bulk-cases';
import { machine, writeSection } from './report';

/**
 * Bulk import (issue 6): an agency's lists from before Tsunagu — 20,000 persons, 20,000 cases and
 * 50,000 contact records by default — generated as CSV and sent as the screen sends them (the
 * file as base64 in `POST /api/imports/{persons,cases,contacts}`), through the whole server in
 * process (session, CSRF, the check of every row, the transaction, the audit row), into a fresh
 * database with a fresh municipality: embedded PGlite in a temporary directory, and a throwaway
 * database on the PostgreSQL server of BENCH_POSTGRES_URL when it answers (dropped afterwards).
 * Each kind: a dry run, the import, and the same file again (every row unchanged).
 * Aim: 5,000 rows/s for the import and for the re-run.
 *
 * BENCH_IMPORT_PERSONS, BENCH_IMPORT_CASES, BENCH_IMPORT_CONTACTS change the sizes;
 * BENCH_IMPORT_ENGINES=pglite (or postgres) runs one engine and leaves docs/benchmarks.md alone.
 */
const sizes = {
  persons: Number(process.env.BENCH_IMPORT_PERSONS ?? 20_000),
  cases: Number(process.env.BENCH_IMPORT_CASES ?? 20_000),
  contacts: Number(process.env.BENCH_IMPORT_CONTACTS ?? 50_000),
};
const aimRowsPerSecond = 5000;

type Kind = keyof typeof sizes;
type Engine = 'pglite' | 'postgres';

const family = ['佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '山本', '中村', '小林', '加藤'];
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
];
const given = ['花子', '太郎', '恵', '翔太', '由美', '健一', '陽菜', '大輔', '美咲', '誠'];
const givenKana = [
  'はなこ',
  'たろう',
  'めぐみ',
  'しょうた',
  'ゆみ',
  'けんいち',
  'ひな',
  'だいすけ',
  'みさき',
  'まこと',
];
const districts = ['北地区', '南地区', '東地区', '西地区'];
const routes = ['本人が来所', '本人から電話・メール', '関係機関から', '民生委員・児童委員から'];
const topics = ['収入・生活費のこと', '住まいについて', '債務について', '仕事探し、就職について'];
const modes = ['面談', '電話', '訪問', '同行', '関係機関連絡'];

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
const csv = (rows: string[][]) =>
  `\uFEFF${rows.map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`;

/** The lists as an agency keeps them: 和暦 and 西暦 dates, phones with hyphens, labels in words. */
function generate(kind: Kind, count: number, workers: string[]): string {
  if (kind === 'persons') {
    const rows = [['管理番号', '氏名', 'ふりがな', '性別', '生年月日', '住所', '電話', '地区']];
    for (let i = 0; i < count; i++) {
      const f = i % family.length;
      const g = Math.floor(i / family.length) % given.length;
      const year = 1940 + (i % 65);
      const birth =
        i % 3 === 0
          ? `昭和${year - 1925 > 63 ? 63 : Math.max(1, year - 1925)}年${(i % 12) + 1}月${(i % 28) + 1}日`
          : `${year}-${pad((i % 12) + 1, 2)}-${pad((i % 28) + 1, 2)}`;
      rows.push([
        `P-${pad(i + 1, 6)}`,
        `${family[f]} ${given[g]}`,
        `${familyKana[f]} ${givenKana[g]}`,
        g % 2 === 0 ? '女性' : '男性',
        birth,
        `架空市本町${(i % 9) + 1}-${(i % 30) + 1}-${(i % 7) + 1}`,
        `090-${pad(i % 10_000, 4)}-${pad((i * 7) % 10_000, 4)}`,
        districts[i % districts.length] ?? '',
      ]);
    }
    return csv(rows);
  }
  if (kind === 'cases') {
    const rows = [
      ['管理番号', '相談者番号', '受付日', '経路', '相談内容の分類', '担当者', '状態', '終結日'],
    ];
    for (let i = 0; i < count; i++) {
      const year = 2021 + (i % 5);
      const month = (i % 12) + 1;
      const closed = i % 4 === 0;
      rows.push([
        `K-${pad(i + 1, 6)}`,
        `P-${pad((i % sizes.persons) + 1, 6)}`,
        `${year}-${pad(month, 2)}-${pad((i % 28) + 1, 2)}`,
        routes[i % routes.length] ?? '',
        `${topics[i % topics.length]}、${topics[(i + 1) % topics.length]}`,
        workers[i % workers.length] ?? '',
        closed ? '終結' : i % 4 === 1 ? '受付' : '支援中',
        closed ? `${year + 1}-03-31` : '',
      ]);
    }
    return csv(rows);
  }
  const rows = [['記録番号', '管理番号', '日時', '方法', '内容']];
  for (let i = 0; i < count; i++) {
    const year = 2021 + (i % 5);
    rows.push([
      `R-${pad(i + 1, 7)}`,
      `K-${pad((i % sizes.cases) + 1, 6)}`,
      `${year}-${pad((i % 12) + 1, 2)}-${pad((i % 28) + 1, 2)} ${pad(9 + (i % 8), 2)}:${i % 2 ? '30' : '00'}`,
      modes[i % modes.length] ?? '',
      `本人と${modes[i % modes.length]}で近況を確認した。求職活動の状況と家計の見通しを聞き、次回までに家賃の支払い計画を一緒に立てることにした（記録${i + 1}）。`,
    ]);
  }
  return csv(rows);
}

// A collection before each file, so its memory is its own and not the last one's garbage.
v8.setFlagsFromString('--expose-gc');
const collect = vm.runInNewContext('gc') as () => void;

/** A line of /proc/self/status in MiB (0 where there is none). */
async function residentMiB(field: 'VmRSS' | 'VmHWM'): Promise<number> {
  const status = await readFile('/proc/self/status', 'utf8').catch(() => '');
  const kib = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1];
  return kib ? Number(kib) / 1024 : 0;
}

interface Opened {
  database: DatabaseHandle;
  label: string;
  url?: string;
  dataDir: string;
  dispose: () => Promise<void>;
}

async function openEngine(engine: Engine): Promise<Opened | null> {
  const dataDir = await mkdtemp(join(os.tmpdir(), 'tsunagu-bench-import-'));
  if (engine === 'pglite') {
    const database = await openPGlite({ dataDir, sharedBuffers: '32MB' });
    await applyMigrations(database);
    return {
      database,
      label: 'embedded PGlite (shared_buffers 32MB, a new data directory)',
      dataDir,
      dispose: async () => {
        await database.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  }
  const admin = new pg.Client({
    connectionString: benchPostgresUrl,
    connectionTimeoutMillis: 3000,
  });
  try {
    await admin.connect();
  } catch {
    await rm(dataDir, { recursive: true, force: true });
    return null;
  }
  const name = `tsunagu_bench_import_${randomBytes(4).toString('hex')}`;
  await admin.query(`create database ${name} template template0 encoding 'UTF8'`);
  const url = new URL(benchPostgresUrl);
  url.pathname = `/${name}`;
  const database = openPostgres({ url: url.toString() });
  await applyMigrations(database);
  const server = (
    await sql<{ v: string; sb: string }>`
      select current_setting('server_version') as v, current_setting('shared_buffers') as sb`.execute(
      database.db,
    )
  ).rows[0];
  return {
    database,
    label: `PostgreSQL ${server?.v} on the same machine (shared_buffers ${server?.sb}, a new database)`,
    url: url.toString(),
    dataDir,
    dispose: async () => {
      await database.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

interface Report {
  applied: boolean;
  created: number;
  unchanged: number;
  problems: { row: number; column: string | null; message: string }[];
}

interface Measured {
  kind: Kind;
  rows: number;
  megabytes: number;
  dryMs: number;
  firstMs: number;
  againMs: number;
  rssBefore: number;
  rssPeak: number;
}

async function measureEngine(
  engine: Engine,
): Promise<{ label: string; results: Measured[] } | null> {
  process.stdout.write(`  ${engine}: preparing a fresh database…\n`);
  const opened = await openEngine(engine);
  if (!opened) {
    process.stdout.write(
      `  ${engine}: ${benchPostgresUrl.replace(/:[^:@/]*@/, ':…@')} does not answer; skipped\n`,
    );
    return null;
  }
  const { database } = opened;
  try {
    // Loaded here, so the module graph of the server is not paid when no engine answers.
    const [{ createApp }, { instanceSecret }, { createLogger }, { TestClient }, factories] =
      await Promise.all([
        import('../src/server/app'),
        import('../src/server/auth/instance-secrets'),
        import('../src/server/http/logger'),
        import('../src/server/test/client'),
        import('../src/server/test/factories'),
      ]);
    const world = await factories.createWorld(database.db);
    await database.db
      .insertInto('district')
      .values(districts.map((name) => ({ municipality_id: world.municipality.id, name })))
      .execute();
    const config = loadConfig({
      DATA_DIR: opened.dataDir,
      // No screens are served here; an empty directory keeps the static handler quiet.
      WEB_DIST_DIR: opened.dataDir,
      LOG_LEVEL: 'silent',
      ...(opened.url ? { DATABASE_URL: opened.url } : {}),
    });
    const app = createApp({
      config,
      database,
      logger: createLogger('silent'),
      csrfKey: await instanceSecret(database.db, 'csrf_key'),
      now: () => new Date(),
    });
    const client = new TestClient(app);
    const signIn = await client.signIn(world.users.supportWorker.login_id);
    if (signIn.status !== 200) throw new Error(`sign-in failed: ${signIn.text}`);
    const workers = ['', world.users.supportWorker.login_id, world.users.chief.login_id];

    const results: Measured[] = [];
    for (const kind of ['persons', 'cases', 'contacts'] as const) {
      const text = generate(kind, sizes[kind], workers);
      const file = Buffer.from(text, 'utf8').toString('base64');
      // The process's resident memory and its high-water mark, reset here (Linux): PGlite answers
      // without yielding to timers, so sampling would miss its peak.
      collect();
      await writeFile('/proc/self/clear_refs', '5').catch(() => {});
      const before = await residentMiB('VmRSS');
      const send = async (dryRun: boolean) => {
        const started = performance.now();
        const res = await client.post<Report>(`/api/imports/${kind}`, { file, dryRun });
        const ms = performance.now() - started;
        if (res.status !== 200) throw new Error(`${kind}: ${res.status} ${res.text.slice(0, 300)}`);
        if (res.body.problems.length > 0) {
          throw new Error(`${kind}: ${JSON.stringify(res.body.problems.slice(0, 5))}`);
        }
        return { ms, report: res.body };
      };
      process.stdout.write(`  ${engine}: ${kind} (${sizes[kind].toLocaleString()} rows)…\n`);
      const dry = await send(true);
      const first = await send(false);
      const again = await send(false);
      if (first.report.created !== sizes[kind] || again.report.unchanged !== sizes[kind]) {
        throw new Error(
          `${kind}: created ${first.report.created}, unchanged ${again.report.unchanged}`,
        );
      }
      results.push({
        kind,
        rows: sizes[kind],
        megabytes: Buffer.byteLength(text) / 1024 / 1024,
        dryMs: dry.ms,
        firstMs: first.ms,
        againMs: again.ms,
        rssBefore: before,
        rssPeak: await residentMiB('VmHWM'),
      });
      const last = results.at(-1) as Measured;
      process.stdout.write(
        `    dry run ${last.dryMs.toFixed(0)} ms, import ${last.firstMs.toFixed(0)} ms, again ${last.againMs.toFixed(0)} ms\n`,
      );
    }
    return { label: opened.label, results };
  } finally {
    await opened.dispose();
  }
}

const kindLabels: Record<Kind, string> = {
  persons: 'persons (相談者)',
  cases: 'cases (相談)',
  contacts: 'contact records (支援経過記録)',
};

export async function benchImport(): Promise<string> {
  const wanted = (process.env.BENCH_IMPORT_ENGINES ?? 'pglite,postgres').split(',') as Engine[];
  // Other work on the machine slows every figure: say how busy it was.
  const load = os.loadavg()[0] ?? 0;
  const measured: { engine: Engine; label: string; results: Measured[] }[] = [];
  // PostgreSQL first: PGlite's WebAssembly memory stays with the process once grown.
  for (const engine of ['postgres', 'pglite'] as const) {
    if (!wanted.includes(engine)) continue;
    const result = await measureEngine(engine);
    if (result) measured.push({ engine, ...result });
  }
  // Shown as the other sections are: the embedded engine first.
  measured.sort((a, b) => (a.engine === b.engine ? 0 : a.engine === 'pglite' ? -1 : 1));
  const rate = (rows: number, ms: number) => rows / (ms / 1000);
  const verdict = (rows: number, ms: number) =>
    rate(rows, ms) >= aimRowsPerSecond ? 'met' : '**missed**';
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const body = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()} (load average ${load.toFixed(1)} when it started); CSV files (UTF-8 with BOM) sent as base64 as the screen sends them, signed in as a support worker of a new municipality.`,
    '',
    ...measured.map((m) => `- ${m.engine === 'postgres' ? 'PostgreSQL' : 'PGlite'}: ${m.label}.`),
    '',
    '| database | file | rows | size | dry run | import | rows/s | re-run (all unchanged) | rows/s | RSS before → peak | aim ≥ 5,000 rows/s |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...measured.flatMap((m) =>
      m.results.map(
        (r) =>
          `| ${m.engine === 'postgres' ? 'PostgreSQL' : 'PGlite'} | ${kindLabels[r.kind]} | ${r.rows.toLocaleString()} | ${r.megabytes.toFixed(1)} MB | ${s(r.dryMs)} | ${s(r.firstMs)} | ${rate(r.rows, r.firstMs).toFixed(0)} | ${s(r.againMs)} | ${rate(r.rows, r.againMs).toFixed(0)} | ${r.rssBefore.toFixed(0)} → ${r.rssPeak.toFixed(0)} MiB | import ${verdict(r.rows, r.firstMs)}, re-run ${verdict(r.rows, r.againMs)} |`,
      ),
    ),
  ].join('\n');
  if (measured.length === 2) await writeSection('import', body);
  else process.stdout.write('  (not both engines: docs/benchmarks.md left as it was)\n');
  return body;
}
