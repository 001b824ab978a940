import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('configuration', () => {
  it('works with nothing set: embedded PGlite in ./data, localhost:3000, demo data on', () => {
    const config = loadConfig({});
    expect(config.database).toEqual({
      kind: 'pglite',
      dataDir: expect.stringMatching(/data\/pglite$/),
      sharedBuffers: '32MB',
    });
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 3000,
      autoMigrate: true,
      demoData: true,
    });
    expect(config.session).toEqual({ idleMinutes: 30, maxHours: 12, secureCookies: false });
  });

  it('uses a PostgreSQL server from DATABASE_URL; production neither migrates nor seeds by itself', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u:p@db:5432/tsunagu',
      NODE_ENV: 'production',
    });
    expect(config.database).toMatchObject({
      kind: 'postgres',
      url: 'postgres://u:p@db:5432/tsunagu',
      preparedStatements: true,
    });
    expect(
      loadConfig({ DATABASE_URL: 'postgres://db/t', DATABASE_PREPARED_STATEMENTS: 'false' })
        .database,
    ).toMatchObject({ preparedStatements: false });
    expect(config).toMatchObject({ autoMigrate: false, demoData: false });
    expect(config.session.secureCookies).toBe(true);
  });

  it('refuses a bad value at start, naming it', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });
});
