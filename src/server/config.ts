import path from 'node:path';
import { z } from 'zod';

/**
 * The one typed configuration, read from the environment and validated at start-up. Every value
 * has a default that works for the embedded mode, so `npm start` needs none of them.
 */
const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATABASE_PREPARED_STATEMENTS: booleanFromEnv.default(true),
  PGLITE_SHARED_BUFFERS: z
    .string()
    .regex(/^\d+(kB|MB|GB)$/, 'PGLITE_SHARED_BUFFERS is a size such as 32MB')
    .default('32MB'),
  AUTO_MIGRATE: booleanFromEnv.optional(),
  DEMO_DATA: booleanFromEnv.optional(),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 7)
    .default(12),
  SIGN_IN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  SIGN_IN_LOCK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  SECURE_COOKIES: booleanFromEnv.optional(),
  TRUST_PROXY: booleanFromEnv.default(false),
  PASSWORD_HASH_MEMORY_KIB: z.coerce.number().int().min(1024).default(19456),
  PASSWORD_HASH_ITERATIONS: z.coerce.number().int().min(1).default(2),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  STATISTICS_CACHE_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .max(60 * 60)
    .default(60),
  WEB_DIST_DIR: z.string().min(1).default('./dist/web'),
});

export type RawConfig = z.input<typeof schema>;

export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  dataDir: string;
  database:
    | { kind: 'pglite'; dataDir: string; sharedBuffers: string }
    | { kind: 'postgres'; url: string; poolSize: number; preparedStatements: boolean };
  /** Apply pending migrations at start (embedded and development); production refuses instead. */
  autoMigrate: boolean;
  /** Create the fictional demo municipality when the database holds no municipality yet. */
  demoData: boolean;
  session: { idleMinutes: number; maxHours: number; secureCookies: boolean };
  signIn: { maxFailures: number; lockMinutes: number };
  trustProxy: boolean;
  passwordHash: { memoryCost: number; timeCost: number };
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  webDistDir: string;
  /** How long a computed statistics report may be shown again (0: never). */
  statisticsCacheSeconds: number;
}

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')),
  );
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const production = c.NODE_ENV === 'production';
  const dataDir = path.resolve(c.DATA_DIR);
  return {
    env: c.NODE_ENV,
    host: c.HOST,
    port: c.PORT,
    dataDir,
    database: c.DATABASE_URL
      ? {
          kind: 'postgres',
          url: c.DATABASE_URL,
          poolSize: c.DATABASE_POOL_SIZE,
          preparedStatements: c.DATABASE_PREPARED_STATEMENTS,
        }
      : {
          kind: 'pglite',
          dataDir: path.join(dataDir, 'pglite'),
          sharedBuffers: c.PGLITE_SHARED_BUFFERS,
        },
    autoMigrate: c.AUTO_MIGRATE ?? (!production || !c.DATABASE_URL),
    demoData: c.DEMO_DATA ?? !production,
    session: {
      idleMinutes: c.SESSION_IDLE_MINUTES,
      maxHours: c.SESSION_MAX_HOURS,
      secureCookies: c.SECURE_COOKIES ?? production,
    },
    signIn: { maxFailures: c.SIGN_IN_MAX_FAILURES, lockMinutes: c.SIGN_IN_LOCK_MINUTES },
    trustProxy: c.TRUST_PROXY,
    passwordHash: { memoryCost: c.PASSWORD_HASH_MEMORY_KIB, timeCost: c.PASSWORD_HASH_ITERATIONS },
    logLevel: c.LOG_LEVEL,
    webDistDir: path.resolve(c.WEB_DIST_DIR),
    statisticsCacheSeconds: c.STATISTICS_CACHE_SECONDS,
  };
}
