import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openPGlite } from './connect';
import { migrationStatus, readMigrations } from './migrate';
import { writeTemplate } from './template';
import { unpackTemplate } from './template-files';

let work: string;
let template: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'tsunagu-template-'));
  template = join(work, 'pglite-template.tar');
  await writeTemplate(template);
}, 60_000);

describe('the migrated template', () => {
  it('unpacks into an empty data directory that opens with every migration applied', async () => {
    const dataDir = join(work, 'fresh', 'pglite');
    expect(await unpackTemplate(dataDir, template)).toBe(true);
    const database = await openPGlite({ dataDir });
    try {
      const status = await migrationStatus(database);
      expect(status.pending).toEqual([]);
      expect(status.applied).toEqual(readMigrations().map((m) => m.version));
    } finally {
      await database.close();
    }
    // Nothing left beside it.
    expect(await readdir(join(work, 'fresh'))).toEqual(['pglite']);
  });

  it('also fills a data directory that exists but is empty', async () => {
    const dataDir = join(work, 'made', 'pglite');
    await mkdir(dataDir, { recursive: true });
    expect(await unpackTemplate(dataDir, template)).toBe(true);
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
  });

  it('leaves a directory with files in it alone, and a broken file leaves nothing', async () => {
    const used = join(work, 'used', 'pglite');
    await mkdir(used, { recursive: true });
    await writeFile(join(used, 'note.txt'), 'kept');
    expect(await unpackTemplate(used, template)).toBe(false);
    expect(await readdir(used)).toEqual(['note.txt']);
    expect(await readdir(join(work, 'used'))).toEqual(['pglite']);

    const broken = join(work, 'broken.tar');
    await writeFile(broken, 'not a tarball');
    const dataDir = join(work, 'after-broken', 'pglite');
    expect(await unpackTemplate(dataDir, broken)).toBe(false);
    expect(existsSync(dataDir)).toBe(false);
    expect(await readdir(join(work, 'after-broken'))).toEqual([]);
  });
});
