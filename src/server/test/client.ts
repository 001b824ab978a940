import type { Hono } from 'hono';
import type { AppEnv } from '../http/context';
import { testPassword } from './factories';

export interface TestResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
  /** The body as it came, for binary downloads (.xlsx). */
  bytes: Uint8Array;
}

/**
 * A browser-like client for the real router, called in-process: it keeps cookies, fetches the
 * CSRF token as the screens do and sends it on every state-changing request.
 */
export class TestClient {
  private cookies = new Map<string, string>();
  csrfToken = '';
  lang: 'ja' | 'en' = 'ja';

  constructor(private readonly app: Hono<AppEnv>) {}

  async request<T = Record<string, unknown>>(
    method: string,
    path: string,
    options: { body?: unknown; headers?: Record<string, string>; csrf?: boolean } = {},
  ): Promise<TestResponse<T>> {
    const headers = new Headers(options.headers);
    headers.set('accept-language', this.lang);
    if (this.cookies.size > 0) {
      headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    }
    if (method !== 'GET' && options.csrf !== false && !headers.has('x-csrf-token')) {
      headers.set('x-csrf-token', this.csrfToken);
    }
    let body: string | undefined;
    if (options.body !== undefined) {
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      if (!headers.has('content-type')) headers.set('content-type', 'application/json');
    }
    const response = await this.app.request(path, {
      method,
      headers,
      ...(body !== undefined ? { body } : {}),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = cookie.split(';');
      const [name = '', value = ''] = pair.split('=');
      const expired = attributes.some((a) => /max-age=0/i.test(a.trim()));
      if (expired || value === '') this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    // Keep a byte-order mark (CSV exports start with one); Response.text() would drop it.
    const bytes = new Uint8Array(await response.arrayBuffer());
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    let parsed: unknown = {};
    try {
      parsed = text ? JSON.parse(text) : {};
    } catch {
      parsed = {};
    }
    return { status: response.status, headers: response.headers, body: parsed as T, text, bytes };
  }

  get<T = Record<string, unknown>>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = Record<string, unknown>>(path: string, body?: unknown) {
    return this.request<T>('POST', path, { body: body ?? {} });
  }
  put<T = Record<string, unknown>>(path: string, body: unknown) {
    return this.request<T>('PUT', path, { body });
  }
  delete<T = Record<string, unknown>>(path: string) {
    return this.request<T>('DELETE', path);
  }

  hasCookie(name: string): boolean {
    return this.cookies.has(name);
  }

  /** Loads the page's session answer: the CSRF token comes with it. */
  async start(): Promise<this> {
    const res = await this.get<{ csrfToken: string }>('/api/auth/session');
    this.csrfToken = res.body.csrfToken;
    return this;
  }

  async signIn(loginId: string, password = testPassword): Promise<TestResponse> {
    if (!this.csrfToken) await this.start();
    const res = await this.post<{ csrfToken?: string; status?: string }>('/api/auth/sign-in', {
      loginId,
      password,
    });
    if (res.body.csrfToken) this.csrfToken = res.body.csrfToken;
    return res;
  }
}

/** A client already signed in as the given login. */
export async function signedIn(app: Hono<AppEnv>, loginId: string): Promise<TestClient> {
  const client = new TestClient(app);
  const res = await client.signIn(loginId);
  if (res.status !== 200) throw new Error(`sign-in failed for ${loginId}: ${res.text}`);
  return client;
}
