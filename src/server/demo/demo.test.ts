import { describe, expect, it } from 'vitest';
import { roles } from '../../domain/roles';
import { createApp } from '../app';
import { openPGlite } from '../db/connect';
import { applyMigrations } from '../db/migrate';
import { TestClient } from '../test/client';
import { testConfig } from '../test/test-app';
import { demoPassword, demoUsers } from './demo-data';
import { hasDemoData, seedDemoData } from './seed-demo';

describe('demo data', () => {
  it('creates 架空市 with 4 districts, a direct and a commissioned agency, partners and one user per role — once', async () => {
    const database = await openPGlite({});
    try {
      await applyMigrations(database);
      const config = testConfig();
      expect(await seedDemoData(database.db, config.passwordHash)).toBe(true);
      expect(await seedDemoData(database.db, config.passwordHash)).toBe(false);
      expect(await hasDemoData(database.db)).toBe(true);

      const municipalities = await database.db.selectFrom('municipality').selectAll().execute();
      expect(municipalities).toMatchObject([{ name: '架空市', population: 120_000 }]);
      const districts = await database.db.selectFrom('district').select('name').execute();
      expect(districts).toHaveLength(4);
      const agencies = await database.db.selectFrom('support_agency').select('operation').execute();
      expect(agencies.map((a) => a.operation).sort()).toEqual(['commissioned', 'direct']);
      const partners = await database.db.selectFrom('partner_agency').select('id').execute();
      expect(partners.length).toBeGreaterThanOrEqual(5);
      const users = await database.db.selectFrom('app_user').select('roles').execute();
      expect(users.flatMap((u) => u.roles).sort()).toEqual([...roles].sort());
      expect(demoUsers).toHaveLength(roles.length);

      const app = createApp({
        config,
        database,
        logger: { debug() {}, info() {}, warn() {}, error() {} },
        csrfKey: 'k',
        now: () => new Date(),
      });
      const client = new TestClient(app);
      for (const user of demoUsers) {
        expect((await new TestClient(app).signIn(user.loginId, demoPassword)).status).toBe(200);
      }
      expect(client).toBeDefined();
    } finally {
      await database.close();
    }
  });
});
