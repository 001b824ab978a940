import { ConfigError } from './config';
import { MigrationError } from './db/migrate';

/**
 * Runs an operator command (`npm run migrate`, `npm run tenant:create`): a known problem is told
 * in one plain message, anything else with its stack; either way the exit code says it failed.
 */
export function runCommand(command: () => Promise<void>): void {
  command().catch((error: unknown) => {
    const known = error instanceof ConfigError || error instanceof MigrationError;
    process.stderr.write(`${known ? (error as Error).message : (error as Error).stack}\n`);
    process.exit(1);
  });
}
