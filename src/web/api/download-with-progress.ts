import { apiFetch } from './client';

/**
 * A long download (a year's statistics, the national per-person export) read chunk by chunk, so
 * the screen can say how far it has come: bytes received (of Content-Length when the server
 * sends one) and, for a CSV whose server announces its rows in `X-Tsunagu-Row-Count`, rows
 * received of that total. The file is then saved under the server's name through a blob URL.
 * Errors come as ApiError from apiFetch (the same Japanese messages as everywhere else).
 */
export interface DownloadProgress {
  received: number;
  /** Content-Length, when the server sends it. */
  totalBytes: number | null;
  /** Data rows received so far (lines after the header); null unless the server counted rows. */
  rows: number | null;
  totalRows: number | null;
}

/** The file name of a Content-Disposition header (RFC 5987 `filename*` first), or the fallback. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // A broken encoding: the fallback is better than a garbled name.
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition ?? '')?.[1];
  return plain ?? fallback;
}

const newline = 0x0a;

function countNewlines(chunk: Uint8Array): number {
  let count = 0;
  for (const byte of chunk) if (byte === newline) count += 1;
  return count;
}

/** Saves bytes as a file the way a link with `download` does (the browser's own download). */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Downloads `path` (same origin), reporting progress as it goes; resolves with the saved name. */
export async function downloadWithProgress(
  path: string,
  fallbackName: string,
  onProgress: (progress: DownloadProgress) => void,
  signal?: AbortSignal,
): Promise<string> {
  const response = await apiFetch(path, signal ? { signal } : {});
  const name = fileNameOf(response.headers.get('content-disposition'), fallbackName);
  const type = response.headers.get('content-type') ?? 'application/octet-stream';
  const lengthHeader = Number(response.headers.get('content-length'));
  const totalBytes = Number.isFinite(lengthHeader) && lengthHeader > 0 ? lengthHeader : null;
  const rowHeader = response.headers.get('x-tsunagu-row-count');
  const isCsv = /csv/i.test(type) || name.toLowerCase().endsWith('.csv');
  const totalRows = rowHeader !== null && isCsv ? Number(rowHeader) : null;
  const progress: DownloadProgress = { received: 0, totalBytes, rows: null, totalRows };
  if (totalRows !== null) progress.rows = 0;
  onProgress({ ...progress });

  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let lines = 0;
  const reader = response.body?.getReader();
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      progress.received += value.byteLength;
      if (totalRows !== null) {
        lines += countNewlines(value);
        // The first line is the header; a quoted field with a line break may overcount, so
        // never claim more rows than the server announced.
        progress.rows = Math.min(Math.max(lines - 1, 0), totalRows);
      }
      onProgress({ ...progress });
    }
  } else {
    const bytes = new Uint8Array(await response.arrayBuffer());
    chunks.push(bytes);
    progress.received = bytes.byteLength;
  }
  if (totalRows !== null) progress.rows = totalRows;
  onProgress({ ...progress });
  saveBlob(new Blob(chunks, { type }), name);
  return name;
}

/** 1,234 バイト / 12.3 KB / 4.5 MB */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes.toLocaleString('ja-JP')} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
