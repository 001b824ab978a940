import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { readdir, readFile, rename, rm, rmdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/**
 * The build's migrated empty database (see db/template.ts, which makes it) and how a first start
 * puts it in place. Kept apart from the engine: a first start unpacks it before the database
 * engine and the rest of the server are even loaded (main.ts).
 */
export const bundledTemplateFile = fileURLToPath(new URL('./pglite-template.tar', import.meta.url));

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
  // Up to starting tar, synchronously: a first start calls this and then loads the server, which
  // holds this thread for a while, so each asynchronous step here would wait for it (tar started
  // half a second late).
  const parent = dirname(dataDir);
  mkdirSync(parent, { recursive: true });
  const unpacking = join(parent, `.${basename(dataDir)}.unpacking-${process.pid}`);
  rmSync(unpacking, { recursive: true, force: true });
  mkdirSync(unpacking);
  try {
    // The template's entries are absolute (/base/1/…); both tars unpack them under -C.
    await promisify(execFile)('tar', ['-xf', file, '-C', unpacking], { windowsHide: true });
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
