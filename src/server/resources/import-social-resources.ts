import type { Kysely } from 'kysely';
import { serviceClasses, serviceClassLabels } from '../../domain/cases/vocabulary';
import type { Lang } from '../../domain/errors';
import {
  csvYes,
  formalities,
  formalityLabels,
  participationKindLabels,
  participationKinds,
  resourceCategories,
  resourceCategoryLabels,
} from '../../domain/resources/vocabulary';
import { authorize } from '../access/authorize';
import { ScopedReader } from '../access/scoped-reader';
import { changedFields } from '../audit/changed-fields';
import { recordAudit } from '../audit/record-audit';
import type { Database } from '../db/schema';
import type { ActorContext, AppDeps } from '../http/context';
import {
  choiceFromCell,
  type ImportAction,
  type ImportProblem,
  type ImportReport,
  importMessage,
  listFromCell,
  type PlannedImportRow,
  parseRow,
  readCsvTable,
  runImport,
} from '../http/csv-import';
import { versionConflict } from '../http/domain-error';
import { rethrowDuplicateName } from '../organisations/duplicate-name';
import { socialResourceRows } from './list-social-resources';
import { presentSocialResource, type SocialResourceRow } from './present';
import { socialResourceColumns } from './resource-columns';
import { archivedMark, type ResourceCsvKey, resourceCsvColumns } from './resource-csv';
import { type SocialResourceInput, socialResourceFields } from './schema';

type PlannedRow = PlannedImportRow<SocialResourceInput & { archived: boolean }, SocialResourceRow>;

/** Where a request field is in the file. */
const columnOfField: Record<string, ResourceCsvKey> = {
  formal: 'formality',
  providerPartnerAgencyId: 'providerPartner',
  districtId: 'district',
};

const yesMarks = ['○', '◯', '〇', 'yes', 'true', '1', 'はい', csvYes.en.toLowerCase()];
const noMarks = ['', '×', 'no', 'false', '0', 'いいえ'];

/**
 * 社会資源 from a CSV file in the export's format, by the same rules as the partner directory's
 * import (organisations/import-partner-agencies.ts): matched by name, columns left out keep their
 * values, a row equal to what is stored changes nothing, nothing is written while any row has a
 * problem, and a dry run only answers what would happen. The provider agency and the district
 * are named and must exist.
 */
export async function importSocialResources(
  deps: AppDeps,
  ctx: ActorContext,
  input: { csv: string; dryRun: boolean },
): Promise<ImportReport> {
  const municipalityId = ctx.actor.municipalityId;
  authorize(
    ctx.actor,
    'socialResource.manage',
    { municipalityId },
    { subjectType: 'social_resource' },
  );
  const lang = ctx.lang;
  const table = readCsvTable(input.csv, resourceCsvColumns, lang);
  const headingOf = (field: string): string | null => {
    const key = (columnOfField[field] ?? field) as ResourceCsvKey;
    const column = resourceCsvColumns.find((c) => c.key === key);
    return table.headings[key] ?? column?.header[lang] ?? null;
  };

  const analyse = async (db: Kysely<Database>) => {
    const existing = await socialResourceRows(new ScopedReader(db, ctx.actor)).execute();
    const byName = new Map(existing.map((r) => [r.name, r]));
    const partners = new Map(
      (
        await db
          .selectFrom('partner_agency')
          .select(['id', 'name'])
          .where('municipality_id', '=', municipalityId)
          .execute()
      ).map((p) => [p.name, p.id]),
    );
    const districts = new Map(
      (
        await db
          .selectFrom('district')
          .select(['id', 'name'])
          .where('municipality_id', '=', municipalityId)
          .execute()
      ).map((d) => [d.name, d.id]),
    );
    const problems: ImportProblem[] = [...table.problems];
    const planned: PlannedRow[] = [];
    for (const { row, values } of table.rows) {
      const current = byName.get((values.name ?? '').trim());
      const raw: Record<string, unknown> = current
        ? { ...presentSocialResource(ctx.actor, current) }
        : {};
      const rowProblems: ImportProblem[] = [];
      const problem = (key: ResourceCsvKey, message: string) =>
        rowProblems.push({ row, column: headingOf(key), message });
      for (const [key, cell] of Object.entries(values) as [ResourceCsvKey, string][]) {
        const text = cell.trim();
        switch (key) {
          case 'category':
          case 'serviceClass':
          case 'formality': {
            const choice =
              key === 'category'
                ? choiceFromCell(cell, resourceCategories, resourceCategoryLabels, lang)
                : key === 'serviceClass'
                  ? choiceFromCell(cell, serviceClasses, serviceClassLabels, lang)
                  : choiceFromCell(cell, formalities, formalityLabels, lang);
            if ('message' in choice) problem(key, choice.message);
            else if (key === 'formality')
              raw.formal = choice.code === null ? undefined : choice.code === 'formal';
            else raw[key] = choice.code ?? '';
            break;
          }
          case 'providerPartner':
            if (text && !partners.has(text))
              problem(key, importMessage('unknownPartner', lang, { value: text }));
            raw.providerPartnerAgencyId = text ? partners.get(text) : null;
            break;
          case 'district':
            if (text && !districts.has(text))
              problem(key, importMessage('unknownDistrict', lang, { value: text }));
            raw.districtId = text ? districts.get(text) : null;
            break;
          case 'tags':
            raw.tags = listFromCell(cell);
            break;
          case 'participationKinds': {
            const kinds: string[] = [];
            for (const item of listFromCell(cell)) {
              const choice = choiceFromCell(
                item,
                participationKinds,
                participationKindLabels,
                lang,
              );
              if ('message' in choice) problem(key, choice.message);
              else if (choice.code) kinds.push(choice.code);
            }
            raw.participationKinds = kinds;
            break;
          }
          case 'isCommunityBase':
          case 'status': {
            const folded = text.normalize('NFKC').toLowerCase();
            const yes =
              key === 'status'
                ? text === archivedMark.ja || folded === archivedMark.en.toLowerCase()
                : yesMarks.includes(folded) || yesMarks.includes(text);
            if (yes) raw[key === 'status' ? 'archived' : key] = true;
            else if (noMarks.includes(folded)) raw[key === 'status' ? 'archived' : key] = false;
            else problem(key, yesNoProblem(key, text, lang));
            break;
          }
          default:
            raw[key] = cell;
        }
      }
      const parsed = parseRow(socialResourceFields, raw, row, headingOf, lang);
      if ('problems' in parsed) rowProblems.push(...parsed.problems);
      if (rowProblems.length > 0 || !('data' in parsed)) {
        const seen = new Set<string | null>();
        for (const p of rowProblems) {
          if (seen.has(p.column)) continue;
          seen.add(p.column);
          problems.push(p);
        }
        continue;
      }
      const data = { ...parsed.data, archived: raw.archived === true };
      planned.push({ row, input: data, current, action: actionFor(data, current) });
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
          const columns = socialResourceColumns(p.input);
          if (p.action === 'create') {
            const row = await trx
              .insertInto('social_resource')
              .values({
                ...columns,
                archived_at: p.input.archived ? now : null,
                municipality_id: municipalityId,
              })
              .returning('id')
              .executeTakeFirstOrThrow();
            created.push(row.id);
          } else if (p.action === 'update' && p.current) {
            const current = p.current;
            const row = await trx
              .updateTable('social_resource')
              .set({
                ...columns,
                archived_at: p.input.archived ? (current.archived_at ?? now) : null,
                version: current.version + 1,
                updated_at: now,
              })
              .where('id', '=', current.id)
              .where('version', '=', current.version)
              .returning('id')
              .executeTakeFirst();
            if (!row) throw versionConflict(presentSocialResource(ctx.actor, current));
            updated.push(row.id);
          }
        }
        await recordAudit(trx, ctx, {
          action: 'social_resource.import',
          outcome: 'success',
          subjectType: 'social_resource',
          legalBasis: 'administration',
          detail: { created, updated, unchanged: planned.length - created.length - updated.length },
        });
      },
    );
  } catch (error) {
    rethrowDuplicateName(error);
  }
}

function yesNoProblem(key: 'isCommunityBase' | 'status', text: string, lang: Lang): string {
  const choices =
    key === 'status'
      ? lang === 'ja'
        ? `「${archivedMark.ja}」、空欄`
        : `“${archivedMark.en}”, empty`
      : lang === 'ja'
        ? `「${csvYes.ja}」、空欄`
        : `“${csvYes.en}”, empty`;
  return importMessage('invalidChoice', lang, { value: text, choices });
}

/** Whether the row adds a resource, changes one, or says what is already stored. */
function actionFor(
  input: SocialResourceInput & { archived: boolean },
  current: SocialResourceRow | undefined,
): ImportAction {
  if (!current) return 'create';
  const { search_text: _, ...columns } = socialResourceColumns(input);
  const changed = changedFields(current, columns).length > 0;
  return changed || input.archived !== (current.archived_at !== null) ? 'update' : 'unchanged';
}
