import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { ensureServerBuilt, ensureWebBuilt } from '../scripts/build.mjs';
import { PGliteStatements } from '../src/server/db/pglite-statements';
import { benchApp, bulkSizes } from './bulk-cases';
import { machine, percentile, writeSection } from './report';

/**
 * Load benchmark (issue 6): the real server as a child process (`node dist/server/main.mjs`), on
 * PGlite with the city-size data (a copy, so the kept data is not changed by the writes) and on
 * PostgreSQL with the national-size database; this process signs in N clients and drives a mix
 * of the screens' calls for a fixed time per level of concurrency (closed loop: each client sends
 * its next call when the last one answered), then, on PostgreSQL, sends the mix at a fixed rate
 * whatever the answers (open loop: calls arrive as a Poisson stream, and each time counts from
 * when the call was due, so a slow server cannot hide its queue). Also replays the SQL the app
 * sends for search, caseload and case page (captured in process) as bare SQL, for the ratio.
 *
 * BENCH_LOAD_ENGINES=pglite,postgres  BENCH_LOAD_CLIENTS=1,8,32  BENCH_LOAD_SECONDS=20
 * BENCH_LOAD_RATE=100,500 (requests/s of the open-loop runs; 0: none)
 * BENCH_LOAD_ONLY=search (one kind of call instead of the mix; for finding costs)
 */
const engines = (process.env.BENCH_LOAD_ENGINES ?? 'pglite,postgres').split(',') as Engine[];
const levels = (process.env.BENCH_LOAD_CLIENTS ?? '1,8,32').split(',').map(Number);
const seconds = Number(process.env.BENCH_LOAD_SECONDS ?? 20);
const rates = (process.env.BENCH_LOAD_RATE ?? '100,500')
  .split(',')
  .map(Number)
  .filter((r) => r > 0);
/** The data sets: the city on PGlite, the national size on PostgreSQL (bulk-cases.ts). */
const casesOf = (engine: Engine) =>
  engine === 'postgres' ? bulkSizes.national.cases : bulkSizes.city.cases;
const password = 'tsunagu-demo';
const seriesName = 'ベンチマーク支援調整会議';

type Engine = 'pglite' | 'postgres';
type Kind = 'search' | 'caseload' | 'case' | 'contact' | 'agenda' | 'report';
const fullMix: [Kind, number][] = [
  ['search', 30],
  ['caseload', 20],
  ['case', 25],
  ['contact', 15],
  ['agenda', 7],
  ['report', 3],
];
/** BENCH_LOAD_ONLY=search (or another kind): that call alone, to see its own cost. */
const only = process.env.BENCH_LOAD_ONLY;
const mix = only ? fullMix.filter(([kind]) => kind === only) : fullMix;
const labels: Record<Kind, string> = {
  search: 'search by kana (`GET /api/cases/search?q=`)',
  caseload: 'caseload, home (`GET /api/cases/caseload`)',
  case: 'case page (`GET /api/cases/:id`)',
  contact: 'record a contact (`POST /api/cases/:id/contacts`)',
  agenda: 'build an agenda (`GET /api/meeting-series/:id/suggestions`)',
  report: 'monthly report (`GET /api/statistics/report`)',
};
const kanaQueries = [
  'さとう',
  'たなか',
  'すずき',
  'やまだ はな',
  'ささき',
  'まつもと',
  'いとう ゆい',
  'はやし',
];

/**
 * A browser-like HTTP client: keeps cookies and sends the CSRF token (as src/server/test/client.ts).
 * Plain `http.request` on a keep-alive agent: `fetch` cost this process about 1.5 ms of CPU a
 * call, most of what the two cores could give the server at the aimed rate.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 256, noDelay: true });

class HttpClient {
  private cookies = new Map<string, string>();
  private csrfToken = '';
  private readonly host: string;
  private readonly port: number;
  constructor(base: string) {
    const url = new URL(base);
    this.host = url.hostname;
    this.port = Number(url.port);
  }

  request(method: string, path: string, body?: unknown): Promise<{ status: number; text: string }> {
    const headers: Record<string, string> = { 'accept-language': 'ja' };
    if (this.cookies.size > 0) {
      headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    }
    if (method !== 'GET') headers['x-csrf-token'] = this.csrfToken;
    const payload = body !== undefined ? JSON.stringify(body) : undefined;
    if (payload !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(Buffer.byteLength(payload));
    }
    return new Promise((resolve, reject) => {
      const req = http.request(
        { host: this.host, port: this.port, method, path, headers, agent },
        (res) => {
          for (const cookie of res.headers['set-cookie'] ?? []) {
            const [pair = '', ...attributes] = cookie.split(';');
            const [name = '', value = ''] = pair.split('=');
            const expired = attributes.some((a) => /max-age=0/i.test(a.trim()));
            if (expired || value === '') this.cookies.delete(name.trim());
            else this.cookies.set(name.trim(), value);
          }
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  async signIn(loginId: string): Promise<this> {
    const session = await this.request('GET', '/api/auth/session');
    this.csrfToken = (JSON.parse(session.text) as { csrfToken: string }).csrfToken;
    const res = await this.request('POST', '/api/auth/sign-in', { loginId, password });
    if (res.status !== 200) throw new Error(`sign-in ${loginId}: ${res.status} ${res.text}`);
    const token = (JSON.parse(res.text) as { csrfToken?: string }).csrfToken;
    if (token) this.csrfToken = token;
    return this;
  }
}

function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN) / 1024;
}

/** CPU seconds (user + system) a process has used, from /proc (clock ticks of 10 ms). */
function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0; // the process has ended
  }
}

/** CPU seconds of every PostgreSQL server process on the machine (the backends and helpers). */
function postgresCpuSeconds(): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') {
        total += cpuSeconds(Number(entry));
      }
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

/** Where the CPU time of a run went: the server, PostgreSQL, this driver. */
interface CpuSplit {
  server: number;
  postgres: number;
  driver: number;
}

function cpuNow(pid: number): CpuSplit {
  const own = process.cpuUsage();
  return {
    server: cpuSeconds(pid),
    postgres: postgresCpuSeconds(),
    driver: (own.user + own.system) / 1e6,
  };
}

function cpuSince(pid: number, start: CpuSplit): CpuSplit {
  const now = cpuNow(pid);
  return {
    server: now.server - start.server,
    postgres: now.postgres - start.postgres,
    driver: now.driver - start.driver,
  };
}

async function startServer(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  // BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=.prof" profiles the server under load.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, 'dist/server/main.mjs'], {
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      SIGN_IN_MAX_FAILURES: '100',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { child, base };
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error('server exited');
    await sleep(50);
  }
}

async function stopServer(child: ChildProcess): Promise<void> {
  const pid = child.pid ?? 0;
  child.kill('SIGTERM');
  while (existsSync(`/proc/${pid}`) && child.exitCode === null) await sleep(20);
}

/** A seeded generator, so each run draws the same mix. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Targets {
  caseIds: string[];
  openIds: string[];
  seriesId: string;
  chiefAgencyId: string;
  month: string;
}

interface Level {
  /** Closed loop: the number of clients; 0 for the open-loop run. */
  clients: number;
  /** Open loop: the requests per second offered. */
  offered?: number;
  /** Open loop: stopped early, 256 calls waiting. */
  overloaded?: boolean;
  seconds: number;
  times: Record<Kind, number[]>;
  errors: number;
  rssMax: number;
  cpu: CpuSplit;
}

type Session = { worker: HttpClient; chief: HttpClient; office: HttpClient };

/** Signs the clients in one after another (concurrent sign-ins of one login may lock it). */
async function signInAll(base: string, count: number): Promise<Session[]> {
  const sessions: Session[] = [];
  for (let i = 0; i < count; i++) {
    sessions.push({
      worker: await new HttpClient(base).signIn('shien'),
      chief: await new HttpClient(base).signIn('shunin'),
      office: await new HttpClient(base).signIn('jichitai'),
    });
  }
  return sessions;
}

const mixTotal = mix.reduce((n, [, w]) => n + w, 0);

/** The kind of call a number in [0, 1) stands for, by the weights of the mix. */
function draw(x: number): Kind {
  let rest = x * mixTotal;
  for (const [kind, weight] of mix) {
    rest -= weight;
    if (rest < 0) return kind;
  }
  return 'search';
}

/** One call of a kind, as the screens make it, by one signed-in client. */
function caller(targets: Targets) {
  return (s: Session, kind: Kind, r: () => number) => {
    const pick = <T>(list: T[]) => list[Math.floor(r() * list.length)] as T;
    switch (kind) {
      case 'search':
        return s.worker.request(
          'GET',
          `/api/cases/search?q=${encodeURIComponent(pick(kanaQueries))}`,
        );
      case 'caseload':
        return s.worker.request('GET', '/api/cases/caseload');
      case 'case':
        return s.worker.request('GET', `/api/cases/${pick(targets.caseIds)}`);
      case 'contact':
        return s.worker.request('POST', `/api/cases/${pick(targets.openIds)}/contacts`, {
          occurredAt: '2026-11-20T10:00',
          mode: 'phone',
          summary: '負荷試験：電話で近況を確認した。',
        });
      case 'agenda':
        return s.chief.request('GET', `/api/meeting-series/${targets.seriesId}/suggestions`);
      case 'report':
        return s.office.request(
          'GET',
          `/api/statistics/report?from=${targets.month}&to=${targets.month}`,
        );
    }
  };
}

function emptyTimes(): Record<Kind, number[]> {
  return Object.fromEntries(mix.map(([k]) => [k, [] as number[]])) as Record<Kind, number[]>;
}

/** Closed loop: `clients` clients, each sending its next call as soon as the last one answered. */
async function drive(
  all: Session[],
  pid: number,
  targets: Targets,
  clients: number,
): Promise<Level> {
  const sessions = all.slice(0, clients);
  const times = emptyTimes();
  const call = caller(targets);
  let errors = 0;
  let firstError = '';
  let rssMax = rssMiB(pid);
  // Warm-up: a few calls of each kind, not counted.
  const first = sessions[0];
  if (first) for (const [kind] of mix) await call(first, kind, random(1));
  const sampler = setInterval(() => {
    rssMax = Math.max(rssMax, rssMiB(pid));
  }, 500);
  const cpuStart = cpuNow(pid);
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    sessions.map(async (s, i) => {
      const r = random(1000 + i);
      while (performance.now() < until) {
        const kind = draw(r());
        const t0 = performance.now();
        const res = await call(s, kind, r);
        const elapsed = performance.now() - t0;
        if (res.status >= 300) {
          errors++;
          firstError ||= `${kind}: ${res.status} ${res.text.slice(0, 200)}`;
        } else times[kind].push(elapsed);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  clearInterval(sampler);
  rssMax = Math.max(rssMax, rssMiB(pid));
  if (firstError) process.stdout.write(`    ${errors} errors, first: ${firstError}\n`);
  return { clients, seconds: elapsed, times, errors, rssMax, cpu: cpuSince(pid, cpuStart) };
}

/**
 * Open loop: calls arrive at `perSecond` on average (a Poisson stream, spread over the signed-in
 * clients) whatever the server answers; each time counts from when the call was due. A server
 * that cannot keep up shows it as growing times and as answers per second below the rate.
 */
async function driveAtRate(
  all: Session[],
  pid: number,
  targets: Targets,
  perSecond: number,
): Promise<Level> {
  const times = emptyTimes();
  const call = caller(targets);
  const r = random(4242);
  let errors = 0;
  let firstError = '';
  let rssMax = rssMiB(pid);
  const sampler = setInterval(() => {
    rssMax = Math.max(rssMax, rssMiB(pid));
  }, 500);
  const inFlight = new Set<Promise<void>>();
  const cpuStart = cpuNow(pid);
  const started = performance.now();
  const until = started + seconds * 1000;
  let due = started;
  let sent = 0;
  let overloaded = false;
  while (due < until) {
    const wait = due - performance.now();
    if (wait >= 1) await sleep(wait);
    const kind = draw(r());
    const session = all[sent % all.length] as Session;
    sent++;
    const scheduled = due;
    const done = call(session, kind, r).then(
      (res) => {
        if (res.status >= 300) {
          errors++;
          firstError ||= `${kind}: ${res.status} ${res.text.slice(0, 200)}`;
        } else times[kind].push(performance.now() - scheduled);
      },
      (error: unknown) => {
        errors++;
        firstError ||= `${kind}: ${String(error)}`;
      },
    );
    inFlight.add(done);
    void done.finally(() => inFlight.delete(done));
    // Far behind: the server is overloaded; stop adding to its queue (the times so far say how
    // far behind it fell).
    if (inFlight.size > 256) {
      overloaded = true;
      break;
    }
    due += (-Math.log(1 - r()) * 1000) / perSecond;
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - started) / 1000;
  clearInterval(sampler);
  rssMax = Math.max(rssMax, rssMiB(pid));
  if (firstError) process.stdout.write(`    ${errors} errors, first: ${firstError}\n`);
  if (overloaded) {
    process.stdout.write(
      `    overloaded: 256 calls waiting after ${((performance.now() - started) / 1000).toFixed(1)} s; stopped\n`,
    );
  }
  return {
    clients: 0,
    offered: perSecond,
    overloaded,
    seconds: elapsed,
    times,
    errors,
    rssMax,
    cpu: cpuSince(pid, cpuStart),
  };
}

/** A statement the app sent; `name` when it went as a named prepared statement, as replayed. */
type Captured = { self: unknown; sql: string; params: unknown[]; name?: string };

function isNamedQuery(value: unknown): value is { name: string; text: string; values: unknown[] } {
  const q = value as { name?: unknown; text?: unknown; values?: unknown } | null;
  return (
    typeof q === 'object' &&
    q !== null &&
    typeof q.name === 'string' &&
    typeof q.text === 'string' &&
    Array.isArray(q.values)
  );
}

/**
 * Captures the SQL the app sends for one call (in process, through the same use cases) and times
 * its reads again as bare SQL: through a plain `pg` client on PostgreSQL (named statements under
 * the same names, so both sides keep their plans), through the same one-exchange statements on
 * PGlite.
 */
async function bareSql(
  engine: Engine,
  targets: Targets,
): Promise<Record<string, { app: number; sql: number; statements: number }>> {
  const { database, client, bulk } = await benchApp(casesOf(engine), 'shien', { engine });
  let captured: Captured[] | undefined;
  // Every statement the app sends goes through one of these: the pool's clients on PostgreSQL,
  // the dialect's one-exchange statements (db/pglite-statements.ts) on PGlite.
  const pgProto = pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown };
  const liteProto = PGliteStatements.prototype as unknown as {
    query: (...a: unknown[]) => unknown;
  };
  const pgQuery = pgProto.query;
  const liteQuery = liteProto.query;
  const wrap = (original: (...a: unknown[]) => unknown) =>
    function (this: unknown, ...args: unknown[]) {
      const [first, second] = args;
      if (captured && typeof first === 'string') {
        captured.push({ self: this, sql: first, params: (second as unknown[]) ?? [] });
      } else if (captured && isNamedQuery(first)) {
        captured.push({ self: this, sql: first.text, params: first.values, name: first.name });
      }
      return original.apply(this, args);
    };
  pgProto.query = wrap(pgQuery);
  liteProto.query = wrap(liteQuery);
  const plain = bulk.url ? new pg.Client({ connectionString: bulk.url }) : undefined;
  await plain?.connect();
  const out: Record<string, { app: number; sql: number; statements: number }> = {};
  try {
    const calls: [string, (i: number) => string][] = [
      [
        'search',
        (i) =>
          `/api/cases/search?q=${encodeURIComponent(kanaQueries[i % kanaQueries.length] ?? '')}`,
      ],
      ['caseload', () => '/api/cases/caseload'],
      ['case', (i) => `/api/cases/${targets.caseIds[(i * 37) % targets.caseIds.length]}`],
    ];
    for (const [name, path] of calls) {
      const app: number[] = [];
      const bare: number[] = [];
      let statements = 0;
      for (let i = 0; i < 40; i++) {
        captured = [];
        const t0 = performance.now();
        const res = await client.get(path(i));
        const elapsed = performance.now() - t0;
        const reads = captured.filter((c) => /^\s*(select|with)\b/i.test(c.sql));
        captured = undefined;
        if (res.status !== 200) throw new Error(`${name}: ${res.status} ${res.text.slice(0, 200)}`);
        const t1 = performance.now();
        for (const c of reads) {
          // Unnamed when the app sent it unnamed (`name` undefined).
          if (plain) await plain.query({ name: c.name, text: c.sql, values: c.params });
          else await liteQuery.call(c.self, c.sql, c.params);
        }
        const sqlTime = performance.now() - t1;
        if (i >= 10) {
          app.push(elapsed);
          bare.push(sqlTime);
        }
        statements = reads.length;
      }
      out[name] = { app: percentile(app, 50), sql: percentile(bare, 50), statements };
    }
  } finally {
    pgProto.query = pgQuery;
    liteProto.query = liteQuery;
    await plain?.end();
    await database.close();
  }
  return out;
}

async function prepare(engine: Engine): Promise<{
  targets: Targets;
  dataDir?: string;
  url?: string;
  cases: number;
  contacts: number;
  municipalities: number;
  ownCases: number;
}> {
  const { database, bulk } = await benchApp(casesOf(engine), 'shien', { engine });
  try {
    const db = database.db;
    const visible = await db
      .selectFrom('support_case')
      .innerJoin('app_user', 'app_user.support_agency_id', 'support_case.support_agency_id')
      .select(['support_case.id', 'support_case.status'])
      .where('app_user.login_id', '=', 'shien')
      .orderBy('support_case.status_changed_at', 'desc')
      .limit(5000)
      .execute();
    const series = await db
      .selectFrom('meeting_series')
      .select('id')
      .where('name', '=', seriesName)
      .executeTakeFirst();
    const count = async (table: 'support_case' | 'contact_record' | 'municipality') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const now = new Date();
    const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
    return {
      targets: {
        caseIds: visible.map((c) => c.id),
        openIds: visible
          .filter((c) => ['in_support', 'monitoring'].includes(c.status))
          .map((c) => c.id),
        seriesId: series?.id ?? '',
        chiefAgencyId:
          (
            await db
              .selectFrom('app_user')
              .select('support_agency_id')
              .where('login_id', '=', 'shunin')
              .executeTakeFirst()
          )?.support_agency_id ?? '',
        month: last.toISOString().slice(0, 7),
      },
      dataDir: bulk.dataDir,
      ...(bulk.url ? { url: bulk.url } : {}),
      cases: await count('support_case'),
      contacts: await count('contact_record'),
      municipalities: await count('municipality'),
      ownCases: Number(
        (
          await db
            .selectFrom('support_case')
            .innerJoin('app_user', 'app_user.municipality_id', 'support_case.municipality_id')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('app_user.login_id', '=', 'shien')
            .executeTakeFirstOrThrow()
        ).n,
      ),
    };
  } finally {
    await database.close();
  }
}

const levelName = (level: Level) =>
  level.offered !== undefined ? `${level.offered}/s offered` : String(level.clients);

const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : '–');

async function runEngine(engine: Engine): Promise<string[]> {
  process.stdout.write(`  ${engine}: preparing\n`);
  const prepared = await prepare(engine);
  const { targets } = prepared;
  const bare = await bareSql(engine, targets);
  let copy: string | undefined;
  const env: Record<string, string> = {};
  if (engine === 'pglite') {
    copy = await mkdtemp(join(tmpdir(), 'tsunagu-load-'));
    process.stdout.write(`  copying the PGlite data to ${copy}\n`);
    await cp(resolve(prepared.dataDir ?? ''), join(copy, 'pglite'), { recursive: true });
    env.DATA_DIR = copy;
  } else {
    env.DATA_DIR = resolve(prepared.dataDir ?? '.bench');
    env.DATABASE_URL = prepared.url ?? '';
  }
  const { child, base } = await startServer(env);
  const pid = child.pid ?? 0;
  const results: Level[] = [];
  let idle = 0;
  try {
    idle = rssMiB(pid);
    if (!targets.seriesId) {
      const chief = await new HttpClient(base).signIn('shunin');
      const res = await chief.request('POST', '/api/meeting-series', {
        type: 'coordination',
        name: seriesName,
        hostAgencyId: targets.chiefAgencyId,
        pattern: 'regular',
        regularWeek: 3,
        regularWeekday: 4,
      });
      targets.seriesId = (JSON.parse(res.text) as { id: string }).id;
    }
    const sessions = await signInAll(base, Math.max(...levels));
    for (const clients of levels) {
      process.stdout.write(`  ${engine}: ${clients} clients for ${seconds} s\n`);
      const level = await drive(sessions, pid, targets, clients);
      const all = Object.values(level.times).reduce((n, t) => n + t.length, 0);
      process.stdout.write(
        `    ${(all / level.seconds).toFixed(0)} req/s, RSS max ${level.rssMax.toFixed(0)} MiB\n`,
      );
      results.push(level);
    }
    for (const rate of engine === 'postgres' ? rates : []) {
      process.stdout.write(`  ${engine}: ${rate} requests/s offered for ${seconds} s\n`);
      const level = await driveAtRate(sessions, pid, targets, rate);
      const all = Object.values(level.times).reduce((n, t) => n + t.length, 0);
      process.stdout.write(
        `    ${(all / level.seconds).toFixed(0)} req/s answered, RSS max ${level.rssMax.toFixed(0)} MiB\n`,
      );
      results.push(level);
    }
  } finally {
    await stopServer(child);
    if (copy) await rm(copy, { recursive: true, force: true });
  }

  const postgres = engine === 'postgres';
  const aim = (kind: Kind): number | undefined => {
    if (postgres) return kind === 'report' ? 1000 : kind === 'agenda' ? undefined : 50;
    return kind === 'agenda' || kind === 'report' ? undefined : 100;
  };
  const lines = [
    `**${postgres ? 'PostgreSQL' : 'PGlite'}** — ${prepared.cases.toLocaleString()} cases and ${prepared.contacts.toLocaleString()} contact records in ${prepared.municipalities} ${prepared.municipalities === 1 ? 'municipality' : 'municipalities'}, of which the demo 架空市, where every client works, holds ${prepared.ownCases.toLocaleString()} cases${postgres ? '' : '; a copy of the kept data directory'}; server idle RSS ${idle.toFixed(0)} MiB.`,
    '',
    '| clients | call | requests | p50 | p95 | p99 | req/s | aim (p95) | |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  const summary: string[] = [];
  for (const level of results) {
    const all = Object.values(level.times).reduce((n, t) => n + t.length, 0);
    for (const [kind] of mix) {
      const t = level.times[kind];
      const p95 = percentile(t, 95);
      const a = aim(kind);
      // Latency aims: with one client (nothing else running) and, on PostgreSQL, under the
      // open-loop rate; the closed-loop levels above one show how times grow with the queue.
      const judged = a !== undefined && (level.clients === 1 || level.offered !== undefined);
      lines.push(
        `| ${levelName(level)} | ${labels[kind]} | ${t.length} | ${ms(percentile(t, 50))} | ${ms(p95)} | ${ms(percentile(t, 99))} | ${(t.length / level.seconds).toFixed(1)} | ${judged ? `≤ ${a} ms` : ''} | ${judged ? (p95 <= (a ?? 0) ? 'met' : '**missed**') : ''} |`,
      );
    }
    const answered = all / level.seconds;
    const throughputJudged =
      postgres &&
      (level.offered !== undefined ? level.offered >= 500 : level.clients === Math.max(...levels));
    // CPU per answered request, by process: where the two cores went.
    const per = (seconds: number) => (all > 0 ? `${((seconds * 1000) / all).toFixed(1)}` : '–');
    const cpu = level.cpu;
    summary.push(
      `| ${levelName(level)}${level.overloaded ? ' (overloaded, stopped)' : ''} | ${all} | ${answered.toFixed(0)} | ${level.errors} | ${level.rssMax.toFixed(0)} MiB | ${per(cpu.server)} / ${postgres ? per(cpu.postgres) : '–'} / ${per(cpu.driver)} | ${((cpu.server + cpu.postgres + cpu.driver) / level.seconds).toFixed(2)} | ${throughputJudged ? `≥ 500 req/s: ${answered >= 500 ? 'met' : '**missed**'}` : ''} |`,
    );
  }
  lines.push(
    '',
    '| clients | requests | req/s answered (mix) | errors | server RSS max | CPU ms per request: server / PostgreSQL / load driver | cores busy | aim |',
    '|---|---|---|---|---|---|---|---|',
    ...summary,
    '',
    'App against bare SQL, one client, median of 30 calls (the reads the app sent for the call, replayed in order):',
    '',
    '| call | statements | app (HTTP in process) | bare SQL | ratio |',
    '|---|---|---|---|---|',
    ...Object.entries(bare).map(
      ([name, b]) =>
        `| ${name} | ${b.statements} | ${ms(b.app)} | ${ms(b.sql)} | ${(b.app / b.sql).toFixed(1)}× |`,
    ),
  );
  return lines;
}

export async function benchLoad(): Promise<string> {
  await ensureWebBuilt(() => {});
  await ensureServerBuilt(() => {});
  const parts: string[] = [
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine()}; ${seconds} s per level after a few warm-up calls; mix ${mix.map(([k, w]) => `${k} ${w}%`).join(', ')}; each client signed in as the demo support worker (cases), chief (agenda) and municipal officer (report).`,
  ];
  for (const engine of engines) parts.push('', ...(await runEngine(engine)));
  const body = parts.join('\n');
  await writeSection('load', body);
  return body;
}
