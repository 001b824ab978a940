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

/** A record of a CSV file and its row number as a spreadsheet shows it (the header is row 1). */
export interface CsvRecord {
  row: number;
  cells: string[];
}

/** The file could not be read as CSV: a quoted cell never closed, or text after a closing quote. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly row: number,
    readonly problem: 'unclosedQuote' | 'textAfterQuote',
  ) {
    super(`CSV syntax error at row ${row}: ${problem}`);
    this.name = 'CsvSyntaxError';
  }
}

/**
 * Reads CSV as Excel writes it and as csvDocument above does (RFC 4180): UTF-8 with or without a
 * byte-order mark; CRLF, LF or CR line ends; cells quoted with `"` may hold commas, line breaks
 * and doubled quotes. Rows with no text at all are left out but keep their row number, so a
 * problem is reported on the row the user sees in the spreadsheet.
 */
export function parseCsv(text: string): CsvRecord[] {
  const input = text.startsWith(csvBom) ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let row = 1;
  let quoted = false;
  let afterQuote = false;
  let i = 0;
  const endCell = () => {
    cells.push(cell);
    cell = '';
    afterQuote = false;
  };
  const endRecord = () => {
    endCell();
    if (cells.some((c) => c !== '')) records.push({ row, cells });
    cells = [];
    row++;
  };
  while (i < input.length) {
    const char = input[i] as string;
    if (quoted) {
      if (char === '"') {
        if (input[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        afterQuote = true;
        i++;
        continue;
      }
      // The quoted text up to the next quote, at once (a long note is one slice, not many).
      const quote = input.indexOf('"', i);
      const end = quote === -1 ? input.length : quote;
      cell += input.slice(i, end);
      i = end;
      continue;
    }
    if (char === ',') {
      endCell();
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && input[i + 1] === '\n') i++;
      endRecord();
    } else if (afterQuote) {
      throw new CsvSyntaxError(row, 'textAfterQuote');
    } else if (char === '"' && cell === '') {
      quoted = true;
    } else {
      // Plain text up to the next comma, line end or quote, at once.
      let end = i + 1;
      while (end < input.length) {
        const code = input.charCodeAt(end);
        if (code === 0x2c || code === 0x0d || code === 0x0a || code === 0x22) break;
        end++;
      }
      cell += input.slice(i, end);
      i = end;
      continue;
    }
    i++;
  }
  if (quoted) throw new CsvSyntaxError(row, 'unclosedQuote');
  if (cell !== '' || cells.length > 0 || afterQuote) endRecord();
  return records;
}

/**
 * A cell's value as it was before csvCell guarded it: the apostrophe put before a would-be formula
 * is taken off again, so a list exported and imported back is unchanged.
 */
export function csvValue(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}
