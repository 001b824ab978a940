import { beforeEach, describe, expect, it } from 'vitest';
import { samplePlan, toPlanning } from '../test/case-helpers';
import { signedIn, type TestClient } from '../test/client';
import { createWorld } from '../test/factories';
import { type TestApp, testApp } from '../test/test-app';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let worker: TestClient;

beforeEach(async () => {
  t = await testApp();
  world = await createWorld(t.database.db);
  worker = await signedIn(t.app, world.users.supportWorker.login_id);
});

function ok<T>(res: { status: number; body: T; text: string }, what: string): T {
  if (res.status >= 300) throw new Error(`${what} failed: ${res.status} ${res.text}`);
  return res.body;
}

type Gap = {
  id: string;
  version: number;
  status: string;
  resource: { id: string; name: string } | null;
};
type PlanView = {
  version: number;
  services: {
    id: string;
    content: string;
    socialResourceId: string | null;
    socialResourceName: string | null;
    serviceClass: string;
    providerName: string | null;
  }[];
};

describe('from a resource gap to a provider in a plan (issue 4, done means)', () => {
  it('raises a gap, takes it to created with a new resource, and the worker chooses that resource as a plan provider', async () => {
    const { case: kase, planId } = await toPlanning(worker);

    // The gap, raised by hand for this case, recognised, developed, and ended in a new resource.
    let gap = ok(
      await worker.post<Gap>('/api/resource-gaps', {
        description: '中間的就労を受け入れる事業所が市内に1か所しかない',
        caseIds: [kase.id],
      }),
      'raise',
    );
    for (const step of ['recognise', 'start_development'] as const) {
      gap = ok(
        await worker.post<Gap>(`/api/resource-gaps/${gap.id}/steps`, {
          version: gap.version,
          step,
        }),
        step,
      );
    }
    gap = ok(
      await worker.post<Gap>(`/api/resource-gaps/${gap.id}/steps`, {
        version: gap.version,
        step: 'create',
        note: '農園の協力を得て受け入れ開始',
        resource: {
          name: 'みどり農園 中間的就労',
          category: 'place',
          serviceClass: 'A',
          formal: true,
          participationKinds: ['intermediate_work'],
          accommodations: '1日2時間から。収穫・袋詰めなど作業を切り出す。',
        },
      }),
      'create',
    );
    expect(gap.status).toBe('created');
    const resourceId = gap.resource?.id ?? '';

    // It is in the directory's list the plan's provider picker reads.
    const directory = ok(
      await worker.get<{ items: { id: string; serviceClass: string }[] }>(
        '/api/social-resources?participationKind=intermediate_work',
      ),
      'directory',
    );
    expect(directory.items).toEqual([
      expect.objectContaining({ id: resourceId, serviceClass: 'A' }),
    ]);

    // The worker names it as the provider of a service line, through the plan API.
    const current = ok(await worker.get<PlanView>(`/api/cases/${kase.id}/plans/${planId}`), 'plan');
    const saved = await worker.put<PlanView>(`/api/cases/${kase.id}/plans/${planId}`, {
      version: current.version,
      plan: {
        ...samplePlan,
        services: [
          ...samplePlan.services,
          {
            content: '中間的就労（週3日、午前）',
            socialResourceId: resourceId,
            serviceClass: 'A',
            programme: 'work_readiness',
            frequency: '週3日',
          },
        ],
      },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.services).toEqual([
      expect.objectContaining({
        content: '就職相談・求人紹介',
        socialResourceId: null,
        socialResourceName: null,
      }),
      expect.objectContaining({
        content: '中間的就労（週3日、午前）',
        socialResourceId: resourceId,
        socialResourceName: 'みどり農園 中間的就労',
        serviceClass: 'A',
      }),
    ]);
    const read = ok(await worker.get<PlanView>(`/api/cases/${kase.id}/plans/${planId}`), 'read');
    expect(read.services[1]?.socialResourceName).toBe('みどり農園 中間的就労');

    // Archived later, the line keeps it on a save; a new line cannot choose it any more.
    const resource = ok(
      await worker.get<{ version: number }>(`/api/social-resources/${resourceId}`),
      'resource',
    );
    ok(
      await worker.post(`/api/social-resources/${resourceId}/archive`, {
        version: resource.version,
        archived: true,
      }),
      'archive',
    );
    const lines = read.services.map(({ socialResourceName: _, ...s }) => s);
    const kept = await worker.put<PlanView>(`/api/cases/${kase.id}/plans/${planId}`, {
      version: read.version,
      plan: { ...samplePlan, services: lines },
    });
    expect(kept.status).toBe(200);
    const again = await worker.put(`/api/cases/${kase.id}/plans/${planId}`, {
      version: kept.body.version,
      plan: {
        ...samplePlan,
        services: [
          ...lines,
          { content: '追加の就労体験', socialResourceId: resourceId, serviceClass: 'A' },
        ],
      },
    });
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({
      error: {
        fields: [
          {
            path: 'services.2.socialResourceId',
            message: '選択された項目が見つかりません。選び直してください。',
          },
        ],
      },
    });
  });

  it('refuses a provider from another municipality’s directory', async () => {
    const { case: kase, planId } = await toPlanning(worker);
    const other = await createWorld(t.database.db);
    const theirs = await t.database.db
      .insertInto('social_resource')
      .values({
        municipality_id: other.municipality.id,
        name: '隣町の居場所',
        category: 'place',
        service_class: 'C',
        formal: false,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const current = ok(await worker.get<PlanView>(`/api/cases/${kase.id}/plans/${planId}`), 'plan');
    const res = await worker.put(`/api/cases/${kase.id}/plans/${planId}`, {
      version: current.version,
      plan: {
        ...samplePlan,
        services: [{ content: '居場所への参加', socialResourceId: theirs.id, serviceClass: 'C' }],
      },
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      error: { fields: [{ path: 'services.0.socialResourceId' }] },
    });
  });
});
