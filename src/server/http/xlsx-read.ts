import { Inflate, strFromU8 } from 'fflate';

/**
 * Reads an .xlsx (an agency's list for a bulk import; in tests, the server's own exports):
 * every sheet by its tab name, as rows of cells, with the row and column each cell says it is in.
 * Numbers come back as numbers (percentages as fractions), except numbers shown with a date or
 * time format, which come back as ISO text (`2024-01-05`, `2024-01-05 09:30`, `09:30`) so that a
 * date is told from a number (a birth year 1985) by the file itself. Text comes back as text,
 * whether written inline or through the shared-string table (as Excel saves it), without the
 * furigana Japanese Excel keeps beside it; empty cells as null. Enough XML for SpreadsheetML
 * cells; not a general spreadsheet reader.
 */
export type XlsxCell = string | number | null;
export type XlsxBook = Record<string, XlsxCell[][]>;

/**
 * At most this much is inflated from one file: the parts read (workbook, relationships, shared
 * strings, styles, sheets) together, by what they declare and by what they turn out to be. The
 * import takes files of up to 24 MB; an agency's list of a few thousand rows inflates to a few MB.
 */
export const maxXlsxInflatedBytes = 64 * 1024 * 1024;

export class XlsxTooLargeError extends Error {
  constructor(part: string) {
    super(
      `.xlsx too large to read: ${part} would take it past ${maxXlsxInflatedBytes / 1024 / 1024} MiB uncompressed`,
    );
  }
}

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, entity: string) => {
    if (entity === 'lt') return '<';
    if (entity === 'gt') return '>';
    if (entity === 'amp') return '&';
    if (entity === 'quot') return '"';
    if (entity === 'apos') return "'";
    const code = entity.startsWith('#x')
      ? Number.parseInt(entity.slice(2), 16)
      : Number.parseInt(entity.slice(1), 10);
    return String.fromCodePoint(code);
  });
}

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match ? unescapeXml(match[1] as string) : null;
}

/**
 * `xml` up to the end of its last `marker`. A global pattern such as `<row…>…</row>` or `<sheet …>`
 * scans from each opening to the end of the text when nothing closes it, so a small file full of
 * unclosed tags cost time growing with the square of its size (40,000 of them: seconds). Past the
 * last closing mark no match can be made; cut there, every scan stops at a close.
 */
function upToLast(xml: string, marker: string): string {
  const end = xml.lastIndexOf(marker);
  return end < 0 ? '' : xml.slice(0, end + marker.length);
}

/**
 * The furigana runs left out: Japanese Excel records the reading of what was typed through the
 * IME as <rPh> runs (with their own <t>) beside the text. Found by position, not by a pattern, so
 * that many unclosed ones cost no more than their length.
 */
function withoutFurigana(xml: string): string {
  let shown = '';
  let at = 0;
  for (;;) {
    const open = xml.indexOf('<rPh', at);
    const close = open < 0 ? -1 : xml.indexOf('</rPh>', open);
    if (close < 0) break;
    shown += xml.slice(at, open);
    at = close + '</rPh>'.length;
  }
  return shown + xml.slice(at);
}

/**
 * The text of the <t> runs inside an element (rich text has several), leaving out the furigana
 * (氏名, not 氏名シメイ; the <phoneticPr> beside them holds no text).
 */
function textOf(xml: string): string {
  let text = '';
  const shown = xml.includes('<rPh') ? withoutFurigana(xml) : xml;
  for (const match of upToLast(shown, '</t>').matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) {
    text += unescapeXml(match[1] as string);
  }
  return text;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const char of letters) n = n * 26 + (char.charCodeAt(0) - 64);
  return n - 1;
}

function resolve(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const part of target.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  return parts.join('/');
}

interface ZipEntry {
  /** Where the entry's data starts in the file, and how many bytes it takes there. */
  start: number;
  stored: number;
  /** The uncompressed size the entry declares (a zip bomb's declares little). */
  size: number;
  method: number;
}

/**
 * The entries of a zip by name, from its central directory, inflating nothing. fflate's
 * `unzipSync` can choose entries (its `filter` sees each one's declared size), but it inflates a
 * chosen entry to the end of its data whatever it declared, into a buffer of the declared size:
 * an entry that declares 1 KB and inflates to 20 GB still costs a minute of CPU. So the directory
 * is read here, and `inflateEntry` inflates the parts the reader needs with fflate's streaming
 * `Inflate`, a slice at a time, stopping as soon as a part passes what it declared.
 */
function zipEntries(bytes: Uint8Array): Map<string, ZipEntry> {
  const u16 = (at: number) => (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
  const u32 = (at: number) => u16(at) + u16(at + 2) * 0x10000;
  const u64 = (at: number) => u32(at) + u32(at + 4) * 2 ** 32;
  const broken = (what: string) => new Error(`not an .xlsx: ${what}`);
  // The end record, after which only a comment of up to 64 KiB may follow.
  let end = bytes.length - 22;
  const earliest = Math.max(0, end - 0xffff);
  while (end >= earliest && u32(end) !== 0x06054b50) end--;
  if (end < earliest) throw broken('no zip directory');
  let count = u16(end + 10);
  let at = u32(end + 16);
  if ((count === 0xffff || at === 0xffffffff) && u32(end - 20) === 0x07064b50) {
    const zip64End = u64(end - 12);
    if (u32(zip64End) === 0x06064b50) {
      count = u64(zip64End + 32);
      at = u64(zip64End + 48);
    }
  }
  const entries = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i++) {
    if (u32(at) !== 0x02014b50) throw broken('a damaged zip directory');
    const flags = u16(at + 8);
    const nameLength = u16(at + 28);
    const extraEnd = at + 46 + nameLength + u16(at + 30);
    let stored = u32(at + 20);
    let size = u32(at + 24);
    let local = u32(at + 42);
    // Zip64: the sizes and offset that say 0xffffffff are in an extra field, in this order.
    for (let x = at + 46 + nameLength; x + 4 <= extraEnd; x += 4 + u16(x + 2)) {
      if (u16(x) !== 1) continue;
      let field = x + 4;
      if (size === 0xffffffff) {
        size = u64(field);
        field += 8;
      }
      if (stored === 0xffffffff) {
        stored = u64(field);
        field += 8;
      }
      if (local === 0xffffffff) local = u64(field);
    }
    if (u32(local) !== 0x04034b50) throw broken('a damaged zip entry');
    const start = local + 30 + u16(local + 26) + u16(local + 28);
    if (start + stored > bytes.length) throw broken('a zip entry runs past the end of the file');
    // Bit 0: encrypted (a password-protected workbook is not a zip of XML at all, but be sure).
    const method = flags & 1 ? -1 : u16(at + 10);
    const name = strFromU8(bytes.subarray(at + 46, at + 46 + nameLength), !(flags & 0x800));
    entries.set(name, { start, stored, size, method });
    at = extraEnd + u16(at + 32);
  }
  return entries;
}

/**
 * One part of the file, taken from what is left of `budget.left` by its declared size, and
 * refused as soon as it inflates to more than that. DEFLATE expands at most 1032 to 1, so each
 * slice pushed is cut to what is left (at least 1 KiB): a lying part is stopped within about
 * 1 MiB past what it declared, whatever its real size.
 */
function inflateEntry(
  bytes: Uint8Array,
  name: string,
  entry: ZipEntry,
  budget: { left: number },
): Uint8Array {
  if (entry.size > budget.left) throw new XlsxTooLargeError(name);
  budget.left -= entry.size;
  const data = bytes.subarray(entry.start, entry.start + entry.stored);
  if (entry.method === 0) {
    if (data.length > entry.size) throw new XlsxTooLargeError(name);
    return data;
  }
  if (entry.method !== 8) throw new Error(`not an .xlsx: ${name} is not deflated`);
  const chunks: Uint8Array[] = [];
  let length = 0;
  const inflate = new Inflate((chunk) => {
    chunks.push(chunk);
    length += chunk.length;
  });
  for (let at = 0; at < data.length; ) {
    const slice = Math.min(64 * 1024, Math.max(1024, Math.floor((entry.size - length) / 1032)));
    inflate.push(data.subarray(at, at + slice), at + slice >= data.length);
    at += slice;
    if (length > entry.size) throw new XlsxTooLargeError(name);
  }
  return chunks.length === 1 ? (chunks[0] as Uint8Array) : Buffer.concat(chunks, length);
}

/** How a number format shows a number: as a date, a time, both, or (null) as a number. */
export type DateKind = 'date' | 'time' | 'dateTime';

/**
 * Excel's built-in date and time formats, as a Japanese Excel shows them (27–36 and 50–58 are the
 * 和暦 and 年月日 formats of the Japanese locale; 32 and 33 are 時分 and 時分秒).
 */
const builtInDateKinds = new Map<number, DateKind>([
  ...[14, 15, 16, 17, 27, 28, 29, 30, 31, 34, 35, 36].map((id) => [id, 'date'] as const),
  ...[50, 51, 52, 53, 54, 55, 56, 57, 58].map((id) => [id, 'date'] as const),
  ...[18, 19, 20, 21, 32, 33, 45, 46, 47].map((id) => [id, 'time'] as const),
  [22, 'dateTime'],
]);

/**
 * The kind of a custom format code: y, d, the 和暦 era (g, e) and m alone (a month) are date
 * parts, h and s time parts, where they are not quoted text ("年"), in brackets ([Red],
 * [$-ja-JP]), escaped (\h) or padding (_h, *h). 0.0"h", General (G/標準) and 0.00E+00 are numbers,
 * and so is an elapsed time ([h]:mm), which is a length of time, not a time of day.
 */
export function dateKindOf(code: string): DateKind | null {
  if (/\[(h+|m+|s+)\]/i.test(code)) return null;
  const parts = code
    .replace(/"[^"]*"|\[[^\]]*\]|\\.|[_*]./g, '')
    .toLowerCase()
    .replace(/general|g\/標準|e[+-]/g, '');
  const time = /[hs]/.test(parts);
  const date = /[ydge]/.test(parts) || (parts.includes('m') && !time);
  return date && time ? 'dateTime' : date ? 'date' : time ? 'time' : null;
}

/** The date kind of each cell style (the cell's `s`), from styles.xml. */
function dateStyles(styles: string): (DateKind | null)[] {
  const custom = new Map<number, string>();
  for (const match of upToLast(styles, '>').matchAll(/<numFmt\s[^>]*>/g)) {
    custom.set(Number(attribute(match[0], 'numFmtId')), attribute(match[0], 'formatCode') ?? '');
  }
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
  return [...upToLast(cellXfs, '>').matchAll(/<xf\b[^>]*>/g)].map((match) => {
    const id = Number(attribute(match[0], 'numFmtId') ?? 0);
    const code = custom.get(id);
    return code === undefined ? (builtInDateKinds.get(id) ?? null) : dateKindOf(code);
  });
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Days (Excel's serial days) as ISO dates: since 1899-12-30, or 1904-01-01 in a workbook from an
 * old Mac. A list has few distinct days over many rows, so each is worked out once.
 */
function dayTexts(date1904: boolean): (days: number) => string {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const known = new Map<number, string>();
  return (days) => {
    let text = known.get(days);
    if (text === undefined) {
      text = new Date(epoch + days * 86_400_000).toISOString().slice(0, 10);
      known.set(days, text);
    }
    return text;
  };
}

/**
 * A date cell as ISO text: Excel keeps the days, and the time of day as the fraction. The time is
 * given when the format shows one and it is not midnight; a time format's number under one day
 * is a time of day alone.
 */
function dateText(serial: number, kind: DateKind, dayText: (days: number) => string): XlsxCell {
  // Beyond 9999-12-31 (or negative) Excel shows ####: not a date to guess at.
  if (!(serial >= 0 && serial < 2_958_466)) return serial;
  // To the minute shown: 23:59:59.9 rounds to midnight of the next day. A date alone is the day
  // the cell shows, whatever its time.
  const whole = kind === 'date' ? Math.floor(serial) * 24 * 60 : Math.round(serial * 24 * 60);
  const days = Math.floor(whole / (24 * 60));
  const minutes = whole % (24 * 60);
  const time = `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
  if (kind === 'time' && serial < 1) return time;
  const date = dayText(days);
  return kind !== 'date' && minutes > 0 ? `${date} ${time}` : date;
}

export function readXlsx(bytes: Uint8Array): XlsxBook {
  // Only the parts read below are inflated, and all of them together within the limit.
  const entries = zipEntries(bytes);
  const budget = { left: maxXlsxInflatedBytes };
  const file = (path: string): string | null => {
    const entry = entries.get(path);
    return entry ? strFromU8(inflateEntry(bytes, path, entry, budget)) : null;
  };
  const workbook = file('xl/workbook.xml');
  if (!workbook) throw new Error('not an .xlsx: xl/workbook.xml is missing');
  const dayText = dayTexts(/<workbookPr\b[^>]*\sdate1904="(1|true)"/.test(workbook));
  const targets = new Map<string, string>();
  for (const match of upToLast(file('xl/_rels/workbook.xml.rels') ?? '', '>').matchAll(
    /<Relationship\s[^>]*>/g,
  )) {
    const id = attribute(match[0], 'Id');
    const target = attribute(match[0], 'Target');
    if (id && target) targets.set(id, resolve('xl/workbook.xml', target));
  }
  const shared: string[] = [];
  for (const match of upToLast(file('xl/sharedStrings.xml') ?? '', '</si>').matchAll(
    /<si>([\s\S]*?)<\/si>/g,
  )) {
    shared.push(textOf(match[1] as string));
  }
  const styles = dateStyles(file('xl/styles.xml') ?? '');

  const book: XlsxBook = {};
  for (const match of upToLast(workbook, '>').matchAll(/<sheet\s[^>]*>/g)) {
    const name = attribute(match[0], 'name') ?? '';
    const path = targets.get(attribute(match[0], 'r:id') ?? '');
    const xml = path ? file(path) : null;
    book[name] = xml ? readSheet(xml, shared, styles, dayText) : [];
  }
  return book;
}

function readSheet(
  xml: string,
  shared: readonly string[],
  styles: readonly (DateKind | null)[],
  dayText: (days: number) => string,
): XlsxCell[][] {
  const rows: XlsxCell[][] = [];
  const hasDates = styles.some((kind) => kind !== null);
  let rowNumber = 0;
  for (const rowMatch of upToLast(xml, '</row>').matchAll(
    /<row(\s[^>]*?)?(?:\/>|>([\s\S]*?)<\/row>)/g,
  )) {
    const r = attribute(rowMatch[1] ?? '', 'r');
    rowNumber = r ? Number(r) : rowNumber + 1;
    const cells: XlsxCell[] = [];
    let column = -1;
    for (const cellMatch of upToLast(rowMatch[2] ?? '', '</c>').matchAll(
      /<c(\s[^>]*?)?(?:\/>|>([\s\S]*?)<\/c>)/g,
    )) {
      const tag = cellMatch[1] ?? '';
      const ref = attribute(tag, 'r');
      column = ref ? columnIndex(ref.replace(/\d+$/, '')) : column + 1;
      const body = cellMatch[2] ?? '';
      const type = attribute(tag, 't');
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      let value: XlsxCell = null;
      if (type === 'inlineStr') value = textOf(body);
      else if (type === 's') value = shared[Number(v)] ?? null;
      else if (type === 'str' || type === 'e') value = v === undefined ? null : unescapeXml(v);
      else if (type === 'b') value = v === undefined ? null : Number(v);
      else if (v !== undefined) {
        const kind = hasDates ? styles[Number(/\ss="(\d+)"/.exec(tag)?.[1] ?? 0)] : null;
        value = kind ? dateText(Number(v), kind, dayText) : Number(v);
      }
      while (cells.length < column) cells.push(null);
      cells[column] = value;
    }
    while (rows.length < rowNumber - 1) rows.push([]);
    rows[rowNumber - 1] = cells;
  }
  return rows;
}
