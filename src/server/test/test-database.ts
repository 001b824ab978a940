import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import { type DatabaseHandle, openPGlite, openPostgres } from '../db/connect';

export type TestEngine = 'pglite' | 'postgres';

export const testEngine: TestEngine =
  process.env.TSUNAGU_TEST_DB === 'postgres' ? 'postgres' : 'pglite';

let shared: Promise<DatabaseHandle> | undefined;

/**
 * The worker's database, opened once and shared by its test files: PGlite started from the
 * migrated template, or the run's database on the PostgreSQL server. Tests never truncate; each
 * makes its own municipality.
 */
export function testDatabase(): Promise<DatabaseHandle> {
  shared ??= (async () => {
    if (testEngine === 'postgres') return openPostgres({ url: inject('databaseUrl'), poolSize: 4 });
    const template = await readFile(inject('pgliteTemplate'));
    return openPGlite({ loadDataDir: new Blob([template]) });
  })();
  return shared;
}
