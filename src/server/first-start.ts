import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from './config';

/**
 * On an empty embedded data directory, preparing the database — unpacking the migrated template
 * (or initdb without one), migrations, the demo municipality and its caseload — grows the
 * WebAssembly heap by a few hundred megabytes that the allocator never returns (see
 * docs/benchmarks.md). So the very first start prepares the directory in a short-lived child
 * process of the same program, whose memory goes with it; the server then opens the prepared
 * directory like on any later start.
 */
export const initialiseOnlyFlag = 'TSUNAGU_INITIALISE_ONLY';

/** Set by the build: write the migrated empty database to this file and exit (see db/template.ts). */
export const writeTemplateFlag = 'TSUNAGU_WRITE_TEMPLATE';

export interface Initialised {
  applied: string[];
  demoSeeded: boolean;
}

export function needsInitialisation(config: Config): boolean {
  return (
    config.database.kind === 'pglite' && !existsSync(join(config.database.dataDir, 'PG_VERSION'))
  );
}

export function initialiseInChild(): Promise<Initialised> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
      env: { ...process.env, [initialiseOnlyFlag]: '1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      const line = output.trim().split('\n').at(-1) ?? '';
      if (code === 0 && line.startsWith('{')) resolve(JSON.parse(line) as Initialised);
      else reject(new Error(`preparing the data directory failed (exit ${code})`));
    });
  });
}
