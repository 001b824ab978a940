import { Zip, ZipDeflate } from 'fflate';

/**
 * A small .xlsx (Office Open XML SpreadsheetML) writer: what the statistics exports need and no
 * more. Several sheets with Japanese names, strings written inline (no shared-string table, so a
 * sheet can be streamed row by row), numbers as numbers with a number format (integers, one
 * decimal, percentages, dates), a bold header row that stays in view (frozen pane), column widths.
 *
 * Text is never a formula here: the writer has no formula cells at all, and a string that Excel
 * would run as one when the cell is edited (starting with = + - @) gets the `quotePrefix` style,
 * which is what Excel itself does when a user types an apostrophe before such text. The value
 * read back is the text as given.
 *
 * Two ways to use it: `buildXlsx(sheets)` for a small workbook in memory, and `XlsxStreamWriter`
 * for a long one (the per-person national export, up to a million rows): rows are turned into
 * XML and deflated a batch at a time, and the compressed bytes handed on as they come, so the
 * whole sheet never exists as one string.
 */

/** How a column's numbers (or ISO dates) are shown. Text cells ignore it. */
export type XlsxFormat = 'general' | 'integer' | 'decimal' | 'percent' | 'date';

export interface XlsxColumn {
  header: string;
  /** Width in characters; by default from the header (a full-width character counts as two). */
  width?: number;
  format?: XlsxFormat;
}

/** A cell: text, a number, a yes/no, a date (Date, or 'YYYY-MM-DD' in a 'date' column), or empty. */
export type XlsxValue = string | number | boolean | Date | null | undefined;

/** A row is its cells, or its cells with the whole row in bold (a total line). */
export type XlsxRow = readonly XlsxValue[] | { cells: readonly XlsxValue[]; bold: true };

export interface XlsxSheetHead {
  /** Shown on the tab; cut to 31 characters and cleared of : \ / ? * [ ] as Excel requires. */
  name: string;
  columns: readonly XlsxColumn[];
  /** Lines above the table (a title block): the first in bold, the rest plain, text only. */
  preamble?: readonly (readonly XlsxValue[])[];
}

export interface XlsxSheet extends XlsxSheetHead {
  rows: readonly XlsxRow[];
}

const formats: readonly XlsxFormat[] = ['general', 'integer', 'decimal', 'percent', 'date'];
/** numFmtId per format: 0 General, 3 #,##0, and our own from 164 up. */
const numFmtIds: Record<XlsxFormat, number> = {
  general: 0,
  integer: 3,
  decimal: 164,
  percent: 165,
  date: 166,
};
/** Style index: format × {plain, bold}, then the two text styles. */
function styleOf(format: XlsxFormat, bold: boolean): number {
  return formats.indexOf(format) * 2 + (bold ? 1 : 0);
}
const quotedTextStyle = formats.length * 2;
const quotedTextBoldStyle = quotedTextStyle + 1;

function stylesXml(): string {
  const xfs: string[] = [];
  for (const format of formats) {
    for (const bold of [false, true]) {
      const id = numFmtIds[format];
      xfs.push(
        `<xf numFmtId="${id}" fontId="${bold ? 1 : 0}" fillId="0" borderId="0" xfId="0"${
          id ? ' applyNumberFormat="1"' : ''
        }${bold ? ' applyFont="1"' : ''}/>`,
      );
    }
  }
  for (const bold of [false, true]) {
    xfs.push(
      `<xf numFmtId="49" fontId="${bold ? 1 : 0}" fillId="0" borderId="0" xfId="0" quotePrefix="1" applyNumberFormat="1"${bold ? ' applyFont="1"' : ''}/>`,
    );
  }
  const font = (bold: boolean) =>
    `<font>${bold ? '<b/>' : ''}<sz val="11"/><name val="Yu Gothic"/><family val="3"/><charset val="128"/></font>`;
  return `${xmlHead}<styleSheet xmlns="${mainNs}"><numFmts count="3"><numFmt numFmtId="164" formatCode="#,##0.0"/><numFmt numFmtId="165" formatCode="0.0%"/><numFmt numFmtId="166" formatCode="yyyy/mm/dd"/></numFmts><fonts count="2">${font(false)}${font(true)}</fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
}

const xmlHead = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const mainNs = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const relNs = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Characters XML 1.0 cannot carry at all (controls, lone surrogates, U+FFFE/FFFF) are dropped. */
export function xmlText(text: string): string {
  // Most cells (codes, dates, plain Japanese) need nothing: test once before rewriting.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  if (!/[&<>"\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/.test(text)) return text;
  return text
    .replace(
      // biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 cannot carry them.
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
      '',
    )
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

/** Days since 1899-12-30, the serial date Excel shows with a date format. */
export function excelDate(value: Date | string): number | null {
  const ms =
    typeof value === 'string'
      ? /^\d{4}-\d{2}-\d{2}$/.test(value)
        ? Date.parse(`${value}T00:00:00Z`)
        : Number.NaN
      : value.getTime();
  if (!Number.isFinite(ms)) return null;
  return ms / 86_400_000 + 25_569;
}

/** A legal, unique tab name: Excel refuses : \ / ? * [ ], more than 31 characters, or a repeat. */
function sheetName(name: string, taken: Set<string>): string {
  const base =
    name
      .replace(/[:\\/?*[\]]/g, '・')
      .slice(0, 31)
      .trim() || 'Sheet';
  let candidate = base;
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) {
    const suffix = `(${i})`;
    candidate = base.slice(0, 31 - suffix.length) + suffix;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.charCodeAt(0);
    // Latin-1 and half-width kana take one column; everything else two.
    width += code <= 0xff || (code >= 0xff61 && code <= 0xff9f) ? 1 : 2;
  }
  return width;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/**
 * One cell. Cells carry no `r` (reference): each follows the one before, and an empty cell is an
 * empty <c/>; the default style is left out. That keeps a million-row sheet about half the size.
 */
function cellXml(value: XlsxValue, format: XlsxFormat, bold: boolean): string {
  if (value === null || value === undefined || value === '') {
    return bold ? `<c s="${styleOf('general', true)}"/>` : '<c/>';
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '<c/>';
    const style = styleOf(format, bold);
    return style ? `<c s="${style}"><v>${value}</v></c>` : `<c><v>${value}</v></c>`;
  }
  if (typeof value === 'boolean') {
    return `<c s="${styleOf('general', bold)}" t="b"><v>${value ? 1 : 0}</v></c>`;
  }
  if (value instanceof Date || (format === 'date' && isoDate.test(value))) {
    const serial = excelDate(value);
    if (serial !== null) return `<c s="${styleOf('date', bold)}"><v>${serial}</v></c>`;
    if (value instanceof Date) return '<c/>';
  }
  const text = String(value);
  const first = text.charCodeAt(0);
  // = + - @ : text Excel would run as a formula once the cell is edited.
  const formulaLike = first === 61 || first === 43 || first === 45 || first === 64;
  const style = formulaLike
    ? bold
      ? quotedTextBoldStyle
      : quotedTextStyle
    : styleOf('general', bold);
  const space =
    text.charCodeAt(0) <= 32 || text.charCodeAt(text.length - 1) <= 32
      ? ' xml:space="preserve"'
      : '';
  return `<c${style ? ` s="${style}"` : ''} t="inlineStr"><is><t${space}>${xmlText(text)}</t></is></c>`;
}

function rowXml(
  rowNumber: number,
  cells: readonly XlsxValue[],
  columns: readonly XlsxColumn[],
  bold: boolean,
): string {
  let xml = `<row r="${rowNumber}">`;
  // Trailing empty cells are left out.
  let last = cells.length - 1;
  while (last >= 0 && (cells[last] === null || cells[last] === undefined || cells[last] === '')) {
    last--;
  }
  for (let i = 0; i <= last; i++) {
    xml += cellXml(cells[i], columns[i]?.format ?? 'general', bold);
  }
  return `${xml}</row>`;
}

/** The opening of a worksheet: widths, the frozen header, the title block and the header row. */
function sheetOpening(sheet: XlsxSheetHead): { xml: string; nextRow: number } {
  const preamble = sheet.preamble ?? [];
  const headerRow = preamble.length + 1;
  const cols = sheet.columns
    .map((column, i) => {
      const width = column.width ?? Math.min(Math.max(displayWidth(column.header) + 2, 8), 60);
      return `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`;
    })
    .join('');
  const pane = `<pane ySplit="${headerRow}" topLeftCell="A${headerRow + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${headerRow + 1}" sqref="A${headerRow + 1}"/>`;
  let xml = `${xmlHead}<worksheet xmlns="${mainNs}" xmlns:r="${relNs}"><sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>${
    cols ? `<cols>${cols}</cols>` : ''
  }<sheetData>`;
  preamble.forEach((line, i) => {
    xml += rowXml(i + 1, line, [], i === 0);
  });
  xml += rowXml(
    headerRow,
    sheet.columns.map((c) => c.header),
    [],
    true,
  );
  return { xml, nextRow: headerRow + 1 };
}

const sheetClosing = '</sheetData></worksheet>';

function workbookFiles(names: readonly string[]): [string, string][] {
  const sheets = names
    .map((name, i) => `<sheet name="${xmlText(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join('');
  const sheetRels = names
    .map(
      (_, i) =>
        `<Relationship Id="rId${i + 1}" Type="${relNs}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
    )
    .join('');
  const overrides = names
    .map(
      (_, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    )
    .join('');
  return [
    [
      '[Content_Types].xml',
      `${xmlHead}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${overrides}</Types>`,
    ],
    [
      '_rels/.rels',
      `${xmlHead}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${relNs}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      'xl/workbook.xml',
      `${xmlHead}<workbook xmlns="${mainNs}" xmlns:r="${relNs}"><bookViews><workbookView/></bookViews><sheets>${sheets}</sheets></workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `${xmlHead}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheetRels}<Relationship Id="rId${names.length + 1}" Type="${relNs}/styles" Target="styles.xml"/></Relationships>`,
    ],
    ['xl/styles.xml', stylesXml()],
  ];
}

const encoder = new TextEncoder();

/**
 * Writes a workbook as it goes: open a sheet, add rows in batches, close it, open the next, and
 * finish. Each batch is deflated at once and the compressed bytes passed to `onData`, in order;
 * the last call has `final` true. Sheets are written one after another (a zip entry at a time).
 */
export class XlsxStreamWriter {
  private readonly zip: Zip;
  private readonly names: string[] = [];
  private readonly taken = new Set<string>();
  private sheet: { entry: ZipDeflate; columns: readonly XlsxColumn[]; nextRow: number } | null =
    null;
  private failure: Error | null = null;

  constructor(onData: (chunk: Uint8Array, final: boolean) => void) {
    this.zip = new Zip((error, chunk, final) => {
      if (error) {
        this.failure = error;
        return;
      }
      onData(chunk, final);
    });
  }

  startSheet(head: XlsxSheetHead): void {
    if (this.sheet) this.endSheet();
    this.names.push(sheetName(head.name, this.taken));
    const entry = new ZipDeflate(`xl/worksheets/sheet${this.names.length}.xml`, { level: 6 });
    this.zip.add(entry);
    const { xml, nextRow } = sheetOpening(head);
    this.sheet = { entry, columns: head.columns, nextRow };
    entry.push(encoder.encode(xml));
    this.check();
  }

  addRows(rows: readonly XlsxRow[]): void {
    const sheet = this.sheet;
    if (!sheet) throw new Error('addRows before startSheet');
    let xml = '';
    for (const row of rows) {
      const bold = 'cells' in row;
      xml += rowXml(sheet.nextRow++, 'cells' in row ? row.cells : row, sheet.columns, bold);
    }
    if (xml) sheet.entry.push(encoder.encode(xml));
    this.check();
  }

  endSheet(): void {
    if (!this.sheet) return;
    this.sheet.entry.push(encoder.encode(sheetClosing), true);
    this.sheet = null;
    this.check();
  }

  finish(): void {
    this.endSheet();
    if (this.names.length === 0) throw new Error('a workbook needs at least one sheet');
    for (const [path, xml] of workbookFiles(this.names)) {
      const entry = new ZipDeflate(path, { level: 6 });
      this.zip.add(entry);
      entry.push(encoder.encode(xml), true);
    }
    this.zip.end();
    this.check();
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }
}

/** A whole workbook in memory, for reports of a few hundred rows. */
export function buildXlsx(sheets: readonly XlsxSheet[]): Uint8Array<ArrayBuffer> {
  const chunks: Uint8Array[] = [];
  const writer = new XlsxStreamWriter((chunk) => chunks.push(chunk));
  for (const sheet of sheets) {
    writer.startSheet(sheet);
    writer.addRows(sheet.rows);
  }
  writer.finish();
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

export const xlsxContentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
