import type { Hono } from 'hono';
import { createApp } from '../app';
import { instanceSecret } from '../auth/instance-secrets';
import { type Config, loadConfig } from '../config';
import type { DatabaseHandle } from '../db/connect';
import type { AppDeps, AppEnv } from '../http/context';
import { createLogger, type Logger } from '../http/logger';
import { ReportCache } from '../statistics/report-cache';
import { testDatabase } from './test-database';

/** A clock the test can move: lockouts and idle sessions expire without waiting. */
export class TestClock {
  private at: number;
  constructor(start = Date.parse('2026-04-01T00:00:00Z')) {
    this.at = start;
  }
  now = (): Date => new Date(this.at);
  advance(ms: number): void {
    this.at += ms;
  }
  advanceMinutes(minutes: number): void {
    this.advance(minutes * 60_000);
  }
}

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    // Cheap hashing in tests; the algorithm (argon2id) is the same.
    PASSWORD_HASH_MEMORY_KIB: '1024',
    PASSWORD_HASH_ITERATIONS: '1',
    DEMO_DATA: 'false',
    WEB_DIST_DIR: './dist/web',
    // Tests write to the database directly as well as through the app; the cache has its own
    // test (statistics/report-cache.test.ts).
    STATISTICS_CACHE_SECONDS: '0',
    ...env,
  });
}

export interface TestApp {
  app: Hono<AppEnv>;
  deps: AppDeps;
  database: DatabaseHandle;
  clock: TestClock;
  logs: string[];
}

/** The real application over the worker's real database, called in-process. */
export async function testApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await testDatabase();
  const clock = new TestClock();
  const logs: string[] = [];
  const config = testConfig(env);
  const logger: Logger = createLogger('debug', (line) => logs.push(line));
  const deps: AppDeps = {
    config,
    database,
    logger,
    csrfKey: await instanceSecret(database.db, 'csrf_key'),
    now: clock.now,
    reportCache: new ReportCache(config.statisticsCacheSeconds * 1000),
  };
  return { app: createApp(deps), deps, database, clock, logs };
}
