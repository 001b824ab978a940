import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { openPGlite } from './connect';
import { applyMigrations } from './migrate';

/**
 * An embedded database with every migration applied and nothing in it: no municipality, no
 * users, no secrets (those are made per data directory at start). Running PostgreSQL's initdb in
 * WebAssembly takes seconds, unpacking this takes a fraction of one, so the build makes it once
 * beside the server bundle (scripts/build.mjs) and a first start on an empty data directory
 * begins from it. Migrations still run after unpacking, so a template older than the code only
 * costs the missing ones; without a template (running from the sources) the start runs initdb.
 */
export const bundledTemplateFile = fileURLToPath(
  new URL('./pglite-template.tar.gz', import.meta.url),
);

/** A migrated, empty database as a gzipped tar of its data directory. */
export async function migratedTemplate(): Promise<Blob> {
  const database = await openPGlite({});
  try {
    await applyMigrations(database);
    const dump = await database.dumpDataDir?.();
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

export async function readTemplate(file = bundledTemplateFile): Promise<Blob | undefined> {
  return existsSync(file) ? new Blob([await readFile(file)]) : undefined;
}

/**
 * Unpacks the template into an empty data directory with the system's `tar` (GNU tar on Linux,
 * bsdtar on macOS and Windows), which writes its 1,400 files in a fraction of the time PGlite's
 * own unpacking in WebAssembly takes (docs/benchmarks.md, start-up). It unpacks beside the
 * directory and moves the result into place, so an interrupted start never leaves half a database
 * that looks whole. Answers false, leaving nothing behind, when there is no template or no `tar`
 * that can do it; the caller then hands the template to PGlite.
 */
export async function unpackTemplate(
  dataDir: string,
  file = bundledTemplateFile,
): Promise<boolean> {
  if (!existsSync(file)) return false;
  const parent = dirname(dataDir);
  await mkdir(parent, { recursive: true });
  const unpacking = join(parent, `.${basename(dataDir)}.unpacking-${process.pid}`);
  await rm(unpacking, { recursive: true, force: true });
  await mkdir(unpacking);
  try {
    // The template's entries are absolute (/base/1/…); both tars unpack them under -C.
    await promisify(execFile)('tar', ['-xzf', file, '-C', unpacking], { windowsHide: true });
    if (!existsSync(join(unpacking, 'PG_VERSION'))) throw new Error('not a data directory');
    if (existsSync(dataDir)) {
      if ((await readdir(dataDir)).length > 0) throw new Error('the data directory is not empty');
      await rmdir(dataDir);
    }
    await rename(unpacking, dataDir);
    return true;
  } catch {
    await rm(unpacking, { recursive: true, force: true });
    return false;
  }
}
