import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ensureServerBuilt, ensureWebBuilt } from '../scripts/build.mjs';
import { machine, percentile, writeSection } from './report';

/**
 * Foundation benchmark: how long from `npm start` to the first successful response, on an empty
 * data directory (migrations and demo data included) and on a filled one, and the idle memory
 * (RSS) of the running server. Aims: first response within 5 s; idle RSS under 300 MB.
 */
const runs = Number(process.env.BENCH_STARTUP_RUNS ?? 5);

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kib / 1024;
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
}

/** The server is the deepest `node` process under `npm start` (npm → sh → node). */
function serverPid(child: ChildProcess): number {
  let pid = child.pid ?? 0;
  for (;;) {
    let children: number[];
    try {
      children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
        .trim()
        .split(/\s+/)
        .filter(Boolean)
        .map(Number);
    } catch {
      return pid;
    }
    const next = children.find((c) => ['node', 'sh'].includes(commandOf(c)));
    if (next === undefined) return pid;
    pid = next;
  }
}

async function once(dataDir: string): Promise<{ ms: number; child: ChildProcess }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn('npm', ['start', '--silent'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: 'ignore',
    detached: true,
  });
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) return { ms: performance.now() - started, child };
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error('npm start exited');
    await sleep(10);
  }
}

async function stop(child: ChildProcess): Promise<void> {
  // npm may exit before the server has closed its database: wait for the server itself.
  const server = serverPid(child);
  if (child.pid) process.kill(-child.pid, 'SIGTERM');
  while (existsSync(`/proc/${server}`)) await sleep(20);
}

export async function benchStartup(): Promise<string> {
  // Measure starts, not builds: bring dist/ up to date first, as any earlier `npm start` would.
  await ensureWebBuilt(() => {});
  await ensureServerBuilt(() => {});
  const empty: number[] = [];
  const filled: number[] = [];
  const rss: number[] = [];
  const rssFirst: number[] = [];
  for (let i = 0; i < runs; i++) {
    const dir = await mkdtemp(join(tmpdir(), 'tsunagu-bench-'));
    try {
      const first = await once(dir);
      empty.push(first.ms);
      await sleep(5000);
      rssFirst.push(rssMiB(serverPid(first.child)));
      await stop(first.child);
      const second = await once(dir);
      filled.push(second.ms);
      await sleep(5000); // idle
      rss.push(rssMiB(serverPid(second.child)));
      await stop(second.child);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    process.stdout.write(
      `  run ${i + 1}/${runs}: empty ${Math.round(empty.at(-1) ?? 0)} ms, filled ${Math.round(filled.at(-1) ?? 0)} ms, idle RSS ${Math.round(rss.at(-1) ?? 0)} MiB (first start ${Math.round(rssFirst.at(-1) ?? 0)} MiB)\n`,
    );
  }
  const row = (name: string, values: number[], unit: string, aim: string, ok: boolean) =>
    `| ${name} | ${Math.round(percentile(values, 50))} ${unit} | ${Math.round(Math.min(...values))}–${Math.round(Math.max(...values))} ${unit} | ${aim} | ${ok ? 'met' : '**missed**'} |`;
  const body = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}; ${runs} runs each, embedded PGlite, screens already built.`,
    '',
    '| measure | median | range | aim | |',
    '|---|---|---|---|---|',
    row(
      '`npm start` → first response, empty data directory (migrations + demo data)',
      empty,
      'ms',
      '≤ 5000 ms',
      percentile(empty, 50) <= 5000,
    ),
    row(
      '`npm start` → first response, filled data directory',
      filled,
      'ms',
      '≤ 5000 ms',
      percentile(filled, 50) <= 5000,
    ),
    row(
      'idle RSS of the server, 5 s after start',
      rss,
      'MiB',
      '< 300 MiB',
      percentile(rss, 50) < 300,
    ),
    row(
      'idle RSS 5 s after the very first start (data directory prepared in a child process)',
      rssFirst,
      'MiB',
      '< 300 MiB',
      percentile(rssFirst, 50) < 300,
    ),
  ].join('\n');
  await writeSection('startup', body);
  return body;
}
