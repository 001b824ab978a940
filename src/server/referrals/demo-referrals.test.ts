import { describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { openPGlite } from '../db/connect';
import { applyMigrations } from '../db/migrate';
import { demoPassword } from '../demo/demo-data';
import { seedDemoData } from '../demo/seed-demo';
import { TestClient } from '../test/client';
import { testConfig } from '../test/test-app';

describe('the demo referrals', () => {
  it('give kankei an inbox (one awaiting an answer, one taken on with its record) and shien an alert', async () => {
    const database = await openPGlite({});
    try {
      await applyMigrations(database);
      const config = testConfig();
      await seedDemoData(database, config);
      const app = createApp({
        config,
        database,
        logger: { debug() {}, info() {}, warn() {}, error() {} },
        csrfKey: 'k',
        now: () => new Date(),
      });
      const as = async (login: string) => {
        const c = new TestClient(app);
        expect((await c.signIn(login, demoPassword)).status).toBe(200);
        return c;
      };
      const kankei = await as('kankei');
      type Inbox = {
        items: {
          id: string;
          caseId: string;
          personName: string;
          status: string;
          abilities: { actions: string[] };
        }[];
      };
      const inbox = (await kankei.get<Inbox>('/api/referrals')).body.items;
      expect(inbox.map((i) => [i.personName, i.status])).toEqual([
        ['坂口 真由美', 'pending'],
        ['坂口 真由美', 'accepted'],
        ['坂口 真由美', 'returned'],
        ['坂口 真由美', 'arrived'],
      ]);
      expect(inbox[0]?.abilities.actions).toEqual(['accept', 'decline', 'return']);

      type Shared = {
        person: Record<string, unknown>;
        referrals: { status: string; handOverSummary: string | null }[];
        activities: { kind: string }[];
      };
      const shared = await kankei.get<Shared>(`/api/shared-cases/${inbox[0]?.caseId}`);
      expect(shared.status).toBe(200);
      expect(shared.body.person).toEqual({
        name: '坂口 真由美',
        nameKana: 'さかぐち まゆみ',
        age: 36,
      });
      expect(shared.body.referrals.every((r) => r.handOverSummary !== null)).toBe(true);
      expect(shared.body.activities.map((a) => a.kind)).toEqual(['interview', 'service', 'visit']);
      // The case itself stays closed to the partner.
      expect((await kankei.get(`/api/cases/${inbox[0]?.caseId}`)).status).toBe(403);

      const shien = await as('shien');
      type Alerts = { items: { personName: string; alert: string }[] };
      const alerts = (await shien.get<Alerts>('/api/referrals?attention=true&mine=true')).body;
      expect(alerts.items).toMatchObject([{ personName: '坂口 真由美', alert: 'returned' }]);
      const kase = await shien.get<{ timeline: { kind: string; data: { event?: string } }[] }>(
        `/api/cases/${inbox[0]?.caseId}`,
      );
      const kinds = kase.body.timeline
        .filter((e) => e.kind === 'referral_event' || e.kind === 'partner_activity')
        .map((e) => e.data.event ?? e.kind);
      // Newest first: the father's 成年後見 sent (−2); his care costs recorded (−5), accepted
      // (−10) and sent (−12); the mother returned (−18) and sent (−20); his care recorded (−120),
      // arrived and recorded (−152), accepted (−156) and sent (−157).
      expect(kinds).toEqual([
        'sent',
        'partner_activity',
        'accepted',
        'sent',
        'returned',
        'sent',
        'partner_activity',
        'arrived',
        'partner_activity',
        'accepted',
        'sent',
      ]);
    } finally {
      await database.close();
    }
  });
});
