import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { createApp } from '../../src/server/app';
import { instanceSecret } from '../../src/server/auth/instance-secrets';
import { type DatabaseHandle, openPGlite } from '../../src/server/db/connect';
import { createLogger } from '../../src/server/http/logger';
import { testConfig } from '../../src/server/test/test-app';
import { chromiumArgs } from './chromium';

export const demoPassword = 'tsunagu-demo';

export interface Harness {
  url: string;
  origin: string;
  database: DatabaseHandle;
  browser: Browser;
  /** Every URL any page of this harness requested. */
  requests: string[];
  newPage(): Promise<{ page: Page; context: BrowserContext }>;
  close(): Promise<void>;
}

/**
 * A real server (the same app as `npm start`, on the demo database, listening on a free port)
 * and a real Chromium driving the built screens.
 */
export async function startHarness(): Promise<Harness> {
  const template = await readFile(inject('demoTemplate'));
  const database = await openPGlite({ loadDataDir: new Blob([template]) });
  const config = testConfig({ WEB_DIST_DIR: './dist/web' });
  const app = createApp({
    config,
    database,
    logger: createLogger('silent'),
    csrfKey: await instanceSecret(database.db, 'csrf_key'),
    now: () => new Date(),
  });
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({
    executablePath: inject('chromiumPath'),
    args: chromiumArgs,
  });
  const requests: string[] = [];
  const contexts: BrowserContext[] = [];
  return {
    url: origin,
    origin,
    database,
    browser,
    requests,
    async newPage() {
      const context = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
      contexts.push(context);
      const page = await context.newPage();
      page.on('request', (request) => requests.push(request.url()));
      page.on('pageerror', (error) => {
        throw error;
      });
      return { page, context };
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => {});
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    },
  };
}

export async function signIn(page: Page, origin: string, loginId: string, password = demoPassword) {
  await page.goto(`${origin}/sign-in`);
  await page.getByLabel('ログインID').fill(loginId);
  await page.getByLabel('パスワード').fill(password);
  await page.getByRole('button', { name: 'サインインする' }).click();
  await page.getByTestId('current-user').waitFor();
}
