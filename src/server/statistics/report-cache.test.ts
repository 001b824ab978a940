import { beforeEach, describe, expect, it } from 'vitest';
import type { StatisticsReport } from '../../domain/statistics/report';
import { openIntakeCase } from '../test/case-helpers';
import { signedIn, type TestClient } from '../test/client';
import { createWorld } from '../test/factories';
import { type TestApp, testApp } from '../test/test-app';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let officer: TestClient;
let worker: TestClient;

beforeEach(async () => {
  t = await testApp({ STATISTICS_CACHE_SECONDS: '60' });
  world = await createWorld(t.database.db);
  officer = await signedIn(t.app, world.users.officer.login_id);
  worker = await signedIn(t.app, world.users.supportWorker.login_id);
});

async function report(): Promise<StatisticsReport> {
  const res = await officer.get<StatisticsReport>('/api/statistics/report?from=2026-04&to=2026-04');
  expect(res.status).toBe(200);
  return res.body;
}

describe('a report computed in the last minute', () => {
  it('is shown again, with the time it was computed, until something it counts changes', async () => {
    const kase = await openIntakeCase(worker);
    const first = await report();
    expect(first.total.newConsultations).toBe(1);

    t.clock.advance(10_000);
    const again = await report();
    expect(again.scope.generatedAt).toBe(first.scope.generatedAt);

    // A contact record is not counted: the report stays.
    const contact = await worker.post(`/api/cases/${kase.id}/contacts`, {
      occurredAt: '2026-04-01T10:00',
      mode: 'phone',
      summary: '電話で近況を確認した。',
    });
    expect(contact.status).toBe(201);
    expect((await report()).scope.generatedAt).toBe(first.scope.generatedAt);

    // A new consultation is: the next report counts it.
    await openIntakeCase(worker, { name: '架空 花子', nameKana: 'かくう はなこ' });
    const counted = await report();
    expect(counted.total.newConsultations).toBe(2);
    expect(counted.scope.generatedAt).not.toBe(first.scope.generatedAt);
  });

  it('is counted again after a minute, so a change made elsewhere shows', async () => {
    const first = await report();
    expect(first.total.newConsultations).toBe(0);
    // Written straight to the database, as another server process or a command would.
    const kase = await openIntakeCase(worker);
    const cached = await report();
    expect(cached.total.newConsultations).toBe(1);

    await t.database.db
      .updateTable('intake')
      .set({ received_on: '2026-03-31' })
      .where('case_id', '=', kase.id)
      .execute();
    t.clock.advance(30_000);
    expect((await report()).total.newConsultations).toBe(1);
    t.clock.advance(31_000);
    expect((await report()).total.newConsultations).toBe(0);
  });
});
