import { openDatabase } from '../boot';
import { loadConfig } from '../config';
import { runCommand } from '../run-command';
import { applyMigrations, migrationStatus } from './migrate';

/**
 * `npm run migrate` applies pending migrations (what production start-up refuses to do by itself);
 * `npm run migrate -- --status` only lists them.
 */
async function main() {
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    if (process.argv.includes('--status')) {
      const { applied, pending } = await migrationStatus(database);
      process.stdout.write(`applied: ${applied.join(', ') || 'none'}\n`);
      process.stdout.write(
        `pending: ${pending.map((p) => `${p.version}_${p.name}`).join(', ') || 'none'}\n`,
      );
      return;
    }
    const applied = await applyMigrations(database);
    process.stdout.write(
      applied.length ? `applied: ${applied.join(', ')}\n` : 'nothing to apply\n',
    );
  } finally {
    await database.close();
  }
}

runCommand(main);
