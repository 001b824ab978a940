import { strFromU8, unzipSync } from 'fflate';

/**
 * Reads an .xlsx (an agency's list for a bulk import; in tests, the server's own exports):
 * every sheet by its tab name, as rows of cells, with the row and column each cell says it is in.
 * Numbers come back as numbers (dates as Excel serial days, percentages as fractions), text as
 * text, whether written inline or through the shared-string table (as Excel saves it), and empty
 * cells as null. Enough XML for SpreadsheetML cells; not a general spreadsheet reader.
 */
export type XlsxCell = string | number | null;
export type XlsxBook = Record<string, XlsxCell[][]>;

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

/** The text of all <t> runs inside an element (rich text has several). */
function textOf(xml: string): string {
  let text = '';
  for (const match of xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) {
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

export function readXlsx(bytes: Uint8Array): XlsxBook {
  const files = unzipSync(bytes);
  const file = (path: string): string | null => {
    const data = files[path];
    return data ? strFromU8(data) : null;
  };
  const workbook = file('xl/workbook.xml');
  if (!workbook) throw new Error('not an .xlsx: xl/workbook.xml is missing');
  const targets = new Map<string, string>();
  for (const match of (file('xl/_rels/workbook.xml.rels') ?? '').matchAll(
    /<Relationship\s[^>]*>/g,
  )) {
    const id = attribute(match[0], 'Id');
    const target = attribute(match[0], 'Target');
    if (id && target) targets.set(id, resolve('xl/workbook.xml', target));
  }
  const shared: string[] = [];
  for (const match of (file('xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)) {
    shared.push(textOf(match[1] as string));
  }

  const book: XlsxBook = {};
  for (const match of workbook.matchAll(/<sheet\s[^>]*>/g)) {
    const name = attribute(match[0], 'name') ?? '';
    const path = targets.get(attribute(match[0], 'r:id') ?? '');
    const xml = path ? file(path) : null;
    book[name] = xml ? readSheet(xml, shared) : [];
  }
  return book;
}

function readSheet(xml: string, shared: readonly string[]): XlsxCell[][] {
  const rows: XlsxCell[][] = [];
  let rowNumber = 0;
  for (const rowMatch of xml.matchAll(/<row(\s[^>]*?)?(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const r = attribute(rowMatch[1] ?? '', 'r');
    rowNumber = r ? Number(r) : rowNumber + 1;
    const cells: XlsxCell[] = [];
    let column = -1;
    for (const cellMatch of (rowMatch[2] ?? '').matchAll(
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
      else if (v !== undefined) value = Number(v);
      while (cells.length < column) cells.push(null);
      cells[column] = value;
    }
    while (rows.length < rowNumber - 1) rows.push([]);
    rows[rowNumber - 1] = cells;
  }
  return rows;
}
