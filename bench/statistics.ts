import { sql } from 'kysely';
import type { StatisticsReport } from '../src/domain/statistics/report';
import { todayInJapan } from '../src/domain/text/wareki';
import { benchApp } from './bulk-cases';
import { machine, percentile, writeSection } from './report';

/**
 * The monthly statistics report (issue 5): the municipality's report for the latest complete
 * month, for the last complete fiscal year and for one district, through the whole server
 * (`GET /api/statistics/report`), signed in as the demo municipal officer — with 100,000
 * generated cases on the embedded PGlite and with 1,000,000 on a PostgreSQL server.
 * Aim: under 1 s each.
 *
 * `BENCH_STATISTICS_ENGINES=pglite` (or `postgres`) runs one engine; the PostgreSQL server is
 * BENCH_POSTGRES_URL (see bulk-cases.ts).
 */
const rounds = Number(process.env.BENCH_STATISTICS_ROUNDS ?? 30);
const warmUp = 3;
const aimMs = 1000;

interface Setup {
  engine: 'pglite' | 'postgres';
  count: number;
}

const setups: Setup[] = [
  { engine: 'pglite', count: Number(process.env.BENCH_CASES ?? 100_000) },
  { engine: 'postgres', count: Number(process.env.BENCH_STATISTICS_PG_CASES ?? 1_000_000) },
];

/** 'YYYY-MM' of the month `delta` months from the month of `date` ('YYYY-MM-DD'). */
function month(date: string, delta: number): string {
  const [y = 0, m = 1] = date.split('-').map(Number);
  const index = y * 12 + (m - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

interface Measured {
  setup: Setup;
  line: string;
  rows: string[];
  worstP95: number;
}

async function measure(setup: Setup): Promise<Measured> {
  // The report is counted on every call here (the one-minute cache off): this measures the
  // counting, which the cache only spares a second asker.
  const { database, client } = await benchApp(setup.count, 'jichitai', {
    engine: setup.engine,
    env: { STATISTICS_CACHE_SECONDS: '0' },
  });
  try {
    const db = database.db;
    const today = todayInJapan();
    const latest = month(today, -1);
    const [ly = 0, lm = 0] = latest.split('-').map(Number);
    // The last fiscal year (April–March) that has ended.
    const fyStart = lm >= 3 ? ly - 1 : ly - 2;
    const district = await db
      .selectFrom('district')
      .innerJoin('app_user', 'app_user.municipality_id', 'district.municipality_id')
      .select(['district.id', 'district.name', 'district.municipality_id'])
      .where('app_user.login_id', '=', 'jichitai')
      .orderBy('district.sort_order')
      .executeTakeFirstOrThrow();
    const calls = [
      {
        label: `one month (${latest}), the municipality`,
        query: `from=${latest}&to=${latest}`,
      },
      {
        label: `fiscal year ${fyStart} (${fyStart}-04…${fyStart + 1}-03), the municipality`,
        query: `from=${fyStart}-04&to=${fyStart + 1}-03`,
      },
      {
        label: `one month (${latest}), one district (${district.name})`,
        query: `from=${latest}&to=${latest}&districtId=${district.id}`,
      },
    ].map((c) => ({
      ...c,
      times: [] as number[],
      report: undefined as StatisticsReport | undefined,
    }));

    for (let i = 0; i < warmUp + rounds; i++) {
      for (const call of calls) {
        const started = performance.now();
        const res = await client.get<StatisticsReport>(`/api/statistics/report?${call.query}`);
        const elapsed = performance.now() - started;
        if (res.status !== 200) {
          throw new Error(`report ${call.query}: ${res.status} ${res.text.slice(0, 300)}`);
        }
        call.report = res.body;
        if (i >= warmUp) call.times.push(elapsed);
      }
    }

    const count = async (table: 'support_case' | 'intake' | 'plan' | 'evaluation') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const own = async (table: 'support_case' | 'plan' | 'evaluation') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('municipality_id', '=', district.municipality_id)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const municipalities = Number(
      (
        await db
          .selectFrom('municipality')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const cases = await count('support_case');
    const plans = await own('plan');
    const evaluations = await own('evaluation');
    const ownCases = await own('support_case');
    const server =
      setup.engine === 'postgres'
        ? (
            await sql<{ v: string; sb: string; wm: string }>`
              select current_setting('server_version') as v, current_setting('shared_buffers') as sb,
                current_setting('work_mem') as wm`.execute(db)
          ).rows[0]
        : undefined;
    const engine = server
      ? `PostgreSQL ${server.v} on the same machine (shared_buffers ${server.sb}, work_mem ${server.wm}; see the server's settings above)`
      : 'embedded PGlite (shared_buffers 32MB)';
    const month0 = calls[0]?.report?.total;
    const year = calls[1]?.report?.total;
    const line = `${engine}: ${cases.toLocaleString()} cases in ${municipalities} ${municipalities === 1 ? 'municipality' : 'municipalities'}, of which 架空市 holds ${ownCases.toLocaleString()} with ${plans.toLocaleString()} plans and ${evaluations.toLocaleString()} evaluations; the month's report counts ${month0?.newConsultations.toLocaleString()} new consultations and ${month0?.plans.toLocaleString()} plans, the year's ${year?.newConsultations.toLocaleString()} and ${year?.plans.toLocaleString()}.`;
    const ms = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(0)} ms`);
    const db0 = setup.engine === 'postgres' ? 'PostgreSQL' : 'PGlite';
    const rows = calls.map((c) => {
      const p95 = percentile(c.times, 95);
      return `| ${db0}, ${setup.count.toLocaleString()} cases | ${c.label} | ${ms(percentile(c.times, 50))} | ${ms(p95)} | ${ms(Math.max(...c.times))} | < 1 s | ${p95 < aimMs ? 'met' : '**missed**'} |`;
    });
    const worstP95 = Math.max(...calls.map((c) => percentile(c.times, 95)));
    return { setup, line, rows, worstP95 };
  } finally {
    await database.close();
  }
}

export async function benchStatistics(): Promise<string> {
  const wanted = (process.env.BENCH_STATISTICS_ENGINES ?? 'pglite,postgres').split(',');
  const results: Measured[] = [];
  for (const setup of setups) {
    if (wanted.includes(setup.engine)) results.push(await measure(setup));
  }
  const body = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}; ${rounds} calls of each after ${warmUp} warm-up rounds, signed in as the demo municipal officer (\`jichitai\`), calls taken in turn.`,
    '',
    ...results.map((r) => `- ${r.line}`),
    '',
    '| database | report (`GET /api/statistics/report`) | p50 | p95 | max | aim (p95) | |',
    '|---|---|---|---|---|---|---|',
    ...results.flatMap((r) => r.rows),
  ].join('\n');
  if (wanted.length === setups.length) await writeSection('statistics', body);
  else process.stdout.write('  (one engine only: docs/benchmarks.md left as it was)\n');
  return body;
}
