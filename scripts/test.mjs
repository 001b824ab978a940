#!/usr/bin/env node
/**
 * `npm test`: type-check, lint, then every test — the pure rules, the server suite on PGlite and
 * on a PostgreSQL server, the screens in Chromium — and a last line `N passed, N failed` that
 * counts them all (the type-check and the lint count as one test each).
 *
 * What the tests need and a fresh Debian machine lacks, this installs (as root) or finds:
 * Chromium and PostgreSQL from Debian's packages. TEST_DATABASE_URL points at an existing server
 * (CI passes the one it started); without it a throwaway server is started here.
 * Extra arguments go to vitest (e.g. `npm test -- --project domain`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { aptInstall, startTestPostgres } from './postgres-for-tests.mjs';

const log = (line) => process.stdout.write(`${line}\n`);
const bin = (name) => `node_modules/.bin/${name}`;
let passed = 0;
let failed = 0;

function check(name, command, args) {
  log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status === 0) passed += 1;
  else {
    failed += 1;
    log(`✗ ${name} failed`);
  }
}

function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((c) => c && existsSync(c)) ?? null;
}

check('type-check (tsc --noEmit)', bin('tsc'), ['--noEmit', '-p', '.']);
check('lint and format (biome check)', bin('biome'), ['check', '.']);

log('\n▶ test prerequisites');
if (!findChromium()) aptInstall(['chromium'], log);
const chromium = findChromium();
log(chromium ? `  Chromium: ${chromium}` : '  Chromium: not found — the browser tests will fail');

let postgres = null;
const env = { ...process.env };
if (chromium) env.CHROMIUM_PATH = chromium;
if (env.TEST_DATABASE_URL) {
  log('  PostgreSQL: TEST_DATABASE_URL');
} else if (env.TSUNAGU_TEST_SKIP_POSTGRES === '1') {
  log('  PostgreSQL: skipped on request (TSUNAGU_TEST_SKIP_POSTGRES=1) — CI never does this');
} else {
  postgres = await startTestPostgres(log).catch((error) => {
    log(`  PostgreSQL: could not start a test server: ${error.message}`);
    return null;
  });
  if (postgres) {
    env.TEST_DATABASE_URL = postgres.url;
    log(`  PostgreSQL: throwaway server at ${postgres.url}`);
  } else {
    failed += 1;
    log(
      '✗ PostgreSQL is needed for the server suite on PostgreSQL and was neither given nor installable',
    );
  }
}

log('\n▶ tests (vitest)');
mkdirSync('.test-results', { recursive: true });
const report = '.test-results/vitest.json';
let vitest;
try {
  vitest = spawnSync(
    bin('vitest'),
    [
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
      ...process.argv.slice(2),
    ],
    { stdio: 'inherit', env },
  );
} finally {
  postgres?.stop();
}

if (existsSync(report)) {
  const results = JSON.parse(readFileSync(report, 'utf8'));
  passed += results.numPassedTests;
  failed += results.numFailedTests;
  // A file that could not even load has no tests to count: count it as a failure.
  failed += results.testResults.filter(
    (f) => f.status === 'failed' && f.assertionResults.length === 0,
  ).length;
} else {
  failed += 1;
}
if (vitest.status !== 0 && failed === 0) failed += 1;

log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
