import { strToU8, zipSync } from 'fflate';

/**
 * Workbooks as Japanese Excel saves them, for the import's reader: text through the shared-string
 * table with the furigana the IME recorded (<rPh>), numbers styled through xl/styles.xml (dates are
 * numbers with a date format). `buildXlsx` writes neither, so tests of what agencies upload use
 * this instead.
 */

/** The cell styles below, by name: the index is the cell's `s`. */
export const excelStyles = {
  general: 0,
  /** Built-in 14, shown 2024/1/5 on a Japanese PC. */
  date: 1,
  /** Built-in 22: 2024/1/5 9:30. */
  dateTime: 2,
  /** Custom: 令和6年1月5日. */
  wareki: 3,
  /** Built-in 20: 9:30. */
  time: 4,
  /** Custom, with letters that are not date parts (quoted, and a color in brackets). */
  hours: 5,
  /** Built-in 49: text (@). */
  text: 6,
} as const;

const stylesXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="176" formatCode="[$-ja-JP-x-gannen]ggge&quot;年&quot;m&quot;月&quot;d&quot;日&quot;;@"/><numFmt numFmtId="177" formatCode="[Red]0.0&quot;h&quot;;[Blue]\\-0.0&quot;hms&quot;"/></numFmts><fonts count="1"><font><sz val="11"/><name val="游ゴシック"/><family val="2"/><charset val="128"/><scheme val="minor"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"><alignment vertical="center"/></xf></cellStyleXfs><cellXfs count="7"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"><alignment vertical="center"/></xf><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"><alignment vertical="center"/></xf><xf numFmtId="22" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="176" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="20" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="177" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="標準" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/**
 * A cell: text (a shared string; with `readings`, the furigana Excel keeps of what was typed
 * through the IME, one run per word as `[start, end, kana]`), or a number, optionally styled.
 */
type TextCell = string | { text: string; readings: readonly (readonly [number, number, string])[] };
export type ExcelCell =
  | TextCell
  | number
  | { number: number; style: keyof typeof excelStyles }
  | null;

const xmlEscaped = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

function sharedString(cell: TextCell): string {
  if (typeof cell === 'string')
    return `<si><t>${xmlEscaped(cell)}</t><phoneticPr fontId="1"/></si>`;
  const runs = cell.readings
    .map(([sb, eb, kana]) => `<rPh sb="${sb}" eb="${eb}"><t>${xmlEscaped(kana)}</t></rPh>`)
    .join('');
  return `<si><t>${xmlEscaped(cell.text)}</t>${runs}<phoneticPr fontId="1" type="Hiragana"/></si>`;
}

function column(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** The XML files of a one-sheet workbook; `sharedStrings` replaces the table written from the cells. */
export function excelWorkbookFiles(
  rows: readonly (readonly ExcelCell[])[],
  options: { sharedStrings?: string; date1904?: boolean } = {},
): Record<string, string> {
  const strings: string[] = [];
  const sheetRows = rows.map((cells, r) => {
    const xml = cells.map((cell, c) => {
      const ref = `${column(c)}${r + 1}`;
      if (cell === null) return '';
      if (typeof cell === 'number') return `<c r="${ref}"><v>${cell}</v></c>`;
      if (typeof cell === 'object' && 'number' in cell) {
        return `<c r="${ref}" s="${excelStyles[cell.style]}"><v>${cell.number}</v></c>`;
      }
      strings.push(sharedString(cell));
      return `<c r="${ref}" t="s"><v>${strings.length - 1}</v></c>`;
    });
    return `<row r="${r + 1}" spans="1:${cells.length}">${xml.join('')}</row>`;
  });
  const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return {
    '[Content_Types].xml': `${head}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
    'xl/workbook.xml': `${head}<workbook xmlns="${main}" xmlns:r="${rel}"><workbookPr${
      options.date1904 ? ' date1904="1"' : ''
    } defaultThemeVersion="166925"/><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId2" Type="${rel}/styles" Target="styles.xml"/><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    'xl/styles.xml': stylesXml,
    'xl/sharedStrings.xml':
      options.sharedStrings ??
      `${head}<sst xmlns="${main}" count="${strings.length}" uniqueCount="${strings.length}">${strings.join('')}</sst>`,
    'xl/worksheets/sheet1.xml': `${head}<worksheet xmlns="${main}" xmlns:r="${rel}"><sheetData>${sheetRows.join('')}</sheetData></worksheet>`,
  };
}

/** A one-sheet .xlsx, deflated as Excel saves it. */
export function excelWorkbook(
  rows: readonly (readonly ExcelCell[])[],
  options: { sharedStrings?: string; date1904?: boolean } = {},
): Uint8Array {
  const files = excelWorkbookFiles(rows, options);
  return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));
}

/**
 * A zip written by hand, so an entry can say it is a different size than it is (a zip bomb's
 * trick). `deflated` is raw DEFLATE data; `size` the uncompressed size the entry declares.
 */
export function handMadeZip(
  entries: readonly { name: string; data: Uint8Array; deflated?: boolean; size?: number }[],
): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const header = (length: number, fields: [number, number, number][]) => {
    const bytes = new Uint8Array(length);
    const view = new DataView(bytes.buffer);
    for (const [at, width, value] of fields) {
      if (width === 2) view.setUint16(at, value, true);
      else view.setUint32(at, value, true);
    }
    return bytes;
  };
  for (const entry of entries) {
    const name = strToU8(entry.name);
    const method = entry.deflated ? 8 : 0;
    const size = entry.size ?? entry.data.length;
    const local = header(30 + name.length, [
      [0, 4, 0x04034b50],
      [4, 2, 20],
      [8, 2, method],
      [18, 4, entry.data.length],
      [22, 4, size],
      [26, 2, name.length],
    ]);
    local.set(name, 30);
    const dir = header(46 + name.length, [
      [0, 4, 0x02014b50],
      [4, 2, 20],
      [6, 2, 20],
      [10, 2, method],
      [20, 4, entry.data.length],
      [24, 4, size],
      [28, 2, name.length],
      [42, 4, offset],
    ]);
    dir.set(name, 46);
    parts.push(local, entry.data);
    central.push(dir);
    offset += local.length + entry.data.length;
  }
  const centralSize = central.reduce((n, d) => n + d.length, 0);
  const end = header(22, [
    [0, 4, 0x06054b50],
    [8, 2, entries.length],
    [10, 2, entries.length],
    [12, 4, centralSize],
    [16, 4, offset],
  ]);
  return Buffer.concat([...parts, ...central, end]);
}
