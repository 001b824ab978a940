import { hc } from 'hono/client';
import type { ApiType } from '../../server/app';
import { currentLang } from '../i18n/i18n';
import { ApiError } from './api-error';

/**
 * The typed API: every call is checked against the server's routes (src/server/app.ts) at build
 * time. The fetch below adds the CSRF token and the language to each request and turns every
 * error answer into an ApiError, so callers only ever see successful bodies.
 */
let csrfToken = '';
let tokenArrived: () => void = () => {};
/** Settles when the first token comes with the session (a form may be sent before that). */
const firstToken = new Promise<void>((resolve) => {
  tokenArrived = resolve;
});
const signedOutListeners = new Set<(error: ApiError) => void>();

export function setCsrfToken(token: string): void {
  csrfToken = token;
  tokenArrived();
}

/** Called when the server says the session is gone (expired, or signed out elsewhere). */
export function onSignedOut(listener: (error: ApiError) => void): () => void {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
}

export const apiFetch: typeof fetch = async (input, init) => {
  const headers = new Headers(init?.headers);
  headers.set('Accept-Language', currentLang);
  const method = (init?.method ?? 'GET').toUpperCase();
  if (method !== 'GET' && method !== 'HEAD') {
    // Someone quick enough to submit before the session answered waits for it (at most 10 s).
    if (!csrfToken) await Promise.race([firstToken, new Promise((r) => setTimeout(r, 10_000))]);
    headers.set('X-CSRF-Token', csrfToken);
  }
  let response: Response;
  try {
    response = await fetch(input, { ...init, headers, credentials: 'same-origin' });
  } catch {
    throw new ApiError({ code: 'NETWORK_ERROR', status: 0, message: 'network' });
  }
  if (!response.ok) {
    const error = await ApiError.fromResponse(response);
    if (error.signedOut) for (const listener of signedOutListeners) listener(error);
    throw error;
  }
  return response;
};

export const api = hc<ApiType>('/api', { fetch: apiFetch });

/** A file download (CSV export) through the same checks, saved under the server's file name. */
export async function download(path: string, fallbackName: string): Promise<void> {
  const response = await apiFetch(path);
  const disposition = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
  const name = encoded ? decodeURIComponent(encoded) : fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A query string from filter values, leaving out empty ones. */
export function queryString(params: Record<string, string | boolean | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === '' || value === false) continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
