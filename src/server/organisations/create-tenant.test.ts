import { describe, expect, it } from 'vitest';
import { TestClient } from '../test/client';
import { testApp } from '../test/test-app';
import { createTenant } from './create-tenant';

describe('creating a tenant (operator command)', () => {
  it('makes a municipality and an administrator who must change the temporary password first', async () => {
    const t = await testApp();
    const login = `first-admin-${Math.random().toString(36).slice(2, 8)}`;
    const { municipalityId, temporaryPassword } = await createTenant(
      t.database.db,
      t.deps.config.passwordHash,
      {
        name: `新設市${login}`,
        nameKana: 'しんせつし',
        prefecture: '架空県',
        kind: 'city',
        population: 50_000,
        adminLoginId: login,
        adminName: '初代 管理者',
      },
    );
    const client = new TestClient(t.app);
    expect((await client.signIn(login, temporaryPassword)).status).toBe(200);
    const session = await client.get<{
      user: { mustChangePassword: boolean; municipality: { id: string } };
    }>('/api/auth/session');
    expect(session.body.user).toMatchObject({
      mustChangePassword: true,
      municipality: { id: municipalityId },
    });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('municipality_id', '=', municipalityId)
      .where('action', '=', 'tenant.create')
      .execute();
    expect(audit).toHaveLength(1);
  });
});
