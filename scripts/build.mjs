import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What `npm start` runs is built from the sources, and rebuilt only when they changed:
 * - dist/web: the React client (Vite), served by the server;
 * - dist/server/main.mjs: the server as ES modules (esbuild), a small entry and the chunks it
 *   imports. The packages written in plain JavaScript are bundled in: Node resolved and compiled
 *   Kysely's 279 modules alone in a sixth of a second at every start. PGlite (which finds its
 *   WebAssembly beside its own files), node-postgres, the native argon2 and qrcode (CommonJS)
 *   stay in node_modules. Beside the chunks: the migrations and a migrated empty database
 *   (pglite-template.tar) that a first start unpacks instead of running initdb.
 *   Running it with plain Node starts faster and needs less memory than compiling TypeScript at
 *   run time.
 */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

function stale(output, sources, root) {
  const target = join(root, output);
  if (!existsSync(target)) return true;
  const built = statSync(target).mtimeMs;
  return sources.some((s) => newest(join(root, s)) > built);
}

// This file too: it holds how each is built.
export const webSources = [
  'src/web',
  'src/domain',
  'vite.config.ts',
  'package-lock.json',
  'scripts/build.mjs',
];
export const serverSources = ['src/server', 'src/domain', 'package-lock.json', 'scripts/build.mjs'];

export function webBuildIsStale(root = process.cwd()) {
  return stale('dist/web/index.html', webSources, root);
}

export async function buildWeb(root = process.cwd()) {
  const { build } = await import('vite');
  await build({
    root: join(root, 'src/web'),
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'warn',
  });
}

export async function buildServer(root = process.cwd()) {
  const { build } = await import('esbuild');
  const out = join(root, 'dist/server');
  rmSync(out, { recursive: true, force: true });
  await build({
    entryPoints: [join(root, 'src/server/main.ts')],
    outdir: out,
    // main.mjs holds only what deciding how to start needs; the server it imports afterwards is
    // a chunk beside it (see src/server/main.ts). Chunks stay in this directory: the migrations
    // and the template are found next to the module that reads them.
    splitting: true,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['@electric-sql/pglite', 'pg', '@node-rs/argon2', 'qrcode'],
    sourcemap: true,
    logLevel: 'warning',
  });
  cpSync(join(root, 'src/server/db/migrations'), join(out, 'migrations'), { recursive: true });
  // The migrated empty database a first start unpacks instead of running initdb (db/template.ts).
  const result = spawnSync(process.execPath, [join(out, 'main.mjs')], {
    cwd: root,
    env: { ...process.env, TSUNAGU_WRITE_TEMPLATE: join(out, 'pglite-template.tar') },
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('writing the database template failed');
}

const say = (line) => process.stdout.write(`${line}\n`);

export async function ensureWebBuilt(log = say) {
  if (!webBuildIsStale()) return false;
  log('  画面をビルドしています… (building the screens)');
  await buildWeb();
  return true;
}

export async function ensureServerBuilt(log = say) {
  if (!stale('dist/server/main.mjs', serverSources, process.cwd())) return false;
  log('  サーバーをビルドしています… (building the server)');
  await buildServer();
  return true;
}
