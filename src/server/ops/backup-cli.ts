import { loadConfig } from '../config';
import { runCommand } from '../run-command';
import { BackupError, backupDatabase, restoreDatabase } from './backup';

/**
 * `npm run backup -- <file>` writes a backup of the configured database (DATA_DIR or DATABASE_URL);
 * `npm run restore -- <file> [--replace]` restores one and checks every table against it.
 */
async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const file = rest.find((a) => !a.startsWith('--'));
  if ((command !== 'backup' && command !== 'restore') || !file) {
    process.stderr.write(
      'usage: npm run backup -- <file> [--force]\n       npm run restore -- <file> [--replace]\n',
    );
    process.exit(2);
  }
  const config = loadConfig();
  const started = performance.now();
  try {
    if (command === 'backup') {
      const manifest = await backupDatabase(config, file, { force: rest.includes('--force') });
      const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
      process.stdout.write(
        `backup written to ${file}: ${manifest.tables.length} tables, ${rows} rows, migrations up to ${manifest.migrations.at(-1) ?? 'none'} (${Math.round(performance.now() - started)} ms)\n`,
      );
      return;
    }
    const result = await restoreDatabase(config, file, { replace: rest.includes('--replace') });
    const rows = result.tables.reduce((sum, t) => sum + t.rows, 0);
    if (result.movedAside)
      process.stdout.write(`the database that was there is kept in ${result.movedAside}\n`);
    process.stdout.write(
      `restored ${file} (taken ${result.manifest.createdAt}): ${result.tables.length} tables, ${rows} rows, every table matches the backup (${Math.round(performance.now() - started)} ms)\n`,
    );
  } catch (error) {
    if (error instanceof BackupError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

runCommand(main);
