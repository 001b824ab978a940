import { createHash, randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import type { Lang } from '../../domain/errors';
import {
  maxBulkImportFileBytes,
  maxBulkImportRows,
} from '../../domain/imports/bulk-import-columns';
import { parseDateInput } from '../../domain/text/wareki';
import { authorize } from '../access/authorize';
import { recordAudit } from '../audit/record-audit';
import type { Database } from '../db/schema';
import type { ImportLinkKind } from '../db/schema-imports';
import type { ActorContext, AppDeps } from '../http/context';
import { CsvSyntaxError, parseCsv } from '../http/csv';
import {
  type CsvColumn,
  type CsvTable,
  type CsvTableRow,
  type ImportAction,
  type ImportProblem,
  type ImportReport,
  importMessage,
  tableFromRecords,
} from '../http/csv-import';
import { forbidden } from '../http/domain-error';
import { readXlsx } from '../http/xlsx-read';
import { insertRows } from './insert-rows';

/**
 * 一括取り込み (issue 6): the lists agencies keep in Excel today, as CSV or .xlsx (told apart by
 * content), for persons, cases and contact records. Every row carries the agency's own id (管理番号 /
 * 記録番号), kept in `import_link` beside the record it made, so a re-run of the same file
 * reports every row unchanged and writes nothing. Nothing is written while any row has a
 * problem; a dry run only reports. Rows are written set-based, 1,000 to an insert, in one
 * transaction, with one audit row naming the count.
 */
export const bulkImportBody = z
  .object({
    csv: z.string().min(1, 'required').max(20_000_000).optional(),
    /** An .xlsx (or a CSV) as base64, for files the browser does not read as text. */
    file: z
      .string()
      .min(1, 'required')
      .max(Math.ceil(maxBulkImportFileBytes / 3) * 4)
      .optional(),
    dryRun: z.boolean().default(false),
  })
  .refine((b) => b.csv !== undefined || b.file !== undefined, {
    message: 'required',
    path: ['csv'],
  });
export type BulkImportInput = z.output<typeof bulkImportBody>;

/**
 * The request body of an import may be this large (the app's limit for `/api/imports/*`): a
 * base64 file at the schema's limit, and its JSON around it.
 */
export const maxBulkImportBodyBytes = 32 * 1024 * 1024;
const batchSize = 1000;
/** The first key of the imports' advisory locks (arbitrary, constant: "tsunagu bulk import"). */
const importLockSpace = 7_390_113;

export const messages = {
  required: { ja: '入力してください。', en: 'Please fill this in.' },
  badDate: {
    ja: '「{value}」は日付として読み取れません。2024-04-01 や 令和6年4月1日 の形で入れてください。',
    en: '“{value}” is not a date. Use 2024-04-01 or 令和6年4月1日.',
  },
  badDateTime: {
    ja: '「{value}」は日時として読み取れません。2024-04-01 10:30 の形で入れてください。',
    en: '“{value}” is not a date and time. Use 2024-04-01 10:30.',
  },
  tooLong: { ja: '{max}文字以内で入れてください。', en: 'Use at most {max} characters.' },
  unknownCase: {
    ja: '「{value}」の相談が見つかりません。管理番号または相談番号を確認してください。',
    en: 'No case “{value}” was found. Please check the reference or case number.',
  },
  noCaseRef: {
    ja: '相談を特定できません。管理番号または相談番号を入れてください。',
    en: 'The case cannot be identified. Fill in the reference or the case number.',
  },
  changedSinceImport: {
    ja: 'この番号は取り込み済みで、内容が前回と異なります。変更は画面から行ってください。',
    en: 'This reference was imported before with different content. Make changes on screen.',
  },
  duplicateRef: {
    ja: '同じ番号が{row}行目にもあります。1つの番号は1行にしてください。',
    en: 'The same reference is also on row {row}. Keep one row per reference.',
  },
  unreadableXlsx: {
    ja: 'Excelファイルとして読み取れませんでした。保存し直すか、CSVで書き出してください。',
    en: 'The file could not be read as an Excel workbook. Save it again or export it as CSV.',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export function message(
  key: keyof typeof messages,
  lang: Lang,
  params: Record<string, string | number> = {},
): string {
  return messages[key][lang].replace(/\{(\w+)\}/g, (_, n: string) => String(params[n] ?? ''));
}

/**
 * A CSV file's text: UTF-8 (with or without a byte-order mark), or — when the bytes are not
 * UTF-8 — Shift_JIS, as Excel on a Japanese PC saves a plain "CSV (コンマ区切り)".
 */
function csvText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('shift_jis').decode(bytes);
  }
}

/** The file's rows as text cells: an .xlsx (a zip, "PK") is read from its first sheet. */
export function fileRecords(
  input: BulkImportInput,
  lang: Lang,
): { records: { row: number; cells: string[] }[] } | { problem: ImportProblem } {
  const bytes = input.file !== undefined ? Buffer.from(input.file, 'base64') : null;
  if (bytes && bytes[0] === 0x50 && bytes[1] === 0x4b) {
    try {
      const book = readXlsx(bytes);
      const sheet = Object.values(book)[0] ?? [];
      return {
        records: sheet
          .map((cells, i) => ({
            row: i + 1,
            cells: cells.map((c) => (c === null ? '' : String(c))),
          }))
          .filter((r) => r.row === 1 || r.cells.some((c) => c.trim() !== '')),
      };
    } catch {
      return { problem: { row: 1, column: null, message: message('unreadableXlsx', lang) } };
    }
  }
  const text = bytes ? csvText(bytes) : (input.csv ?? '');
  try {
    return { records: parseCsv(text) };
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    return {
      problem: {
        row: error.row,
        column: null,
        message: importMessage('unreadable', lang, { row: error.row }),
      },
    };
  }
}

/**
 * A date typed as 西暦 or 和暦. An .xlsx date cell arrives as ISO text already: the reader knows
 * it by its date format. A bare number is not taken for Excel's serial days, since a column of
 * birth years (1985) would become dates in 1905. Dates before 1900 or more than a year ahead are
 * slips of the keyboard, for birth dates and contact dates alike.
 */
export function dateFromCell(cell: string): string | null {
  const date = parseDateInput(cell);
  const latest = new Date(Date.now() + 366 * 86_400_000).toISOString().slice(0, 10);
  return date !== null && date >= '1900-01-01' && date <= latest ? date : null;
}

/** 日時 as Japan time: a date as `dateFromCell` takes it and an optional HH:MM. */
export function dateTimeFromCell(cell: string): string | null {
  const text = cell.normalize('NFKC').trim();
  const match = /^(.*?)(?:[\sT]+(\d{1,2})[:時](\d{2})分?(?::\d{2})?)?$/.exec(text);
  if (!match) return null;
  const date = dateFromCell(match[1] ?? '');
  if (!date) return null;
  const hour = Number(match[2] ?? 0);
  const minute = Number(match[3] ?? 0);
  if (hour > 23 || minute > 59) return null;
  return `${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+09:00`;
}

/** A row's record as its import link keeps it: a hash of its JSON. */
export function fingerprint(values: unknown): string {
  return createHash('sha256').update(JSON.stringify(values)).digest('base64url');
}

interface Checked<R> {
  row: number;
  ref: string;
  record: R;
  fingerprint: string;
}

export interface KindSpec<K extends string, R> {
  link: ImportLinkKind;
  columns: readonly CsvColumn<K>[];
  /**
   * Checks one row; problems name the column as the file does. The record is what the file says,
   * its numbers and names resolved to ids, and never who imports it: it is fingerprinted, and a
   * colleague's re-run of the same file must match. A blank cell stays blank here; a default that
   * depends on the importer (the lead worker) is `insert`'s.
   */
  check: (
    values: Partial<Record<K, string>>,
    row: number,
    problem: (key: K, text: string) => void,
  ) => R | null;
  /** Writes the new rows (ids chosen here, so the links need no round trip). */
  insert: (trx: Kysely<Database>, rows: { id: string; record: R }[]) => Promise<void>;
  /** The person a new row is about, for the audit row (null: not known here). */
  personOf: (id: string, record: R) => string | null;
  /**
   * The row's record as an older version fingerprinted it, when that differs (null: it did not),
   * so a link written before the change still reads as unchanged instead of changed since import.
   */
  formerRecord?: (ref: string, record: R) => R | null;
}

/** Values for `in (…)`, a few thousand at a time (a statement's parameters are bounded). */
/**
 * `= any($1::text[])`: a list of references travels as one array parameter instead of one
 * parameter each. Parsing and planning thousands of parameters cost more than the lookup: on PGlite
 * the import's look-ups of 5,000 numbers went 17 → 11 ms each.
 */
export function anyOf(values: readonly string[]) {
  return sql<string>`any(${values}::text[])`;
}

export function inChunks<T>(values: readonly T[], size = 5000): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < values.length; i += size) chunks.push(values.slice(i, i + size));
  return chunks;
}

/** The distinct non-empty cells of one column, as a reference is compared (NFKC, trimmed). */
export function refsIn<K extends string>(rows: readonly CsvTableRow<K>[], key: K): string[] {
  const refs = new Set<string>();
  for (const { values } of rows) {
    const ref = (values[key] ?? '').normalize('NFKC').trim();
    if (ref !== '') refs.add(ref);
  }
  return [...refs];
}

/** The whole import of one file: check, match by reference, then write or only report. */
export async function runBulkImport<K extends string, R>(
  deps: AppDeps,
  ctx: ActorContext,
  input: BulkImportInput,
  spec: KindSpec<K, R>,
  /** Loads what the rows refer to (people, cases, workers), for `check`. */
  prepare: (db: Kysely<Database>, rows: readonly CsvTableRow<K>[]) => Promise<void>,
): Promise<ImportReport> {
  const lang = ctx.lang;
  const municipalityId = ctx.actor.municipalityId;
  const agencyId = importingAgencyId(ctx, spec.link);
  const empty = (problems: ImportProblem[]): ImportReport => ({
    dryRun: input.dryRun,
    applied: false,
    created: 0,
    updated: 0,
    unchanged: 0,
    rows: [],
    problems,
  });
  const read = fileRecords(input, lang);
  if ('problem' in read) return empty([read.problem]);
  const table: CsvTable<K> = tableFromRecords(read.records, spec.columns, lang, maxBulkImportRows);
  if (table.rows.length === 0 && table.problems.length > 0) return empty(table.problems);
  const headingOf = (key: K) =>
    table.headings[key] ?? spec.columns.find((c) => c.key === key)?.header[lang] ?? key;

  const analyse = async (db: Kysely<Database>) => {
    await prepare(db, table.rows);
    const problems = [...table.problems];
    const checked: Checked<R>[] = [];
    const firstRow = new Map<string, number>();
    for (const { row, values } of table.rows) {
      let ok = true;
      const problem = (key: K, text: string) => {
        ok = false;
        problems.push({ row, column: headingOf(key), message: text });
      };
      const ref = (values['ref' as K] ?? '').normalize('NFKC').trim();
      if (ref === '') problem('ref' as K, message('required', lang));
      else if (firstRow.has(ref)) {
        problem('ref' as K, message('duplicateRef', lang, { row: firstRow.get(ref) ?? 0 }));
      } else firstRow.set(ref, row);
      const record = spec.check(values, row, problem);
      if (ok && record) checked.push({ row, ref, record, fingerprint: fingerprint(record) });
    }
    const links = new Map<string, string>();
    for (const refs of inChunks(checked.map((c) => c.ref))) {
      const found = await db
        .selectFrom('import_link')
        .select(['external_ref', 'fingerprint'])
        .where('municipality_id', '=', municipalityId)
        .where('support_agency_id', '=', agencyId)
        .where('kind', '=', spec.link)
        .where('external_ref', '=', anyOf(refs))
        .execute();
      for (const f of found) links.set(f.external_ref, f.fingerprint);
    }
    const formerFingerprint = (c: Checked<R>) => {
      const former = spec.formerRecord?.(c.ref, c.record);
      return former ? fingerprint(former) : null;
    };
    const planned: (Checked<R> & { action: ImportAction })[] = [];
    for (const c of checked) {
      const stored = links.get(c.ref);
      if (stored === undefined) planned.push({ ...c, action: 'create' });
      else if (stored === c.fingerprint || stored === formerFingerprint(c))
        planned.push({ ...c, action: 'unchanged' });
      else
        problems.push({
          row: c.row,
          column: headingOf('ref' as K),
          message: message('changedSinceImport', lang),
        });
    }
    problems.sort((a, b) => a.row - b.row);
    return { planned, problems };
  };

  const report = (
    planned: (Checked<R> & { action: ImportAction })[],
    problems: ImportProblem[],
    applied: boolean,
  ): ImportReport => ({
    dryRun: input.dryRun,
    applied,
    created: planned.filter((p) => p.action === 'create').length,
    updated: 0,
    unchanged: planned.filter((p) => p.action === 'unchanged').length,
    rows: planned.map((p) => ({ row: p.row, name: p.ref, action: p.action })),
    problems,
  });

  if (input.dryRun || table.problems.length > 0) {
    const { planned, problems } = await analyse(deps.database.db);
    return report(planned, problems, false);
  }
  return deps.database.db.transaction().execute(async (trx) => {
    // One import of a kind per agency at a time, taken before reading what was imported already:
    // the same file sent twice at once (a double click, two tabs) waits for the first and then
    // finds every row unchanged, instead of failing on the first one's links. On PGlite, with its
    // one connection, transactions are serial anyway.
    await sql`select pg_advisory_xact_lock(${sql.lit(importLockSpace)}, hashtext(${`${municipalityId}/${agencyId}/${spec.link}`}::text))`.execute(
      trx,
    );
    const { planned, problems } = await analyse(trx);
    if (problems.length > 0) return report(planned, problems, false);
    const fresh = planned
      .filter((p) => p.action === 'create')
      .map((p) => ({ ...p, id: randomUUID() }));
    for (let i = 0; i < fresh.length; i += batchSize) {
      const batch = fresh.slice(i, i + batchSize);
      await spec.insert(trx, batch);
      await insertRows(
        trx,
        'import_link',
        {
          municipality_id: 'uuid',
          support_agency_id: 'uuid',
          kind: 'text',
          external_ref: 'text',
          record_id: 'uuid',
          fingerprint: 'text',
        },
        batch.map((p) => ({
          municipality_id: municipalityId,
          support_agency_id: agencyId,
          kind: spec.link,
          external_ref: p.ref,
          record_id: p.id,
          fingerprint: p.fingerprint,
        })),
      );
    }
    await recordAudit(trx, ctx, {
      action: `${spec.link}.import`,
      outcome: 'success',
      subjectType: spec.link === 'contact' ? 'contact_record' : spec.link,
      legalBasis: 'administration',
      personIds: [
        ...new Set(fresh.map((p) => spec.personOf(p.id, p.record)).filter((id) => id !== null)),
      ],
      detail: { created: fresh.length, unchanged: planned.length - fresh.length },
    });
    return report(planned, problems, true);
  });
}

/**
 * The agency whose numbers the file holds: the importer's own. A worker of no support agency has
 * no numbering to import under (nor cases to open), so is refused.
 */
function importingAgencyId(ctx: ActorContext, subjectType: string): string {
  if (!ctx.actor.supportAgencyId) throw forbidden({ action: 'case.create', subjectType });
  return ctx.actor.supportAgencyId;
}

/** Imports are support work: `case.create`, by a worker of a support agency (returned). */
export function authorizeImport(ctx: ActorContext, subjectType: string): string {
  authorize(
    ctx.actor,
    'case.create',
    { municipalityId: ctx.actor.municipalityId },
    { subjectType },
  );
  return importingAgencyId(ctx, subjectType);
}
