import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { openPGlite } from '../db/connect';
import { applyMigrations, readMigrations } from '../db/migrate';
import { signedIn, TestClient } from '../test/client';
import { createWorld } from '../test/factories';
import { testApp } from '../test/test-app';
import { testEngine } from '../test/test-database';
import type { AppEnv } from './context';
import { handleError } from './error-boundary';
import { describeError } from './logger';
import { requestBasics } from './request-basics';

describe('the HTTP boundary', () => {
  it('sends a Content-Security-Policy that allows no other origin, and no caching of API answers', async () => {
    const t = await testApp();
    const res = await t.app.request('/api/health');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/https?:|\*/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers an unknown API path with NOT_FOUND in the error shape', async () => {
    const t = await testApp();
    const res = await new TestClient(t.app).get('/api/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({
      error: { code: 'NOT_FOUND', message: expect.any(String), requestId: expect.any(String) },
    });
  });

  it('answers a body that is not JSON with MALFORMED_REQUEST', async () => {
    const t = await testApp();
    const world = await createWorld(t.database.db);
    const client = await signedIn(t.app, world.users.admin.login_id);
    const res = await client.request('POST', '/api/municipality/districts', {
      body: '{"name": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'MALFORMED_REQUEST' } });
  });

  it('logs an unexpected error with its request id and answers a plain apology quoting it', async () => {
    const t = await testApp();
    const app = new Hono<AppEnv>();
    app.use('*', requestBasics(t.deps));
    app.get('/boom', () => {
      throw new Error('database fell over');
    });
    app.onError(handleError);
    const res = await app.request('/boom');
    const body = (await res.json()) as {
      error: { code: string; message: string; requestId: string };
    };
    expect(res.status).toBe(500);
    expect(body.error.code).toBe('INTERNAL_ERROR');
    expect(body.error.message).toMatch(/^申し訳ありません。/);
    expect(body.error.message).not.toContain('database fell over');
    const logged = t.logs.map((l) => JSON.parse(l)).find((l) => l.msg === 'unhandled error');
    expect(logged).toMatchObject({
      requestId: body.error.requestId,
      errorMessage: 'database fell over',
    });
  });

  it('writes request logs without query strings or bodies', async () => {
    const t = await testApp();
    const world = await createWorld(t.database.db);
    const client = await signedIn(t.app, world.users.admin.login_id);
    await client.get(`/api/partner-agencies?q=${encodeURIComponent('山田')}`);
    const text = t.logs.join('\n');
    expect(text).toContain('"path":"/api/partner-agencies"');
    expect(text).not.toContain('山田');
    expect(text).not.toContain(encodeURIComponent('山田'));
  });

  it('logs a database error by its SQLSTATE and constraint, never by its message (which may quote values)', () => {
    const error = Object.assign(new Error('date/time field value out of range: "1980-02-30"'), {
      code: '22008',
      routine: 'DateTimeParseError',
    });
    const logged = JSON.stringify(describeError(error));
    expect(logged).toContain('22008');
    expect(logged).not.toContain('1980-02-30');

    // A value with a line break in it runs the message over several lines of the stack.
    const multiline = Object.assign(
      new Error(
        'duplicate key value violates unique constraint\nDETAIL: (さとう はなこ\n090-1234-5678)',
      ),
      { code: '23505', constraint: 'person_pkey' },
    );
    const described = describeError(multiline);
    expect(JSON.stringify(described)).not.toMatch(/さとう|090-1234/);
    expect(String(described.stack)).toMatch(/^\s+at /);
  });

  it('serves the health and readiness checks without a session', async () => {
    const t = await testApp();
    expect(await (await t.app.request('/api/health')).json()).toEqual({ status: 'ok' });
    expect(await (await t.app.request('/api/ready')).json()).toEqual({ status: 'ready' });
  });

  it('answers the readiness check while a long transaction holds the database (a bulk import)', async () => {
    const t = await testApp();
    expect((await t.app.request('/api/ready')).status).toBe(200);
    // The embedded database runs one statement at a time: a check that waited for the
    // transaction would wait here for ever.
    const during = await t.database.db.transaction().execute(async (trx) => {
      await sql`select 1`.execute(trx);
      const res = await t.app.request('/api/ready');
      return { status: res.status, body: await res.json() };
    });
    expect(during).toEqual({ status: 200, body: { status: 'ready' } });
  });

  // PGlite cannot hold a lock against its own one session; the answer from the last check is for
  // it alone (above). Defined for that engine only.
  if (testEngine === 'postgres')
    it('waits for a server database that does not answer, rather than answering from the last check', async () => {
      const t = await testApp();
      expect((await t.app.request('/api/ready')).status).toBe(200);
      let locked!: () => void;
      let release!: () => void;
      const isLocked = new Promise<void>((resolve) => {
        locked = resolve;
      });
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      const holding = t.database.db.transaction().execute(async (trx) => {
        await sql`lock table schema_migration in access exclusive mode`.execute(trx);
        locked();
        await released;
      });
      await isLocked;
      const probe = Promise.resolve(t.app.request('/api/ready')).then((res) => res.status);
      const waited = await Promise.race([
        probe,
        new Promise<'waiting'>((resolve) => setTimeout(() => resolve('waiting'), 2500)),
      ]);
      release();
      await holding;
      expect(waited).toBe('waiting');
      expect(await probe).toBe(200);
    });

  it('is not ready while stopping, nor on a database whose schema is not the one of this code', async () => {
    const t = await testApp();
    const stopping = await createApp({ ...t.deps, stopping: () => true }).request('/api/ready');
    expect(stopping.status).toBe(503);
    expect(await stopping.json()).toEqual({ status: 'stopping' });

    // A database one migration behind, as one restored from an older backup would be.
    const files = readMigrations();
    const older = await mkdtemp(join(tmpdir(), 'tsunagu-older-'));
    for (const file of files.slice(0, -1))
      await writeFile(join(older, `${file.version}_${file.name}.sql`), file.sql);
    const database = await openPGlite({});
    try {
      await applyMigrations(database, older);
      const behind = await createApp({ ...t.deps, database }).request('/api/ready');
      expect(behind.status).toBe(503);
      expect(await behind.json()).toEqual({ status: 'schema_mismatch' });
    } finally {
      await database.close();
      await rm(older, { recursive: true, force: true });
    }
  }, 60_000);
});
