import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The built screens are stale when any source they come from is newer than dist/web/index.html.
 * Shared by `npm start` and the browser tests, so neither runs an outdated client.
 */
const sources = ['src/web', 'src/domain', 'vite.config.ts', 'package-lock.json'];

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

export function webBuildIsStale(root = process.cwd()) {
  const index = join(root, 'dist/web/index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return sources.some((s) => newest(join(root, s)) > built);
}

export async function buildWeb(root = process.cwd()) {
  const { build } = await import('vite');
  await build({
    root: join(root, 'src/web'),
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'warn',
  });
}

export async function ensureWebBuilt(log = (line) => process.stdout.write(`${line}\n`)) {
  if (!webBuildIsStale()) return false;
  log('  画面をビルドしています… (building the screens)');
  await buildWeb();
  return true;
}
