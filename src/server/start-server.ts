import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { roleLabels } from '../domain/roles';
import { createApp } from './app';
import { type BootOptions, boot } from './boot';
import type { Config } from './config';
import { demoPassword, demoUsers } from './demo/demo-data';
import { hasDemoData } from './demo/seed-demo';
import type { Initialised } from './first-start';
import { describeError } from './http/logger';
import { holdServerLock } from './ops/server-lock';

/**
 * The child of a very first start (first-start.ts): prepares the data directory — migrations, the
 * demo municipality — and reports what it did on its last line of output.
 */
export async function initialiseOnly(config: Config, options: BootOptions): Promise<void> {
  const { deps, applied, demoSeeded } = await boot(config, undefined, options);
  await deps.database.close();
  process.stdout.write(`${JSON.stringify({ applied, demoSeeded } satisfies Initialised)}\n`);
}

/**
 * Boot, listen, print where to go and how to sign in, stop gracefully. `first` is the child
 * preparing an empty data directory, when there is one: the database opens once it is done.
 */
export async function startServer(
  config: Config,
  started: number,
  first: Promise<Initialised> | null,
): Promise<void> {
  const initialised = first ? await first : null;
  const booted = await boot(config);
  const { deps } = booted;
  const applied = initialised?.applied ?? booted.applied;
  const demoSeeded = initialised?.demoSeeded ?? booted.demoSeeded;
  let stopping = false;
  const app = createApp({ ...deps, stopping: () => stopping });
  const serverLock =
    config.database.kind === 'postgres'
      ? await holdServerLock(config.database.url, deps.logger)
      : null;

  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = `http://${shownHost}:${port}`;

  const lines = [
    '',
    `  つなぐ Tsunagu — ${url}`,
    `  database: ${config.database.kind === 'pglite' ? `embedded PGlite in ${config.database.dataDir}` : 'PostgreSQL server (DATABASE_URL)'}${applied.length ? `, migrations applied: ${applied.join(', ')}` : ''}`,
  ];
  if (demoSeeded || (config.demoData && (await hasDemoData(deps.database.db)))) {
    lines.push(
      `  demo municipality 架空市 ${demoSeeded ? '(created now) ' : ''}— sign in with password "${demoPassword}":`,
      ...demoUsers.map(
        (u) => `    ${u.loginId.padEnd(10)} ${u.roles.map((r) => roleLabels[r].ja).join('・')}`,
      ),
    );
  }
  lines.push(`  ready in ${Math.round(performance.now() - started)} ms`, '');
  process.stdout.write(`${lines.join('\n')}\n`);
  deps.logger.info('listening', { url });

  // Once stopping, every answer closes its connection: a client on a kept-alive connection that
  // goes on sending (a proxy, a busy office) would otherwise keep the server open to the end.
  // The answers in flight are told when the signal comes, those that follow as they begin.
  const answering = new Set<ServerResponse>();
  const closeAfter = (response: ServerResponse) => {
    if (!response.headersSent) response.setHeader('connection', 'close');
  };
  server.on('request', (_request: IncomingMessage, response: ServerResponse) => {
    if (stopping) return closeAfter(response);
    answering.add(response);
    response.once('close', () => answering.delete(response));
  });
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    deps.logger.info('stopping', { signal });
    for (const response of answering) closeAfter(response);
    // Finish the requests in flight, then let go of the database (once: the forced exit below
    // may be closing it already, and PGlite refuses a second close while the first runs).
    let closing: Promise<void> | undefined;
    const closeDatabase = () => {
      closing ??= Promise.all([serverLock?.release(), deps.database.close()]).then(
        () => undefined,
        (error: unknown) => {
          deps.logger.error('stopping: the database did not close cleanly', describeError(error));
        },
      );
      return closing;
    };
    let forced = false;
    server.close(async () => {
      await closeDatabase();
      process.exit(forced ? 1 : 0);
    });
    if ('closeIdleConnections' in server) server.closeIdleConnections();
    // Requests still running after ten seconds are cut off; the database is still closed (the
    // embedded one would otherwise be left marked as in use), within five seconds more.
    setTimeout(async () => {
      forced = true;
      deps.logger.warn('stopping: requests still open after 10 s are cut off', { signal });
      if ('closeAllConnections' in server) server.closeAllConnections();
      await Promise.race([
        closeDatabase(),
        new Promise((resolve) => setTimeout(resolve, 5_000).unref()),
      ]);
      process.exit(1);
    }, 10_000).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}
