import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throwaway PostgreSQL server for the test run when TEST_DATABASE_URL is not given: Debian's
 * binaries (installed with apt-get when missing and we are root), a new cluster in a temporary
 * directory, trust authentication on 127.0.0.1 and a free port. Stopped and deleted afterwards.
 */
function findBin(name) {
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const versions = readdirSync(base)
      .filter((v) => existsSync(join(base, v, 'bin', name)))
      .sort((a, b) => Number(b) - Number(a));
    if (versions.length > 0) return join(base, versions[0], 'bin', name);
  }
  const which = spawnSync('which', [name], { encoding: 'utf8' });
  return which.status === 0 ? which.stdout.trim() : null;
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

export function aptInstall(packages, log) {
  if (!isRoot() || spawnSync('which', ['apt-get']).status !== 0) return false;
  log(`  installing ${packages.join(', ')} with apt-get…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env });
  if (update.status !== 0) return false;
  return (
    spawnSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'ignore', env }).status ===
    0
  );
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export async function startTestPostgres(log) {
  let initdb = findBin('initdb');
  if (!initdb && aptInstall(['postgresql'], log)) initdb = findBin('initdb');
  const pgCtl = findBin('pg_ctl');
  if (!initdb || !pgCtl) return null;

  const dir = mkdtempSync(join(tmpdir(), 'tsunagu-pg-'));
  const data = join(dir, 'data');
  const port = await freePort();
  // PostgreSQL refuses to run as root: as root, run it as the postgres user Debian creates.
  const asUser = isRoot() ? ['runuser', '-u', 'postgres', '--'] : [];
  if (isRoot()) {
    chmodSync(dir, 0o777);
    execFileSync('chown', ['postgres', dir]);
  }
  const run = (args) => {
    const [cmd, ...rest] = [...asUser, ...args];
    execFileSync(cmd, rest, { stdio: 'ignore' });
  };
  run([initdb, '-D', data, '-U', 'tsunagu', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8']);
  run([
    pgCtl,
    '-D',
    data,
    '-l',
    join(dir, 'log'),
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`,
    '-w',
    'start',
  ]);
  return {
    url: `postgres://tsunagu@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run([pgCtl, '-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
