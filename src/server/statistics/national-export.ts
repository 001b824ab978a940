import { type Kysely, sql } from 'kysely';
import {
  type NationalFacts,
  nationalCodeLists,
  nationalColumns,
  nationalHeader,
  nationalRow,
} from '../../domain/statistics/national-layout';
import type { StatisticsQuery } from '../../domain/statistics/report';
import { authorize } from '../access/authorize';
import { ScopedReader } from '../access/scoped-reader';
import { recordAudit } from '../audit/record-audit';
import type { Database } from '../db/schema';
import type { ActorContext, AppDeps } from '../http/context';
import { csvBom, csvLine } from '../http/csv';
import { describeError } from '../http/logger';
import { type XlsxColumn, type XlsxFormat, XlsxStreamWriter } from '../http/xlsx';
import { type ReportScope, resolveReportScope } from './report-scope';

/**
 * 個票出力: one row per case handled in the range, in the assumed layout of the national
 * statistics input (src/domain/statistics/national-layout.ts, docs/national-statistics-export.md),
 * as CSV or .xlsx. Only the cases the actor may see (ScopedReader.cases) within the report's scope
 * (resolveReportScope: agency, district), and only for those who may export per-person statistics
 * and read cases.
 *
 * The rows are counted first (the browser shows progress against X-Tsunagu-Row-Count), the export
 * is audited in one row naming the people, and the file is then streamed in batches read by keyset
 * pagination on the case number, so a million rows never sit in memory at once. The batches are
 * separate reads: a case added while the file is being written may or may not be in it, and the
 * count is the count at the start.
 */

export const nationalExportBatchSize = 5_000;
/**
 * Above this many people the audit row keeps the count and the scope but not every id (a million
 * ids in one row would be tens of megabytes); the scope and the date say who was in the file.
 */
export const auditPersonIdLimit = 200_000;

export type NationalExportFormat = 'csv' | 'xlsx';

export interface NationalExport {
  rowCount: number;
  fileName: string;
  asciiFileName: string;
  body: ReadableStream<Uint8Array>;
}

type Db = Kysely<Database>;

/** The cases of the export, as a query the batches and the count both start from. */
function casesInExport(db: Db, ctx: ActorContext, scope: ReportScope) {
  // The district is the one the case was in on its last day in the range: the range's last day,
  // or the day it was closed if earlier. So each case is in exactly one district's file.
  const lastDay = sql<string>`least((${scope.toDateExclusive}::date - 1), support_case.closed_on)`;
  let query = new ScopedReader(db, ctx.actor)
    .cases()
    .innerJoin('intake', 'intake.case_id', 'support_case.id')
    .where('intake.received_on', '<', scope.toDateExclusive)
    .where((eb) =>
      eb.or([
        eb('support_case.closed_on', 'is', null),
        eb('support_case.closed_on', '>=', scope.fromDate),
      ]),
    );
  if (scope.supportAgencyId) {
    query = query.where('support_case.support_agency_id', '=', scope.supportAgencyId);
  }
  if (scope.districtId) {
    const districtId = scope.districtId;
    query = query.where(
      sql<boolean>`exists (select 1 from case_district_history h
        where h.case_id = support_case.id and h.district_id = ${districtId}
          and h.valid_from <= ${lastDay} and (h.valid_to is null or h.valid_to > ${lastDay}))`,
    );
  }
  return { query, lastDay };
}

async function loadBatch(
  db: Db,
  ctx: ActorContext,
  scope: ReportScope,
  after: string | null,
  batchSize: number,
): Promise<{ facts: NationalFacts[]; last: string | null }> {
  const { query, lastDay } = casesInExport(db, ctx, scope);
  const base = await query
    .innerJoin('person', 'person.id', 'support_case.person_id')
    .innerJoin('support_agency', 'support_agency.id', 'support_case.support_agency_id')
    .select([
      'support_case.id',
      'support_case.case_number',
      'support_case.status',
      'support_case.person_id',
      'person.sex',
      'person.birth_date',
      'support_agency.name as agency_name',
      'intake.received_on',
      'intake.route_in',
      'intake.main_topic',
      'intake.topics',
      'intake.work_status',
      'intake.housing_status',
      'intake.health_insurance',
      'intake.pension_status',
      'intake.triage_outcome',
      'intake.triaged_on',
      sql<string | null>`(select d.name from case_district_history h
        join district d on d.id = h.district_id
        where h.case_id = support_case.id
          and h.valid_from <= ${lastDay} and (h.valid_to is null or h.valid_to > ${lastDay})
        order by h.valid_from desc limit 1)`.as('district_name'),
    ])
    .$if(after !== null, (q) => q.where('support_case.case_number', '>', after as string))
    .orderBy('support_case.case_number')
    .limit(batchSize)
    .execute();
  if (base.length === 0) return { facts: [], last: null };

  const caseIds = base.map((r) => r.id);
  const personIds = [...new Set(base.map((r) => r.person_id))];
  const municipalityId = scope.municipalityId;
  const [members, decisions, evaluations, referrals, closures] = await Promise.all([
    db
      .selectFrom('household_member')
      .select(['person_id', 'relationship', 'lives_together'])
      .where('municipality_id', '=', municipalityId)
      .where('person_id', 'in', personIds)
      .orderBy('sort_order')
      .execute(),
    // From the plans (indexed by case), each with its one decision (support_decision.plan_id).
    db
      .selectFrom('plan')
      .innerJoin('support_decision', 'support_decision.plan_id', 'plan.id')
      .select([
        'plan.case_id',
        'plan.plan_no',
        'plan.revision',
        'plan.employment_support_target',
        'support_decision.decided_on',
        'support_decision.programmes_decided',
      ])
      .where('plan.municipality_id', '=', municipalityId)
      .where('plan.case_id', 'in', caseIds)
      .where('support_decision.decided_on', '<', scope.toDateExclusive)
      .orderBy('support_decision.decided_on')
      .execute(),
    db
      .selectFrom('evaluation')
      .select([
        'case_id',
        'evaluated_on',
        'employed',
        'employment_type',
        'income_increased',
        'improvements',
      ])
      .where('municipality_id', '=', municipalityId)
      .where('case_id', 'in', caseIds)
      .where('evaluated_on', '<', scope.toDateExclusive)
      .orderBy('evaluated_on')
      .execute(),
    db
      .selectFrom('referral')
      .select(['case_id', 'referred_on', 'to_public_assistance'])
      .where('municipality_id', '=', municipalityId)
      .where('case_id', 'in', caseIds)
      .where('referred_on', '<', scope.toDateExclusive)
      .execute(),
    db
      .selectFrom('case_closure')
      .select(['case_id', 'kind', 'decided_on', 'reason'])
      .where('municipality_id', '=', municipalityId)
      .where('case_id', 'in', caseIds)
      .where('decided_on', '<', scope.toDateExclusive)
      .orderBy('decided_on')
      .orderBy('created_at')
      .execute(),
  ]);

  const group = <T, K>(rows: readonly T[], key: (row: T) => K) => {
    const map = new Map<K, T[]>();
    for (const row of rows) {
      const list = map.get(key(row));
      if (list) list.push(row);
      else map.set(key(row), [row]);
    }
    return map;
  };
  const membersOf = group(members, (m) => m.person_id);
  const decisionsOf = group(decisions, (d) => d.case_id);
  const evaluationsOf = group(evaluations, (e) => e.case_id);
  const referralsOf = group(referrals, (r) => r.case_id);
  const closuresOf = group(closures, (c) => c.case_id);

  const facts = base.map((r): NationalFacts => {
    const plans = (decisionsOf.get(r.id) ?? []).map((d) => ({
      planNo: d.plan_no,
      revision: d.revision,
      decidedOn: d.decided_on,
      employmentSupportTarget: d.employment_support_target,
      programmes: d.programmes_decided,
    }));
    const closure = (closuresOf.get(r.id) ?? []).at(-1);
    return {
      caseNumber: r.case_number,
      personId: r.person_id,
      agencyName: r.agency_name,
      districtName: r.district_name,
      caseStatus: r.status,
      sex: r.sex,
      birthDate: r.birth_date,
      intake: {
        receivedOn: r.received_on,
        routeIn: r.route_in,
        mainTopic: r.main_topic,
        topics: r.topics,
        workStatus: r.work_status,
        housingStatus: r.housing_status,
        healthInsurance: r.health_insurance,
        pensionStatus: r.pension_status,
        triageOutcome: r.triage_outcome,
        triagedOn: r.triaged_on,
      },
      household: (membersOf.get(r.person_id) ?? []).map((m) => ({
        relationship: m.relationship,
        livesTogether: m.lives_together,
      })),
      plans,
      evaluations: (evaluationsOf.get(r.id) ?? []).map((e) => ({
        evaluatedOn: e.evaluated_on,
        employed: e.employed,
        employmentType: e.employment_type,
        incomeIncreased: e.income_increased,
        improvements: e.improvements,
      })),
      referrals: (referralsOf.get(r.id) ?? []).map((x) => ({
        referredOn: x.referred_on,
        toPublicAssistance: x.to_public_assistance,
      })),
      closure: closure
        ? { kind: closure.kind, decidedOn: closure.decided_on, reason: closure.reason }
        : null,
    };
  });
  return { facts, last: base.at(-1)?.case_number ?? null };
}

const xlsxFormats: Record<(typeof nationalColumns)[number]['kind'], XlsxFormat> = {
  text: 'general',
  number: 'integer',
  date: 'date',
  code: 'general',
  codes: 'general',
  flag: 'general',
};

const xlsxColumns: XlsxColumn[] = nationalColumns.map((col) => ({
  header: col.header,
  format: xlsxFormats[col.kind],
  ...(col.kind === 'text' ? { width: col.id === 'person_id' ? 38 : 20 } : {}),
  ...(col.kind === 'date' ? { width: 12 } : {}),
}));

function scopeLines(scope: ReportScope, rowCount: number): [string, string | number][] {
  return [
    ['自治体', scope.names.municipality],
    ['自立相談支援機関', scope.names.supportAgency ?? 'すべて'],
    ['地区', scope.names.district ?? 'すべて'],
    ['期間', `${scope.from} 〜 ${scope.to}`],
    ['件数', rowCount],
    ['作成日時', new Date().toISOString()],
    ['様式', '想定レイアウト（docs/national-statistics-export.md）'],
  ];
}

/**
 * Streams the rows, a batch per pull, through the writer; `end` once all are out. A pull goes on
 * reading batches until it has handed on some bytes (the deflater may keep a small batch to
 * itself): a pull that enqueues nothing would never be called again.
 */
function batchStream(
  deps: AppDeps,
  ctx: ActorContext,
  scope: ReportScope,
  batchSize: number,
  /** The people the audit row names (null when it keeps the count only): no one else goes out. */
  audited: ReadonlySet<string> | null,
  writer: {
    start: (enqueue: (chunk: Uint8Array) => void) => void;
    rows: (rows: NationalFacts[]) => void;
    end: () => void;
  },
): ReadableStream<Uint8Array> {
  let after: string | null = null;
  let started = false;
  let chunks = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (!started) {
          started = true;
          writer.start((chunk) => {
            chunks++;
            controller.enqueue(chunk);
          });
        }
        const before = chunks;
        while (chunks === before) {
          const { facts, last } = await loadBatch(deps.database.db, ctx, scope, after, batchSize);
          // A case that came into scope after the audit row was written is left out, so the
          // file never holds a person the audit does not name.
          const named = audited ? facts.filter((f) => audited.has(f.personId)) : facts;
          if (named.length > 0) writer.rows(named);
          if (last === null || facts.length < batchSize) {
            writer.end();
            controller.close();
            return;
          }
          after = last;
        }
      } catch (error) {
        deps.logger.error('national statistics export failed mid-stream', {
          requestId: ctx.requestId,
          ...describeError(error),
        });
        controller.error(error);
      }
    },
  });
}

export async function exportNationalStatistics(
  deps: AppDeps,
  ctx: ActorContext,
  query: StatisticsQuery,
  format: NationalExportFormat,
  options: { batchSize?: number } = {},
): Promise<NationalExport> {
  const batchSize = options.batchSize ?? nationalExportBatchSize;
  const scope = await resolveReportScope(deps, ctx, query);
  authorize(ctx.actor, 'statistics.export', undefined, { subjectType: 'statistics' });
  authorize(ctx.actor, 'case.read', undefined, { subjectType: 'statistics' });
  const db = deps.database.db;

  const { query: cases } = casesInExport(db, ctx, scope);
  const counted = await cases
    .select((eb) => [
      eb.fn.countAll<string | number>().as('rows'),
      eb.fn.count<string | number>('support_case.person_id').distinct().as('people'),
    ])
    .executeTakeFirstOrThrow();
  const rowCount = Number(counted.rows);
  const people = Number(counted.people);
  const personIds =
    people <= auditPersonIdLimit
      ? (
          await casesInExport(db, ctx, scope)
            .query.select('support_case.person_id')
            .distinct()
            .execute()
        ).map((r) => r.person_id)
      : undefined;
  await recordAudit(db, ctx, {
    action: 'statistics.national_export',
    outcome: 'success',
    subjectType: 'statistics',
    ...(personIds ? { personIds } : {}),
    legalBasis: 'administration',
    detail: {
      format,
      from: scope.from,
      to: scope.to,
      supportAgencyId: scope.supportAgencyId,
      districtId: scope.districtId,
      count: rowCount,
      people,
      personIdsOmitted: personIds === undefined,
    },
  });

  const audited = personIds ? new Set(personIds) : null;
  const encoder = new TextEncoder();
  const stem = `個票_${scope.from}_${scope.to}`;
  const asciiStem = `national-statistics_${scope.from}_${scope.to}`;
  if (format === 'csv') {
    let enqueue: (chunk: Uint8Array) => void = () => {};
    return {
      rowCount,
      fileName: `${stem}.csv`,
      asciiFileName: `${asciiStem}.csv`,
      body: batchStream(deps, ctx, scope, batchSize, audited, {
        start: (e) => {
          enqueue = e;
          enqueue(encoder.encode(csvBom + csvLine(nationalHeader)));
        },
        rows: (facts) =>
          enqueue(encoder.encode(facts.map((f) => csvLine(nationalRow(f))).join(''))),
        end: () => {},
      }),
    };
  }

  let xlsx: XlsxStreamWriter | null = null;
  return {
    rowCount,
    fileName: `${stem}.xlsx`,
    asciiFileName: `${asciiStem}.xlsx`,
    body: batchStream(deps, ctx, scope, batchSize, audited, {
      start: (enqueue) => {
        xlsx = new XlsxStreamWriter((chunk) => enqueue(chunk));
        xlsx.startSheet({ name: '個票', columns: xlsxColumns });
      },
      rows: (facts) => xlsx?.addRows(facts.map(nationalRow)),
      end: () => {
        if (!xlsx) return;
        xlsx.startSheet({
          name: 'コード表',
          columns: [
            { header: '項目', width: 24 },
            { header: 'コード' },
            { header: '内容', width: 50 },
          ],
        });
        xlsx.addRows(
          Object.values(nationalCodeLists).flatMap((list) =>
            list.codes.map((code) => [list.title, code.code, code.label]),
          ),
        );
        xlsx.startSheet({
          name: '項目定義',
          columns: [
            { header: '列', width: 6 },
            { header: '項目', width: 28 },
            { header: '区分', width: 12 },
            { header: '値の取り方', width: 80 },
          ],
        });
        xlsx.addRows(nationalColumns.map((col, i) => [i + 1, col.header, col.group, col.rule]));
        xlsx.startSheet({
          name: '出力条件',
          columns: [
            { header: '項目', width: 18 },
            { header: '内容', width: 50 },
          ],
        });
        xlsx.addRows(scopeLines(scope, rowCount));
        xlsx.finish();
      },
    }),
  };
}
