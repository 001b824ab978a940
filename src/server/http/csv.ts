/**
 * CSV that opens cleanly in Excel on a Japanese PC: UTF-8 with a byte-order mark, CRLF line ends,
 * every cell quoted when it needs to be. A cell that Excel would run as a formula (starting with
 * = + - @) is prefixed with an apostrophe, so an exported list cannot carry a formula attack.
 */
export const csvBom = '\uFEFF';

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(cells: readonly unknown[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export function csvDocument(
  header: readonly string[],
  rows: readonly (readonly unknown[])[],
): string {
  return csvBom + csvLine(header) + rows.map(csvLine).join('');
}

/** `attachment; filename*=UTF-8''…` so Japanese file names survive; an ASCII name for old clients. */
export function attachmentHeader(fileName: string, asciiFallback = 'export.csv'): string {
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
