import { sql } from 'kysely';
import {
  type ConsultationTopic,
  consultationTopicLabels,
  consultationTopics,
  type RouteIn,
  routeInLabels,
  routesIn,
} from '../../domain/cases/vocabulary';
import type { Lang } from '../../domain/errors';
import {
  type CaseImportKey,
  caseImportColumns,
  type ImportStatus,
  importStatuses,
  importStatusLabels,
} from '../../domain/imports/bulk-import-columns';
import { ScopedReader } from '../access/scoped-reader';
import { fiscalYearOf } from '../cases/new-case';
import type { ActorContext, AppDeps } from '../http/context';
import { choiceFromCell, choicesFromCell, type ImportReport } from '../http/csv-import';
import { insertRows } from './insert-rows';
import {
  anyOf,
  authorizeImport,
  type BulkImportInput,
  dateFromCell,
  inChunks,
  type KindSpec,
  message,
  refsIn,
  runBulkImport,
} from './run-bulk-import';

const caseMessages = {
  unknownPerson: {
    ja: '相談者が見つかりません。相談者番号、または氏名と生年月日を確認してください。',
    en: 'The person was not found. Check the person reference, or the name and date of birth.',
  },
  unknownWorker: {
    ja: '担当者「{value}」が見つかりません。この機関の職員のログインIDを入れてください。',
    en: 'There is no worker “{value}”. Use the login ID of a worker of this agency.',
  },
  closedOnRequired: {
    ja: '状態が「終結」の行は終結日を入れてください。',
    en: 'A closed case needs the date it was closed.',
  },
} as const satisfies Record<string, Record<Lang, string>>;

interface CaseRecord {
  personId: string;
  receivedOn: string;
  routeIn: RouteIn;
  topics: ConsultationTopic[];
  /** Null where 担当者 is blank: the importer leads the case, but that is not in the file. */
  workerId: string | null;
  status: ImportStatus;
  closedOn: string | null;
}

/**
 * 相談 from a list: the person by 相談者番号 (as imported) or by 氏名 and 生年月日, 受付日, 経路,
 * 相談内容の分類 (the first is the main one), 担当者 (login ID; the importer by default) and
 * 状態 (受付/支援中/終結). Each case gets its 相談番号 from the municipality's counter, its
 * 受付票 and one transition; the district history follows from the database trigger.
 */
export async function importCases(
  deps: AppDeps,
  ctx: ActorContext,
  input: BulkImportInput,
): Promise<ImportReport> {
  const agencyId = authorizeImport(ctx, 'case');
  const lang = ctx.lang;
  const personByRef = new Map<string, string>();
  const personByNameBirth = new Map<string, string>();
  /** The district of each person a row may name: the case starts in it. */
  const districtOf = new Map<string, string | null>();
  const workers = new Map<string, string>();
  /** Who received each case this agency imported before, by the number the file gives it. */
  const receivedBy = new Map<string, string>();
  const say = (key: keyof typeof caseMessages, params: Record<string, string> = {}) =>
    caseMessages[key][lang].replace(/\{(\w+)\}/g, (_, n: string) => params[n] ?? '');
  const spec: KindSpec<CaseImportKey, CaseRecord> = {
    link: 'case',
    personOf: (_, r) => r.personId,
    // Before migration 0022 a blank 担当者 was fingerprinted as the importer, who received the
    // case: such a link still matches its file, whoever re-runs it.
    formerRecord: (ref, r) => {
      const importer = receivedBy.get(ref);
      return r.workerId === null && importer ? { ...r, workerId: importer } : null;
    },
    columns: caseImportColumns,
    check: (values, _row, problem) => {
      const personRef = (values.personRef ?? '').normalize('NFKC').trim();
      const name = (values.name ?? '').trim();
      const birth =
        (values.birthDate ?? '').trim() === '' ? null : dateFromCell(values.birthDate ?? '');
      const personId =
        personRef !== ''
          ? personByRef.get(personRef)
          : name !== '' && birth
            ? personByNameBirth.get(`${name.normalize('NFKC')}\n${birth}`)
            : undefined;
      if (!personId) problem(personRef !== '' ? 'personRef' : 'name', say('unknownPerson'));
      const receivedText = (values.receivedOn ?? '').trim();
      const receivedOn = receivedText === '' ? null : dateFromCell(receivedText);
      if (receivedText === '') problem('receivedOn', message('required', lang));
      else if (!receivedOn)
        problem('receivedOn', message('badDate', lang, { value: receivedText }));
      const route = choiceFromCell(values.routeIn ?? '', routesIn, routeInLabels, lang);
      if ('message' in route) problem('routeIn', route.message);
      else if (!route.code) problem('routeIn', message('required', lang));
      const { codes: topics, messages: topicProblems } = choicesFromCell(
        values.topics ?? '',
        consultationTopics,
        consultationTopicLabels,
        lang,
      );
      for (const text of topicProblems) problem('topics', text);
      if ((values.topics ?? '').trim() === '') problem('topics', message('required', lang));
      const login = (values.worker ?? '').trim();
      const workerId = login === '' ? null : workers.get(login);
      if (workerId === undefined) problem('worker', say('unknownWorker', { value: login }));
      const status = choiceFromCell(values.status ?? '', importStatuses, importStatusLabels, lang);
      if ('message' in status) problem('status', status.message);
      const closedText = (values.closedOn ?? '').trim();
      const closedOn = closedText === '' ? null : dateFromCell(closedText);
      if (closedText !== '' && !closedOn)
        problem('closedOn', message('badDate', lang, { value: closedText }));
      const code = 'message' in status ? null : (status.code ?? 'intake');
      if (code === 'closed' && closedText === '') problem('closedOn', say('closedOnRequired'));
      if (!personId || !receivedOn || 'message' in route || !route.code || topics.length === 0)
        return null;
      if (workerId === undefined || !code || (code === 'closed' && !closedOn)) return null;
      return {
        personId,
        receivedOn,
        routeIn: route.code,
        topics,
        workerId,
        status: code,
        closedOn: code === 'closed' ? closedOn : null,
      };
    },
    insert: async (trx, rows) => {
      const municipalityId = ctx.actor.municipalityId;
      const now = deps.now();
      // One step of the counter per fiscal year for the whole batch, numbered in file order.
      const byYear = new Map<number, number>();
      for (const r of rows) {
        const fy = fiscalYearOf(r.record.receivedOn);
        byYear.set(fy, (byYear.get(fy) ?? 0) + 1);
      }
      const next = new Map<number, number>();
      for (const [fy, n] of byYear) {
        const row = await trx
          .insertInto('case_number_counter')
          .values({ municipality_id: municipalityId, fiscal_year: fy, last_number: n })
          .onConflict((oc) =>
            oc.columns(['municipality_id', 'fiscal_year']).doUpdateSet({
              last_number: sql`case_number_counter.last_number + ${n}`,
            }),
          )
          .returning('last_number')
          .executeTakeFirstOrThrow();
        next.set(fy, row.last_number - n + 1);
      }
      const cases = rows.map(({ id, record: r }) => {
        const fy = fiscalYearOf(r.receivedOn);
        const number = next.get(fy) ?? 1;
        next.set(fy, number + 1);
        return {
          id,
          municipality_id: municipalityId,
          case_number: `${fy}-${String(number).padStart(5, '0')}`,
          person_id: r.personId,
          support_agency_id: agencyId,
          lead_worker_id: r.workerId ?? ctx.actor.userId,
          district_id: districtOf.get(r.personId) ?? null,
          status: r.status,
          status_changed_at: now,
          opened_on: r.receivedOn,
          intake_on: r.receivedOn,
          closed_on: r.closedOn,
        };
      });
      await insertRows(
        trx,
        'support_case',
        {
          id: 'uuid',
          municipality_id: 'uuid',
          case_number: 'text',
          person_id: 'uuid',
          support_agency_id: 'uuid',
          lead_worker_id: 'uuid',
          district_id: 'uuid',
          status: 'text',
          status_changed_at: 'timestamptz',
          opened_on: 'date',
          intake_on: 'date',
          closed_on: 'date',
        },
        cases,
      );
      await insertRows(
        trx,
        'intake',
        {
          case_id: 'uuid',
          municipality_id: 'uuid',
          received_on: 'date',
          received_by: 'uuid',
          route_in: 'text',
          topics: 'text[]',
          main_topic: 'text',
        },
        rows.map(({ id, record: r }) => ({
          case_id: id,
          municipality_id: municipalityId,
          received_on: r.receivedOn,
          received_by: r.workerId ?? ctx.actor.userId,
          route_in: r.routeIn,
          topics: r.topics,
          main_topic: r.topics[0] as ConsultationTopic,
        })),
      );
      await insertRows(
        trx,
        'case_transition',
        {
          case_id: 'uuid',
          municipality_id: 'uuid',
          from_status: 'text',
          to_status: 'text',
          action: 'text',
          actor_user_id: 'uuid',
          occurred_at: 'timestamptz',
        },
        rows.map(({ id, record: r }) => ({
          case_id: id,
          municipality_id: municipalityId,
          from_status: null,
          to_status: r.status,
          action: 'import',
          actor_user_id: ctx.actor.userId,
          occurred_at: now,
        })),
      );
    },
  };
  return runBulkImport(deps, ctx, input, spec, async (db, rows) => {
    personByRef.clear();
    personByNameBirth.clear();
    districtOf.clear();
    workers.clear();
    receivedBy.clear();
    const municipalityId = ctx.actor.municipalityId;
    const imported = () =>
      db
        .selectFrom('import_link')
        .innerJoin('person', 'person.id', 'import_link.record_id')
        .select([
          'import_link.external_ref',
          'person.id',
          'person.name',
          'person.birth_date',
          'person.district_id',
        ])
        .where('import_link.municipality_id', '=', municipalityId)
        .where('import_link.support_agency_id', '=', agencyId)
        .where('import_link.kind', '=', 'person')
        .where('person.municipality_id', '=', municipalityId);
    // The people this agency imported under the numbers the file names: another agency of the
    // municipality numbers its own lists.
    for (const refs of inChunks(refsIn(rows, 'personRef'))) {
      for (const p of await imported()
        .where('import_link.external_ref', '=', anyOf(refs))
        .execute()) {
        personByRef.set(p.external_ref, p.id);
        districtOf.set(p.id, p.district_id);
      }
    }
    // By name and date of birth, only where a row has no number: the people this agency
    // imported, and the people the worker may see through their cases.
    if (rows.some((r) => (r.values.personRef ?? '').trim() === '')) {
      const visible = await new ScopedReader(db, ctx.actor)
        .persons()
        .select(['person.id', 'person.name', 'person.birth_date', 'person.district_id'])
        .execute();
      for (const p of [...(await imported().execute()), ...visible]) {
        districtOf.set(p.id, p.district_id);
        if (p.birth_date)
          personByNameBirth.set(`${p.name.normalize('NFKC')}\n${p.birth_date}`, p.id);
      }
    }
    // Cases imported before with a blank 担当者: who received them (see `formerRecord`).
    const blankWorker = rows.filter((r) => (r.values.worker ?? '').trim() === '');
    for (const refs of inChunks(refsIn(blankWorker, 'ref'))) {
      for (const l of await db
        .selectFrom('import_link')
        .innerJoin('intake', 'intake.case_id', 'import_link.record_id')
        .select(['import_link.external_ref', 'intake.received_by'])
        .where('import_link.municipality_id', '=', municipalityId)
        .where('import_link.support_agency_id', '=', agencyId)
        .where('import_link.kind', '=', 'case')
        .where('import_link.external_ref', '=', anyOf(refs))
        .where('intake.municipality_id', '=', municipalityId)
        .execute()) {
        if (l.received_by) receivedBy.set(l.external_ref, l.received_by);
      }
    }
    for (const u of await new ScopedReader(db, ctx.actor)
      .users()
      .select(['app_user.id', 'app_user.login_id', 'app_user.support_agency_id'])
      .execute()) {
      if (u.support_agency_id === agencyId) workers.set(u.login_id, u.id);
    }
  });
}
