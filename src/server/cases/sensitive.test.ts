import { beforeAll, describe, expect, it } from 'vitest';
import { getCaseView, openIntakeCase } from '../test/case-helpers';
import { signedIn, type TestClient } from '../test/client';
import { createWorld } from '../test/factories';
import { type TestApp, testApp } from '../test/test-app';

let t: TestApp;
let worker: TestClient;

beforeAll(async () => {
  t = await testApp();
  const world = await createWorld(t.database.db);
  worker = await signedIn(t.app, world.users.supportWorker.login_id);
});

const lastRead = async (caseId: string) =>
  t.database.db
    .selectFrom('audit_log')
    .select(['detail', 'person_id'])
    .where('action', '=', 'case.read')
    .where('subject_id', '=', caseId)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();

describe('要配慮個人情報', () => {
  it('is named in the audit row of every read of the case', async () => {
    const marked = await openIntakeCase(worker, {
      name: '架空 三郎',
      sensitiveCategories: ['health', 'criminal_record'],
    });
    await getCaseView(worker, marked.id);
    expect(await lastRead(marked.id)).toEqual({
      person_id: marked.personId,
      detail: { sensitive: ['health', 'criminal_record'] },
    });

    const plain = await openIntakeCase(worker, { name: '架空 四郎' });
    await getCaseView(worker, plain.id);
    expect((await lastRead(plain.id)).detail).toEqual({});
  });

  it('accepts only the four categories', async () => {
    const res = await worker.post('/api/cases/intakes', {
      person: { name: '架空 五郎', sensitiveCategories: ['religion'] },
      intake: {
        receivedOn: '2026-04-01',
        routeIn: 'self_visit',
        topics: ['income'],
        mainTopic: 'income',
      },
    });
    expect(res.status).toBe(400);
    expect(res.text).toContain('person.sensitiveCategories');
  });
});
