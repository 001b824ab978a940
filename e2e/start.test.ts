import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** `npm start` as a newcomer runs it: the same script, a fresh data directory, a free port. */
function start(
  dataDir: string,
): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: '0',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'development',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /つなぐ Tsunagu — (http:\/\/\S+)/.exec(output)?.[1];
      if (url && output.includes('ready in')) {
        clearTimeout(timer);
        resolve({ child, url, output: () => output });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('on an empty data directory: migrates, creates the demo municipality, prints the URL and the demo sign-ins, serves the sign-in page', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'tsunagu-start-'));
    dirs.push(dataDir);
    const first = await start(dataDir);
    const printed = first.output();
    expect(printed).toContain('migrations applied: 0001');
    expect(printed).toContain('demo municipality 架空市 (created now)');
    expect(printed).toMatch(/shien\s+相談支援員/);
    expect(printed).toMatch(/kansa\s+監査担当/);
    expect(printed).toContain('tsunagu-demo');

    const page = await fetch(`${first.url}/sign-in`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<div id="root"></div>');
    expect(html).toMatch(
      /<script type="module" crossorigin src="\/assets\/index-[\w-]+\.js"><\/script>/,
    );
    expect(html).not.toMatch(/https?:\/\//);
    expect(await (await fetch(`${first.url}/api/health`)).json()).toEqual({ status: 'ok' });
    expect(await stop(first.child)).toBe(0);

    // Again on the filled directory: nothing to migrate, the demo is not created twice.
    const second = await start(dataDir);
    expect(second.output()).not.toContain('migrations applied');
    expect(second.output()).toContain('demo municipality 架空市 —');
    const session = await fetch(`${second.url}/api/auth/session`);
    expect(session.status).toBe(200);

    // Stopping finishes the request in flight: one whose body is still arriving when the signal
    // comes is answered, then the process ends cleanly; a new connection is refused meanwhile.
    // The sign-in passes its CSRF check first, so it waits for its body.
    const preSession = session.headers.get('set-cookie')?.split(';')[0] ?? '';
    const { csrfToken } = (await session.json()) as { csrfToken: string };
    const { hostname, port } = new URL(second.url);
    const socket = connect(Number(port), hostname);
    await new Promise((resolve) => socket.once('connect', resolve));
    const body = JSON.stringify({ loginId: 'shien', password: 'not-the-password' });
    socket.write(
      `POST /api/auth/sign-in HTTP/1.1\r\nHost: ${hostname}:${port}\r\nCookie: ${preSession}\r\nX-CSRF-Token: ${csrfToken}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 10)}`,
    );
    let answer = '';
    socket.on('data', (chunk: Buffer) => {
      answer += chunk.toString();
    });
    const closed = new Promise((resolve) => socket.once('close', resolve));
    const signalled = performance.now();
    const stopped = stop(second.child);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await expect(fetch(`${second.url}/api/health`)).rejects.toThrow();
    socket.write(body.slice(10));
    // The answer closes the kept-alive connection, so a client that would go on sending on it
    // (a proxy) cannot hold the server open: it ends well before its ten-second limit.
    await closed;
    expect(await stopped).toBe(0);
    expect(performance.now() - signalled).toBeLessThan(8_000);
    expect(answer).toMatch(/^HTTP\/1\.1 (4\d\d|200) /);
    expect(answer).toMatch(/\r\nconnection: close\r\n/i);
    socket.destroy();
  });
});
