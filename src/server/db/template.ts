import { writeFile } from 'node:fs/promises';
import { openPGlite } from './connect';
import { applyMigrations } from './migrate';

/**
 * An embedded database with every migration applied and nothing in it: no municipality, no
 * users, no secrets (those are made per data directory at start). Running PostgreSQL's initdb in
 * WebAssembly takes seconds, unpacking this takes a fraction of one, so the build makes it once
 * beside the server bundle (scripts/build.mjs) and a first start on an empty data directory
 * begins from it. Migrations still run after unpacking, so a template older than the code only
 * costs the missing ones; without a template (running from the sources) the start runs initdb.
 * Finding and unpacking it is in db/template-files.ts.
 */

/**
 * A migrated, empty database as a tar of its data directory, not compressed: 45 MB in the build
 * instead of 6, but unpacked in a third of the time, without gunzip taking a core from the start
 * that waits for it (docs/benchmarks.md, start-up).
 */
export async function migratedTemplate(): Promise<Blob> {
  const database = await openPGlite({});
  try {
    await applyMigrations(database);
    // The copy is taken from a running database, so a first start recovers it as after a crash;
    // after a checkpoint there is next to nothing to replay (88 bytes of log instead of the
    // migrations' 4 MB: its first open about 70 ms quicker here).
    await database.session((run) => run('checkpoint'));
    const dump = await database.dumpDataDir?.('none');
    if (!dump) throw new Error('the PGlite handle cannot dump its data directory');
    return dump;
  } finally {
    await database.close();
  }
}

export async function writeTemplate(file: string): Promise<void> {
  const dump = await migratedTemplate();
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
}
