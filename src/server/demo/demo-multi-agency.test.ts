import { describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { openPGlite } from '../db/connect';
import { applyMigrations } from '../db/migrate';
import { TestClient } from '../test/client';
import { testConfig } from '../test/test-app';
import { demoPassword } from './demo-data';
import { seedDemoData } from './seed-demo';

type View = {
  status: string;
  coordinatorName: string;
  referrer: { name: string };
  members: {
    agency: { name: string };
    lead: boolean;
    role: string;
    householdMemberName: string | null;
  }[];
  plan: { goal: string | null };
  reviews: { outcome: string; meetingName: string | null }[];
  basis: string;
};
type Ecomap = {
  nodes: { id: string; kind: string; label: string; lead?: boolean }[];
  edges: { from: string; to: string; strength: string }[];
};

describe('the demo household of seed 004', () => {
  it('is a multi-agency case with five agencies, their roles and a lead, agreed at the 重層的支援会議, on the ecomap, and readable by the care centre within consent', async () => {
    const database = await openPGlite({});
    try {
      await applyMigrations(database);
      const config = testConfig();
      expect(await seedDemoData(database, config)).toBe(true);
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
      const chief = await as('shunin');
      const list = await chief.get<{ items: { id: string; caseId: string; personName: string }[] }>(
        '/api/multi-agency',
      );
      const okada = list.body.items.find((i) => i.personName === '岡田 翔太');
      if (!okada) throw new Error(`the household is not listed: ${list.text}`);

      const view = (await chief.get<View>(`/api/multi-agency/${okada.id}`)).body;
      expect(view).toMatchObject({
        status: 'active',
        coordinatorName: '川村 健一',
        referrer: { name: '架空市中央地域包括支援センター' },
        reviews: [{ outcome: 'agreed', meetingName: '架空市重層的支援会議' }],
      });
      expect(view.members.map((m) => m.agency.name).sort()).toEqual(
        [
          '架空市中央地域包括支援センター',
          '居宅介護支援事業所 かくうケアプラン',
          '架空市高齢福祉課',
          '障害者相談支援事業所 さくら架空',
          '架空市障害福祉課',
        ].sort(),
      );
      expect(view.members.every((m) => m.role.length > 10)).toBe(true);
      expect(view.members.filter((m) => m.lead).map((m) => m.agency.name)).toEqual([
        '障害者相談支援事業所 さくら架空',
      ]);

      const map = (await chief.get<Ecomap>(`/api/cases/${okada.caseId}/ecomap`)).body;
      const agencies = map.nodes.filter((n) => n.kind === 'agency').map((n) => n.label);
      for (const m of view.members) expect(agencies).toContain(m.agency.name);
      expect(map.nodes.filter((n) => n.kind === 'member').map((n) => n.label)).toEqual([
        '岡田 茂',
        '岡田 和子',
      ]);
      // The mother's tie to her care manager is strained; the father's to the care centre strong.
      const node = (label: string) => map.nodes.find((n) => n.label === label)?.id;
      const mother = map.nodes.find((n) => n.label === '岡田 和子')?.id;
      expect(
        map.edges.find(
          (e) => e.from === node('居宅介護支援事業所 かくうケアプラン') && e.to === mother,
        )?.strength,
      ).toBe('strained');

      // The care centre's own staff read the roles and the joint plan under the consent.
      const partner = await as('kankei');
      const shared = await partner.get<View>(`/api/multi-agency/${okada.id}`);
      expect(shared.status).toBe(200);
      expect(shared.body).toMatchObject({ basis: 'consent', status: 'active' });
      expect(shared.body.plan.goal).toBeTruthy();
    } finally {
      await database.close();
    }
  });
});
