import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureWebBuilt } from '../../scripts/build.mjs';
import { openPGlite } from '../../src/server/db/connect';
import { applyMigrations } from '../../src/server/db/migrate';
import { seedDemoData } from '../../src/server/demo/seed-demo';
import { testConfig } from '../../src/server/test/test-app';
import { findChromium } from './chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    chromiumPath: string;
    demoTemplate: string;
  }
}

/** Builds the screens if stale, finds Chromium, prepares a migrated database with the demo data. */
export default async function setup(project: TestProject) {
  const chromium = findChromium();
  if (!chromium) {
    throw new Error(
      'Chromium was not found. Install it (apt-get install -y chromium) or set CHROMIUM_PATH; `npm test` does this for you.',
    );
  }
  await ensureWebBuilt(() => {});
  const dir = await mkdtemp(join(tmpdir(), 'tsunagu-e2e-'));
  const database = await openPGlite({});
  await applyMigrations(database);
  await seedDemoData(database, testConfig());
  const dump = await database.dumpDataDir?.();
  await database.close();
  if (!dump) throw new Error('cannot dump the demo database');
  const file = join(dir, 'demo.tar.gz');
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('chromiumPath', chromium);
  project.provide('demoTemplate', file);
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}
