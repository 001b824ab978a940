import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Lang } from '../../domain/errors';
import { fieldMessage } from '../../domain/field-messages';
import type { Database } from '../db/schema';
import type { AppDeps } from './context';
import { CsvSyntaxError, csvValue, parseCsv } from './csv';
import { toFieldProblems } from './validate';

/**
 * The shared half of a directory's CSV import (partner agencies, social resources): the file is
 * the export's own format, its header in Japanese or English; each problem names the row as the
 * spreadsheet numbers it (the header is row 1), the column as the file names it, and what to fix,
 * in the user's language. Each directory matches its rows to existing records and writes them.
 */
export interface CsvColumn<K extends string = string> {
  key: K;
  header: Record<Lang, string>;
  /** The column must be in the file (a new record cannot be made without it). */
  required?: boolean;
}

export interface ImportProblem {
  row: number;
  column: string | null;
  message: string;
}

export type ImportAction = 'create' | 'update' | 'unchanged';

/** What an import did, or would do on a dry run. Nothing is written while any row has a problem. */
export interface ImportReport {
  dryRun: boolean;
  applied: boolean;
  created: number;
  updated: number;
  unchanged: number;
  rows: { row: number; name: string; action: ImportAction }[];
  problems: ImportProblem[];
}

/** A row checked and matched to what is stored: what importing it will do. */
export interface PlannedImportRow<I extends { name: string }, C> {
  row: number;
  input: I;
  current: C | undefined;
  action: ImportAction;
}

/**
 * The beats every directory import shares. A dry run, or a file that could not be read, only
 * reports what was found; otherwise every row is checked again inside one transaction (so what is
 * written is what was checked) and written only if no row has a problem. `write` makes the
 * changes and the audit row, and returns nothing; the report says what happened.
 */
export async function runImport<P extends PlannedImportRow<{ name: string }, unknown>>(
  deps: AppDeps,
  options: { dryRun: boolean; fileProblems: number; lang: Lang; nameHeading: string | null },
  analyseRows: (db: Kysely<Database>) => Promise<{ planned: P[]; problems: ImportProblem[] }>,
  write: (trx: Kysely<Database>, planned: P[]) => Promise<void>,
): Promise<ImportReport> {
  // Each directory checks its rows; two rows naming the same record are refused here, for both.
  const analyse = async (db: Kysely<Database>) => {
    const { planned, problems } = await analyseRows(db);
    problems.push(
      ...duplicateRows(
        planned.map((p) => ({ row: p.row, name: p.input.name })),
        options.lang,
        options.nameHeading,
      ),
    );
    problems.sort((a, b) => a.row - b.row);
    return { planned, problems };
  };
  const report = (planned: P[], problems: ImportProblem[], applied: boolean): ImportReport => ({
    dryRun: options.dryRun,
    applied,
    created: planned.filter((p) => p.action === 'create').length,
    updated: planned.filter((p) => p.action === 'update').length,
    unchanged: planned.filter((p) => p.action === 'unchanged').length,
    rows: planned.map((p) => ({ row: p.row, name: p.input.name, action: p.action })),
    problems,
  });
  if (options.dryRun || options.fileProblems > 0) {
    const { planned, problems } = await analyse(deps.database.db);
    return report(planned, problems, false);
  }
  return deps.database.db.transaction().execute(async (trx) => {
    const { planned, problems } = await analyse(trx);
    if (problems.length > 0) return report(planned, problems, false);
    await write(trx, planned);
    return report(planned, problems, true);
  });
}

/** The file as text (read by the browser, UTF-8 with or without BOM) and whether only to check it. */
export const csvImportBody = z.object({
  csv: z.string().min(1, 'required').max(1_500_000),
  dryRun: z.boolean().default(false),
});

/** A municipality's directory is hundreds of rows; one file is bounded well above that. */
export const maxImportRows = 3000;

const importMessages = {
  unreadable: {
    ja: 'CSVとして読み取れませんでした（{row}行目付近で「"」の対応が取れていません）。ファイルを確認してください。',
    en: 'The file could not be read as CSV (unmatched quotation mark near row {row}). Please check it.',
  },
  noRows: {
    ja: 'データの行がありません。1行目に見出し、2行目から内容を入れてください。',
    en: 'There are no data rows. Put the headings on row 1 and the entries from row 2.',
  },
  tooManyRows: {
    ja: '一度に取り込めるのは{max}行までです。ファイルを分けてください。',
    en: 'At most {max} rows can be imported at once. Please split the file.',
  },
  unknownColumn: {
    ja: 'この見出しの列は取り込めません。書き出したCSVの見出しをそのまま使ってください。',
    en: 'This heading is not one of the columns. Use the headings of the exported file as they are.',
  },
  duplicateColumn: {
    ja: '同じ見出しの列が2つあります。1つにしてください。',
    en: 'Two columns have this heading. Keep one.',
  },
  missingColumn: {
    ja: 'この列は必須です。見出し行に加えてください。',
    en: 'This column is required. Please add it to the heading row.',
  },
  extraCells: {
    ja: '見出しより多くの列に値が入っています。区切りの「,」を確認してください。',
    en: 'This row has more values than there are headings. Please check the commas.',
  },
  duplicateRow: {
    ja: '同じ名称が{row}行目にもあります。1つの名称は1行にまとめてください。',
    en: 'The same name is also on row {row}. Keep one row per name.',
  },
  unknownPartner: {
    ja: '関係機関一覧に「{value}」が見つかりません。関係機関の名称を確認してください。',
    en: '“{value}” is not in the partner agency directory. Please check the name.',
  },
  unknownDistrict: {
    ja: '地区「{value}」が見つかりません。自治体情報に登録された地区名を入れてください。',
    en: 'There is no district “{value}”. Use a district registered for the municipality.',
  },
  invalidChoice: {
    ja: '「{value}」は選択肢にありません。{choices}のいずれかを入れてください。',
    en: '“{value}” is not one of the choices. Use one of: {choices}.',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type ImportMessageKey = keyof typeof importMessages;

export function importMessage(
  key: ImportMessageKey,
  lang: Lang,
  params: Record<string, string | number> = {},
): string {
  return importMessages[key][lang].replace(/\{(\w+)\}/g, (_, name: string) =>
    String(params[name] ?? ''),
  );
}

export interface CsvTableRow<K extends string> {
  row: number;
  /** The cells of the columns present in the file, by column key; formula guards taken off. */
  values: Partial<Record<K, string>>;
}

export interface CsvTable<K extends string> {
  rows: CsvTableRow<K>[];
  /** The heading each column has in this file, to name it in a problem. */
  headings: Partial<Record<K, string>>;
  problems: ImportProblem[];
}

/**
 * Reads the file into rows by column. Problems with the file as a whole (unreadable, headings)
 * stop here; the rows are then checked by the directory.
 */
export function readCsvTable<K extends string>(
  text: string,
  columns: readonly CsvColumn<K>[],
  lang: Lang,
): CsvTable<K> {
  const fail = (problem: ImportProblem): CsvTable<K> => ({
    rows: [],
    headings: {},
    problems: [problem],
  });
  let records: ReturnType<typeof parseCsv>;
  try {
    records = parseCsv(text);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    return fail({
      row: error.row,
      column: null,
      message: importMessage('unreadable', lang, { row: error.row }),
    });
  }
  return tableFromRecords(records, columns, lang);
}

/**
 * The rows of a file already split into cells (CSV, or an .xlsx sheet), read by column as
 * `readCsvTable` does. `maxRows` is larger for a bulk import than for a directory.
 */
export function tableFromRecords<K extends string>(
  records: { row: number; cells: string[] }[],
  columns: readonly CsvColumn<K>[],
  lang: Lang,
  maxRows: number = maxImportRows,
): CsvTable<K> {
  const fail = (problem: ImportProblem): CsvTable<K> => ({
    rows: [],
    headings: {},
    problems: [problem],
  });
  const [header, ...data] = records;
  if (!header || data.length === 0) {
    return fail({ row: header?.row ?? 1, column: null, message: importMessage('noRows', lang) });
  }
  if (data.length > maxRows) {
    return fail({
      row: 1,
      column: null,
      message: importMessage('tooManyRows', lang, { max: maxRows }),
    });
  }

  const problems: ImportProblem[] = [];
  const headings: Partial<Record<K, string>> = {};
  const positions: (K | null)[] = header.cells.map((cell) => {
    const heading = cell.trim();
    if (heading === '') return null;
    const column = columns.find((c) => c.header.ja === heading || c.header.en === heading);
    if (!column) {
      problems.push({
        row: header.row,
        column: heading,
        message: importMessage('unknownColumn', lang),
      });
      return null;
    }
    if (headings[column.key] !== undefined) {
      problems.push({
        row: header.row,
        column: heading,
        message: importMessage('duplicateColumn', lang),
      });
      return null;
    }
    headings[column.key] = heading;
    return column.key;
  });
  for (const column of columns) {
    if (column.required && headings[column.key] === undefined) {
      problems.push({
        row: header.row,
        column: column.header[lang],
        message: importMessage('missingColumn', lang),
      });
    }
  }
  if (problems.length > 0) return { rows: [], headings, problems };

  const rows: CsvTableRow<K>[] = [];
  for (const record of data) {
    if (record.cells.slice(positions.length).some((c) => c.trim() !== '')) {
      problems.push({ row: record.row, column: null, message: importMessage('extraCells', lang) });
      continue;
    }
    const values: Partial<Record<K, string>> = {};
    for (const [i, key] of positions.entries()) {
      if (key) values[key] = csvValue(record.cells[i] ?? '');
    }
    rows.push({ row: record.row, values });
  }
  return { rows, headings, problems };
}

/** A row's values checked by the directory's request schema; problems named by column. */
export function parseRow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  row: number,
  headingOf: (field: string) => string | null,
  lang: Lang,
): { data: z.output<S> } | { problems: ImportProblem[] } {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return { data: result.data };
  return {
    problems: toFieldProblems(result.error).map((p) => ({
      row,
      column: headingOf(p.path.split('.')[0] ?? ''),
      message: fieldMessage(p.key, lang, p.params),
    })),
  };
}

/**
 * What a cell may say for each code of a choice list: the code, its Japanese label (NFKC) and its
 * English one (lower case). Made once per list, as a bulk file asks it up to 50,000 times.
 */
const choiceLookups = new WeakMap<object, Map<string, string>>();

function choiceLookup<T extends string>(
  labels: Record<T, { ja: string; en: string }>,
): Map<string, T> {
  let lookup = choiceLookups.get(labels);
  if (!lookup) {
    const all = Object.keys(labels) as T[];
    const made = new Map<string, string>(all.map((c) => [c, c]));
    for (const c of all) {
      for (const word of [labels[c].ja.normalize('NFKC'), labels[c].en.toLowerCase()]) {
        if (!made.has(word)) made.set(word, c);
      }
    }
    lookup = made;
    choiceLookups.set(labels, lookup);
  }
  return lookup as Map<string, T>;
}

/** The code a cell names (null: the cell is empty; undefined: it names none of these codes). */
function codeOf<T extends string>(
  cell: string,
  codes: readonly T[],
  labels: Record<T, { ja: string; en: string }>,
): T | null | undefined {
  const text = cell.normalize('NFKC').trim();
  if (text === '') return null;
  const lookup = choiceLookup(labels);
  const code = lookup.get(text) ?? lookup.get(text.toLowerCase());
  // Only the codes this list offers (a list may be part of a larger table of labels).
  return code !== undefined && codes.includes(code) ? code : undefined;
}

/** A cell that must be one of a few labels (in either language) or codes: its code, or a problem. */
export function choiceFromCell<T extends string>(
  cell: string,
  codes: readonly T[],
  labels: Record<T, { ja: string; en: string }>,
  lang: Lang,
): { code: T | null } | { message: string } {
  const code = codeOf(cell, codes, labels);
  if (code !== undefined) return { code };
  return {
    message: importMessage('invalidChoice', lang, {
      value: cell.trim(),
      choices: codes
        .map((c) => (lang === 'ja' ? `「${labels[c].ja}」` : `“${labels[c].en}”`))
        .join(lang === 'ja' ? '、' : ', '),
    }),
  };
}

/** A list in one cell, as the export writes it (「、」), also taking commas and semicolons. */
export function listFromCell(cell: string): string[] {
  return cell
    .split(/[、,，;；\r\n]+/)
    .map((v) => v.trim())
    .filter(Boolean);
}

/**
 * Several choices in one cell, as `listFromCell` splits them; a label that itself holds a
 * separator (「仕事探し、就職について」, “Illness, health, disability”) is taken whole first, so
 * the form's own wording can be pasted. Each piece that is no choice gives its message.
 */
export function choicesFromCell<T extends string>(
  cell: string,
  codes: readonly T[],
  labels: Record<T, { ja: string; en: string }>,
  lang: Lang,
): { codes: T[]; messages: string[] } {
  // Pieces at even positions, the separators between them at odd ones.
  const parts = cell.split(/([、,，;；\r\n]+)/);
  const pieces = parts.filter((_, i) => i % 2 === 0);
  const joined = (from: number, to: number) => parts.slice(from * 2, to * 2 + 1).join('');
  const found: T[] = [];
  const messages: string[] = [];
  let i = 0;
  while (i < pieces.length) {
    let next = i + 1;
    for (let j = pieces.length - 1; j > i; j--) {
      const longer = codeOf(joined(i, j), codes, labels);
      if (longer) {
        if (!found.includes(longer)) found.push(longer);
        next = j + 1;
        break;
      }
    }
    if (next === i + 1) {
      const one = choiceFromCell(pieces[i] ?? '', codes, labels, lang);
      if ('message' in one) messages.push(one.message);
      else if (one.code && !found.includes(one.code)) found.push(one.code);
    }
    i = next;
  }
  return { codes: found, messages };
}

/** Rows naming the same record twice: the later row is a problem pointing at the first. */
export function duplicateRows(
  rows: { row: number; name: string }[],
  lang: Lang,
  column: string | null,
): ImportProblem[] {
  const first = new Map<string, number>();
  const problems: ImportProblem[] = [];
  for (const { row, name } of rows) {
    const seen = first.get(name);
    if (seen === undefined) first.set(name, row);
    else
      problems.push({ row, column, message: importMessage('duplicateRow', lang, { row: seen }) });
  }
  return problems;
}
