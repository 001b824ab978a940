import { benchApp } from './bulk-cases';
import { machine, percentile, writeSection } from './report';

/**
 * Building the suggested agenda (issue 7): with 100,000 cases in the embedded database, the
 * chief support worker asks the 支援調整会議 what it should discuss next — plans awaiting review,
 * evaluations due, proposed terminations, requests — through the whole server, in process.
 * Aim: p95 under 200 ms.
 */
const count = Number(process.env.BENCH_CASES ?? 100_000);
const rounds = Number(process.env.BENCH_MEETINGS_ROUNDS ?? 200);

export async function benchMeetings(): Promise<string> {
  const { database, client } = await benchApp(count, 'shunin');
  try {
    const agency = await database.db
      .selectFrom('app_user')
      .select('support_agency_id')
      .where('login_id', '=', 'shunin')
      .executeTakeFirstOrThrow();
    const name = 'ベンチマーク支援調整会議';
    const existing = await database.db
      .selectFrom('meeting_series')
      .select('id')
      .where('name', '=', name)
      .executeTakeFirst();
    const seriesId =
      existing?.id ??
      (
        await client.post<{ id: string }>('/api/meeting-series', {
          type: 'coordination',
          name,
          hostAgencyId: agency.support_agency_id,
          pattern: 'regular',
          regularWeek: 3,
          regularWeekday: 4,
        })
      ).body.id;
    const [plans, evaluations] = await Promise.all([
      database.db
        .selectFrom('plan')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', '=', 'under_review')
        .executeTakeFirstOrThrow(),
      database.db
        .selectFrom('support_case')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', '=', 'evaluation')
        .executeTakeFirstOrThrow(),
    ]);
    const times: number[] = [];
    let suggested = 0;
    for (let i = 0; i < rounds + 20; i++) {
      const started = performance.now();
      const res = await client.get<{ items: unknown[] }>(
        `/api/meeting-series/${seriesId}/suggestions`,
      );
      const elapsed = performance.now() - started;
      if (res.status !== 200)
        throw new Error(`suggestions: ${res.status} ${res.text.slice(0, 200)}`);
      suggested = res.body.items.length;
      if (i >= 20) times.push(elapsed);
    }
    const ms = (v: number) => `${v.toFixed(1)} ms`;
    const p95 = percentile(times, 95);
    const body = [
      `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}; embedded PGlite (shared_buffers 32MB), ${count.toLocaleString()} generated cases of which ${Number(plans.n).toLocaleString()} plans await review and ${Number(evaluations.n).toLocaleString()} cases are at evaluation; ${rounds} calls after 20 warm-up calls, signed in as the demo chief support worker; each answer lists ${suggested} cases (the first 100 of each kind).`,
      '',
      '| call | p50 | p95 | max | aim (p95) | |',
      '|---|---|---|---|---|---|',
      `| suggested agenda (\`GET /api/meeting-series/:id/suggestions\`) | ${ms(percentile(times, 50))} | ${ms(p95)} | ${ms(Math.max(...times))} | < 200 ms | ${p95 < 200 ? 'met' : '**missed**'} |`,
    ].join('\n');
    await writeSection('meetings', body);
    return body;
  } finally {
    await database.close();
  }
}
