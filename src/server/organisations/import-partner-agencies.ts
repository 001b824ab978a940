import type { Kysely } from 'kysely';
import { partnerFieldLabels, partnerFields } from '../../domain/organisations';
import { authorize } from '../access/authorize';
import { changedFields } from '../audit/changed-fields';
import { recordAudit } from '../audit/record-audit';
import type { Database, PartnerAgency } from '../db/schema';
import type { ActorContext, AppDeps } from '../http/context';
import {
  choiceFromCell,
  type ImportAction,
  type ImportProblem,
  type ImportReport,
  importMessage,
  type PlannedImportRow,
  parseRow,
  readCsvTable,
  runImport,
} from '../http/csv-import';
import { versionConflict } from '../http/domain-error';
import { rethrowDuplicateName } from './duplicate-name';
import { partnerAgencyColumns } from './partner-agency-columns';
import { archivedMark, type PartnerCsvKey, partnerCsvColumns } from './partner-agency-csv';
import { presentPartnerAgency } from './present';
import { type PartnerAgencyInput, partnerAgencyBody } from './schema';

type PlannedRow = PlannedImportRow<PartnerAgencyInput, PartnerAgency>;

/**
 * 関係機関一覧 from a CSV file in the export's format. A row names an agency by its name: a known
 * name updates that agency (the columns left out of the file keep their values), a new one is
 * added, and a row equal to what is stored changes nothing — so the export imported back is a
 * no-op. Every row is checked first; while any row has a problem nothing is written, and the
 * answer lists each problem by row and column. A dry run only answers what would happen.
 */
export async function importPartnerAgencies(
  deps: AppDeps,
  ctx: ActorContext,
  input: { csv: string; dryRun: boolean },
): Promise<ImportReport> {
  const municipalityId = ctx.actor.municipalityId;
  authorize(
    ctx.actor,
    'partnerAgency.manage',
    { municipalityId },
    { subjectType: 'partner_agency' },
  );
  const lang = ctx.lang;
  const table = readCsvTable(input.csv, partnerCsvColumns, lang);
  const headingOf = (field: string): string | null => {
    const key = (field === 'archived' ? 'status' : field) as PartnerCsvKey;
    const column = partnerCsvColumns.find((c) => c.key === key);
    return table.headings[key] ?? column?.header[lang] ?? null;
  };

  const analyse = async (db: Kysely<Database>) => {
    const existing = await db
      .selectFrom('partner_agency')
      .selectAll()
      .where('municipality_id', '=', municipalityId)
      .execute();
    const byName = new Map(existing.map((p) => [p.name, p]));
    const problems: ImportProblem[] = [...table.problems];
    const planned: PlannedRow[] = [];
    for (const { row, values } of table.rows) {
      const current = byName.get((values.name ?? '').trim());
      // Columns left out of the file keep what is stored.
      const raw: Record<string, unknown> = current
        ? { ...presentPartnerAgency(ctx.actor, current) }
        : {};
      const rowProblems: ImportProblem[] = [];
      for (const [key, cell] of Object.entries(values) as [PartnerCsvKey, string][]) {
        if (key === 'field') {
          const choice = choiceFromCell(cell, partnerFields, partnerFieldLabels, lang);
          if ('message' in choice)
            rowProblems.push({ row, column: headingOf(key), message: choice.message });
          else raw.field = choice.code ?? '';
        } else if (key === 'status') {
          const text = cell.trim();
          if (text === '') raw.archived = false;
          else if (text === archivedMark.ja || text.toLowerCase() === archivedMark.en.toLowerCase())
            raw.archived = true;
          else
            rowProblems.push({
              row,
              column: headingOf(key),
              message: importMessage('invalidChoice', lang, {
                value: text,
                choices:
                  lang === 'ja' ? `「${archivedMark.ja}」、空欄` : `“${archivedMark.en}”, empty`,
              }),
            });
        } else {
          raw[key] = cell;
        }
      }
      const parsed = parseRow(partnerAgencyBody, raw, row, headingOf, lang);
      if ('problems' in parsed) rowProblems.push(...parsed.problems);
      if (rowProblems.length > 0 || !('data' in parsed)) {
        // One problem per column is enough to act on.
        const seen = new Set<string | null>();
        problems.push(...rowProblems.filter((p) => !seen.has(p.column) && seen.add(p.column)));
        continue;
      }
      planned.push({ row, input: parsed.data, current, action: actionFor(parsed.data, current) });
    }
    return { planned, problems };
  };

  try {
    return await runImport(
      deps,
      {
        dryRun: input.dryRun,
        fileProblems: table.problems.length,
        lang,
        nameHeading: headingOf('name'),
      },
      analyse,
      async (trx, planned) => {
        const now = deps.now();
        const created: string[] = [];
        const updated: string[] = [];
        for (const p of planned) {
          const columns = partnerAgencyColumns(p.input, now);
          if (p.action === 'create') {
            const row = await trx
              .insertInto('partner_agency')
              .values({ ...columns, municipality_id: municipalityId })
              .returning('id')
              .executeTakeFirstOrThrow();
            created.push(row.id);
          } else if (p.action === 'update' && p.current) {
            const current = p.current;
            if (p.input.archived && current.archived_at) columns.archived_at = current.archived_at;
            const row = await trx
              .updateTable('partner_agency')
              .set({ ...columns, version: current.version + 1, updated_at: now })
              .where('id', '=', current.id)
              .where('version', '=', current.version)
              .returning('id')
              .executeTakeFirst();
            if (!row) throw versionConflict(presentPartnerAgency(ctx.actor, current));
            updated.push(row.id);
          }
        }
        await recordAudit(trx, ctx, {
          action: 'partner_agency.import',
          outcome: 'success',
          subjectType: 'partner_agency',
          legalBasis: 'administration',
          detail: { created, updated, unchanged: planned.length - created.length - updated.length },
        });
      },
    );
  } catch (error) {
    rethrowDuplicateName(error);
  }
}

/** Whether the row adds an agency, changes one, or says what is already stored. */
function actionFor(input: PartnerAgencyInput, current: PartnerAgency | undefined): ImportAction {
  if (!current) return 'create';
  const { archived_at: _, ...columns } = partnerAgencyColumns(input, new Date(0));
  const changed = changedFields(current, columns).length > 0;
  return changed || input.archived !== (current.archived_at !== null) ? 'update' : 'unchanged';
}
