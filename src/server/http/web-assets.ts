import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import type { AppEnv } from './context';

const notBuilt = `<!doctype html><html lang="ja"><meta charset="utf-8"><title>つなぐ</title>
<p>画面がまだビルドされていません。<code>npm start</code> で起動するか、<code>npm run build</code> を実行してください。</p>
<p lang="en">The screens have not been built yet. Start with <code>npm start</code> or run <code>npm run build</code>.</p></html>`;

/**
 * Serves the built React client from this same server: hashed assets with a long cache, every
 * other page path answered with index.html so the client's router takes over. Fonts and all
 * assets are files of this server — nothing is fetched from elsewhere.
 */
export function mountWebAssets(app: Hono<AppEnv>, root: string): void {
  const indexPath = join(root, 'index.html');
  let indexHtml: Promise<string> | undefined;

  app.use(
    '/assets/*',
    serveStatic({
      root,
      onFound: (_path, c) => {
        c.header('Cache-Control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  app.use('*', async (c, next) => {
    if (c.req.path.startsWith('/api/') || c.req.path.startsWith('/assets/')) return next();
    return serveStatic<AppEnv>({ root })(c, next);
  });
  app.get('*', async (c) => {
    if (c.req.path.startsWith('/api/') || c.req.path.startsWith('/assets/')) return c.notFound();
    if (!existsSync(indexPath)) return c.html(notBuilt, 503);
    indexHtml ??= readFile(indexPath, 'utf8');
    c.header('Cache-Control', 'no-cache');
    return c.html(await indexHtml);
  });
}
