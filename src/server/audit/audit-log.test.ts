import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { todayInJapan } from '../../domain/text/wareki';
import { signedIn } from '../test/client';
import { createWorld } from '../test/factories';
import { type TestApp, testApp } from '../test/test-app';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;

beforeEach(async () => {
  t = await testApp();
  world = await createWorld(t.database.db);
});

describe('the audit log is append-only in the database itself', () => {
  it('refuses UPDATE', async () => {
    await signedIn(t.app, world.users.chief.login_id);
    await expect(
      sql`update audit_log set action = 'tampered' where actor_user_id = ${world.users.chief.id}`.execute(
        t.database.db,
      ),
    ).rejects.toThrow(/append-only/);
  });

  it('refuses DELETE', async () => {
    await signedIn(t.app, world.users.chief.login_id);
    await expect(
      sql`delete from audit_log where actor_user_id = ${world.users.chief.id}`.execute(
        t.database.db,
      ),
    ).rejects.toThrow(/append-only/);
  });

  it('refuses TRUNCATE', async () => {
    await expect(sql`truncate audit_log`.execute(t.database.db)).rejects.toThrow(/append-only/);
  });

  it('keeps the rows as they were after the refusals', async () => {
    await signedIn(t.app, world.users.chief.login_id);
    await sql`update audit_log set action = 'x' where actor_user_id = ${world.users.chief.id}`
      .execute(t.database.db)
      .catch(() => {});
    const rows = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('actor_user_id', '=', world.users.chief.id)
      .execute();
    expect(rows.map((r) => r.action)).toEqual(['auth.sign_in']);
  });
});

describe('the audit viewer', () => {
  it('filters by login ID, outcome and date, pages newest first, and records that it was read', async () => {
    await signedIn(t.app, world.users.supportWorker.login_id);
    const worker = await signedIn(t.app, world.users.supportWorker.login_id);
    await worker.get('/api/users'); // denied
    const auditor = await signedIn(t.app, world.users.auditor.login_id);

    const denied = await auditor.get<{
      items: { action: string; outcome: string; actorLoginId: string }[];
    }>(`/api/audit?actor=${world.users.supportWorker.login_id}&outcome=denied`);
    expect(denied.status).toBe(200);
    expect(denied.body.items.map((e) => [e.action, e.outcome])).toEqual([['user.read', 'denied']]);

    const all = await auditor.get<{ items: { id: number }[]; nextBefore: number | null }>(
      `/api/audit?actor=${world.users.supportWorker.login_id}&limit=1`,
    );
    expect(all.body.items).toHaveLength(1);
    expect(all.body.nextBefore).not.toBeNull();
    const next = await auditor.get<{ items: { id: number }[] }>(
      `/api/audit?actor=${world.users.supportWorker.login_id}&limit=1&before=${all.body.nextBefore}`,
    );
    expect(next.body.items[0]?.id).toBeLessThan(all.body.items[0]?.id ?? 0);

    // The test clock says 2026-04-01; the rows carry the database's real time, so filter around now.
    // The filter's dates are days in Japan: from 0:00 to 9:00 there the UTC date is the day before.
    const today = todayInJapan();
    const byDate = await auditor.get<{ items: unknown[] }>(
      `/api/audit?from=${today}&to=${today}&actor=${world.users.supportWorker.login_id}`,
    );
    expect(byDate.body.items.length).toBeGreaterThanOrEqual(3);
    const future = await auditor.get<{ items: unknown[] }>('/api/audit?from=2099-01-01');
    expect(future.body.items).toHaveLength(0);

    const reads = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('actor_user_id', '=', world.users.auditor.id)
      .where('action', '=', 'audit.read')
      .orderBy('id')
      .execute();
    expect(reads.length).toBe(5);
    expect(reads[0]?.detail).toMatchObject({ filters: { outcome: 'denied' } });
  });

  it('takes 和暦 dates in the filter and names a bad one in Japanese', async () => {
    const auditor = await signedIn(t.app, world.users.auditor.login_id);
    const ok = await auditor.get('/api/audit?from=R7.4.1');
    expect(ok.status).toBe(200);
    const bad = await auditor.get('/api/audit?from=R7.2.30');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      error: {
        code: 'VALIDATION_FAILED',
        fields: [{ path: 'from', message: expect.stringContaining('日付を正しく入力') }],
      },
    });
  });

  it('exports CSV that Excel opens: BOM, CRLF, a header in Japanese, one row per entry, audited', async () => {
    const worker = await signedIn(t.app, world.users.supportWorker.login_id);
    await worker.get('/api/users');
    const admin = await signedIn(t.app, world.users.admin.login_id);
    const res = await admin.get(
      `/api/audit/export.csv?actor=${world.users.supportWorker.login_id}`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('監査ログ.csv'));
    expect(res.text.charCodeAt(0)).toBe(0xfeff);
    const lines = res.text.slice(1).split('\r\n').filter(Boolean);
    expect(lines[0]).toMatch(/^番号,日時,ログインID,/);
    expect(lines).toHaveLength(1 + 2); // sign-in and the denied read
    expect(lines[1]).toContain('user.read,denied');
    const exported = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('actor_user_id', '=', world.users.admin.id)
      .where('action', '=', 'audit.export')
      .execute();
    expect(exported).toHaveLength(1);
  });
});
