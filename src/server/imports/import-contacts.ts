import { type ContactMode, contactModeLabels, contactModes } from '../../domain/cases/vocabulary';
import {
  type ContactImportKey,
  contactImportColumns,
} from '../../domain/imports/bulk-import-columns';
import { ScopedReader } from '../access/scoped-reader';
import type { ActorContext, AppDeps } from '../http/context';
import { choiceFromCell, type ImportReport } from '../http/csv-import';
import { insertRows } from './insert-rows';
import {
  anyOf,
  authorizeImport,
  type BulkImportInput,
  dateTimeFromCell,
  inChunks,
  type KindSpec,
  message,
  refsIn,
  runBulkImport,
} from './run-bulk-import';

interface ContactRecordInput {
  caseId: string;
  occurredAt: string;
  mode: ContactMode;
  summary: string;
}

/** 支援経過記録 from a list: the case by 管理番号 (as imported) or 相談番号, 日時, 方法, 内容. */
export async function importContacts(
  deps: AppDeps,
  ctx: ActorContext,
  input: BulkImportInput,
): Promise<ImportReport> {
  const agencyId = authorizeImport(ctx, 'contact_record');
  const lang = ctx.lang;
  const byCaseNumber = new Map<string, string>();
  const byCaseRef = new Map<string, string>();
  const personOfCase = new Map<string, string>();
  const spec: KindSpec<ContactImportKey, ContactRecordInput> = {
    link: 'contact',
    personOf: (_, r) => personOfCase.get(r.caseId) ?? null,
    columns: contactImportColumns,
    check: (values, _row, problem) => {
      const caseRef = (values.caseRef ?? '').normalize('NFKC').trim();
      const caseNumber = (values.caseNumber ?? '').normalize('NFKC').trim();
      let caseId: string | undefined;
      if (caseRef !== '') {
        caseId = byCaseRef.get(caseRef);
        if (!caseId) problem('caseRef', message('unknownCase', lang, { value: caseRef }));
      } else if (caseNumber !== '') {
        caseId = byCaseNumber.get(caseNumber);
        if (!caseId) problem('caseNumber', message('unknownCase', lang, { value: caseNumber }));
      } else {
        problem(
          contactImportColumns.some((c) => c.key === 'caseRef') ? 'caseRef' : 'caseNumber',
          message('noCaseRef', lang),
        );
      }
      const occurredText = (values.occurredAt ?? '').trim();
      const occurredAt = occurredText === '' ? null : dateTimeFromCell(occurredText);
      if (occurredText === '') problem('occurredAt', message('required', lang));
      else if (!occurredAt)
        problem('occurredAt', message('badDateTime', lang, { value: occurredText }));
      let mode: ContactMode | null = null;
      const modeChoice = choiceFromCell(values.mode ?? '', contactModes, contactModeLabels, lang);
      if ('message' in modeChoice) problem('mode', modeChoice.message);
      else if (!modeChoice.code) problem('mode', message('required', lang));
      else mode = modeChoice.code;
      const summary = (values.summary ?? '').trim();
      if (summary === '') problem('summary', message('required', lang));
      else if (summary.length > 10_000)
        problem('summary', message('tooLong', lang, { max: 10_000 }));
      if (!caseId || !occurredAt || !mode || summary === '' || summary.length > 10_000) return null;
      return { caseId, occurredAt, mode, summary };
    },
    insert: async (trx, rows) => {
      await insertRows(
        trx,
        'contact_record',
        {
          id: 'uuid',
          municipality_id: 'uuid',
          case_id: 'uuid',
          occurred_at: 'timestamptz',
          mode: 'text',
          summary: 'text',
          recorded_by: 'uuid',
        },
        rows.map(({ id, record: r }) => ({
          id,
          municipality_id: ctx.actor.municipalityId,
          case_id: r.caseId,
          occurred_at: r.occurredAt,
          mode: r.mode,
          summary: r.summary,
          recorded_by: ctx.actor.userId,
        })),
      );
    },
  };
  return runBulkImport(deps, ctx, input, spec, async (db, rows) => {
    byCaseNumber.clear();
    byCaseRef.clear();
    personOfCase.clear();
    // The cases the file names — by the number this agency imported them under, or by 相談番号
    // where a row has no such number — and of those, only the ones the worker may see.
    const linked = new Map<string, string>();
    for (const refs of inChunks(refsIn(rows, 'caseRef'))) {
      for (const l of await db
        .selectFrom('import_link')
        .select(['external_ref', 'record_id'])
        .where('municipality_id', '=', ctx.actor.municipalityId)
        .where('support_agency_id', '=', agencyId)
        .where('kind', '=', 'case')
        .where('external_ref', '=', anyOf(refs))
        .execute()) {
        linked.set(l.external_ref, l.record_id);
      }
    }
    const numbers = refsIn(
      rows.filter((r) => (r.values.caseRef ?? '').trim() === ''),
      'caseNumber',
    );
    const visible = () =>
      new ScopedReader(db, ctx.actor)
        .cases()
        .select(['support_case.id', 'support_case.case_number', 'support_case.person_id']);
    const cases = [];
    for (const ids of inChunks([...new Set(linked.values())])) {
      cases.push(...(await visible().where('support_case.id', 'in', ids).execute()));
    }
    for (const part of inChunks(numbers)) {
      cases.push(...(await visible().where('support_case.case_number', 'in', part).execute()));
    }
    for (const c of cases) {
      personOfCase.set(c.id, c.person_id);
      byCaseNumber.set(c.case_number, c.id);
    }
    for (const [ref, id] of linked) if (personOfCase.has(id)) byCaseRef.set(ref, id);
  });
}
