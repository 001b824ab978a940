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

/**
 * V8 flags of the child. `--liftoff-only`: its few seconds run PostgreSQL's WebAssembly in V8's
 * baseline code only. By default V8 also recompiles the hot functions with its optimising compiler
 * on background threads, which on two cores took the CPU from the child's own thread (and from
 * the parent and `tar`) for longer than the optimised code saved: the child took a second more
 * (docs/benchmarks.md, start-up). The server, which runs for hours, keeps the optimising compiler.
 */
export const childV8Flags = ['--liftoff-only'];

/** What the child prints once it has loaded the server, before it opens the database. */
export const childLoadedLine = 'loaded';

export interface FirstStart {
  /** The child has loaded the server's code (or ended). */
  loaded: Promise<void>;
  /** The child has prepared the data directory. */
  done: Promise<Initialised>;
}

/** Node's exit code for an option it does not know (a V8 flag a later V8 has dropped). */
const badOption = 9;

export function initialiseInChild(flags: readonly string[] = childV8Flags): FirstStart {
  let reportLoaded = () => {};
  const loaded = new Promise<void>((resolve) => {
    reportLoaded = resolve;
  });
  const done = (async () => {
    let ended = await runChild(flags, reportLoaded);
    // A Node.js that does not know one of the flags refuses to start: without them it only runs
    // a little slower.
    if (ended.code === badOption && ended.output === '' && flags.length > 0) {
      ended = await runChild([], reportLoaded);
    }
    const line = ended.output.trim().split('\n').at(-1) ?? '';
    if (ended.code === 0 && line.startsWith('{')) return JSON.parse(line) as Initialised;
    throw new Error(`preparing the data directory failed (exit ${ended.code})`);
  })().finally(reportLoaded);
  return { loaded, done };
}

function runChild(
  flags: readonly string[],
  onLoaded: () => void,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...process.execArgv, ...flags, ...process.argv.slice(1)],
      {
        env: { ...process.env, [initialiseOnlyFlag]: '1' },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.startsWith(`${childLoadedLine}\n`)) onLoaded();
    });
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, output }));
  });
}
