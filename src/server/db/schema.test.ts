import { copyFile, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testDatabase } from '../test/test-database';
import { openPGlite } from './connect';
import { applyMigrations, MigrationError, migrationStatus, readMigrations } from './migrate';

describe('migrations', () => {
  it('are all applied to the test database and nothing is pending', async () => {
    const status = await migrationStatus(await testDatabase());
    const files = readMigrations();
    expect(status.pending).toEqual([]);
    expect(status.applied).toEqual(files.map((f) => f.version));
  });

  it('refuse to go on when an applied migration was edited afterwards', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tsunagu-migrations-'));
    const source = fileURLToPath(new URL('./migrations/', import.meta.url));
    for (const file of await readdir(source)) await copyFile(join(source, file), join(dir, file));
    const embedded = await openPGlite({});
    try {
      await applyMigrations(embedded, dir);
      await writeFile(join(dir, '0001_foundation.sql'), '-- edited\ncreate table nope (id int);');
      await expect(migrationStatus(embedded, dir)).rejects.toThrow(MigrationError);
      await expect(applyMigrations(embedded, dir)).rejects.toThrow(/forward-only/);
    } finally {
      await embedded.close();
    }
  });

  it('roll a failing migration back entirely and name it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tsunagu-migrations-'));
    const source = fileURLToPath(new URL('./migrations/', import.meta.url));
    for (const file of await readdir(source)) await copyFile(join(source, file), join(dir, file));
    await writeFile(
      join(dir, '9999_broken.sql'),
      'create table half_done (id int);\nselect * from no_such_table;',
    );
    const embedded = await openPGlite({});
    try {
      await expect(applyMigrations(embedded, dir)).rejects.toThrow(/9999_broken/);
      const half = await sql`select to_regclass('half_done') as t`.execute(embedded.db);
      expect(half.rows[0]).toEqual({ t: null });
      const status = await migrationStatus(embedded, dir);
      expect(status.pending.map((p) => p.version)).toEqual(['9999']);
    } finally {
      await embedded.close();
    }
  });
});
