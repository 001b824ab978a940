import {
  consultationTopicLabels,
  improvementItemLabels,
  routeInLabels,
  sexLabels,
} from '../../domain/cases/vocabulary';
import { referralStatusLabels } from '../../domain/referrals/referral-status';
import { resourceGapStatusLabels } from '../../domain/resources/resource-gap-status';
import { ageBandLabels, ratio } from '../../domain/statistics/indicators';
import type {
  CountRow,
  IndicatorFigures,
  StatisticsQuery,
  StatisticsReport,
} from '../../domain/statistics/report';
import type { ActorContext, AppDeps } from '../http/context';
import { csvDocument } from '../http/csv';
import { buildXlsx, type XlsxColumn, type XlsxRow, type XlsxSheet } from '../http/xlsx';
import { getStatisticsReport } from './get-report';

/**
 * The statistics report (get-report.ts) as a workbook with one formatted sheet per part, and its
 * month-by-month table as CSV. The figures are the report's own, not counted again, so the file
 * always says what the screen says. Aggregates only: like the report, not audited.
 *
 * The 指標 sheet: a title block (自治体, 機関, 地区, 期間, 人口, 作成日時), then one row per month
 * and a bold 合計 row. A browser test reads it back (src/server/test/read-xlsx.ts), so the layout
 * is part of the contract: month in column A, the figures in `monthlyColumns` order.
 */

type Labels = Record<string, { ja: string }>;

/** The monthly table: header, format, and how to read the figure from a month (or the total). */
export const monthlyColumns: readonly (XlsxColumn & {
  value: (f: IndicatorFigures, r: StatisticsReport) => number | null;
})[] = [
  { header: '新規相談受付件数', format: 'integer', value: (f) => f.newConsultations },
  { header: 'プラン作成件数', format: 'integer', value: (f) => f.plans },
  { header: 'うち初回プラン', format: 'integer', value: (f) => f.firstPlans },
  { header: 'うち再プラン', format: 'integer', value: (f) => f.replans },
  { header: '①就労支援対象者数', format: 'integer', value: (f) => f.employmentSupportTargets },
  { header: '就労者数', format: 'integer', value: (f) => f.employed },
  {
    header: '②就労者数のうち就労支援対象プラン作成者分',
    format: 'integer',
    width: 22,
    value: (f) => f.employedOfTargets,
  },
  { header: '増収者数', format: 'integer', value: (f) => f.incomeIncreased },
  {
    header: '③増収者数のうち就労支援対象プラン作成者分',
    format: 'integer',
    width: 22,
    value: (f) => f.incomeIncreasedOfTargets,
  },
  { header: '就労・増収率（(②+③)/①）', format: 'percent', value: (f) => f.employmentRate },
  { header: '評価したプラン作成者数', format: 'integer', value: (f) => f.planHoldersEvaluated },
  { header: 'うち自立に向けた改善あり', format: 'integer', value: (f) => f.improved },
  { header: '改善が見られた割合', format: 'percent', value: (f) => f.improvedShare },
  {
    header: '新規相談（人口10万人・月あたり）',
    format: 'decimal',
    value: (f) => f.per100k.newConsultations,
  },
  {
    header: '新規相談の目安値',
    format: 'decimal',
    value: (_, r) => r.targets.newConsultations,
  },
  {
    header: 'プラン作成（人口10万人・月あたり）',
    format: 'decimal',
    value: (f) => f.per100k.plans,
  },
  { header: 'プラン作成の目安値', format: 'decimal', value: (_, r) => r.targets.plans },
  {
    header: '就労支援対象（人口10万人・月あたり）',
    format: 'decimal',
    value: (f) => f.per100k.employmentSupportTargets,
  },
  {
    header: '就労支援対象の目安値',
    format: 'decimal',
    value: (_, r) => r.targets.employmentSupportTargets,
  },
  {
    header: '就労・増収率の目安値',
    format: 'percent',
    value: (_, r) => r.targets.employmentRate,
  },
];

export const monthlyHeader: readonly string[] = ['月', ...monthlyColumns.map((c) => c.header)];

export function monthlyRows(report: StatisticsReport): {
  months: (string | number | null)[][];
  total: (string | number | null)[];
} {
  return {
    months: report.months.map((m) => [m.month, ...monthlyColumns.map((c) => c.value(m, report))]),
    total: ['合計', ...monthlyColumns.map((c) => c.value(report.total, report))],
  };
}

function titleBlock(report: StatisticsReport): string[][] {
  const { scope } = report;
  return [
    ['生活困窮者自立支援 支援状況の集計'],
    ['自治体', scope.municipalityName],
    ['自立相談支援機関', scope.supportAgencyName ?? 'すべて'],
    ['地区', scope.districtName ?? 'すべて'],
    ['期間', `${scope.from} 〜 ${scope.to}`],
    ['人口', scope.population === null ? '未設定' : String(scope.population)],
    ['作成日時', scope.generatedAt],
    [],
  ];
}

function countRows(group: string, rows: readonly CountRow[], labels: Labels): XlsxRow[] {
  return rows.map((r) => [group, labels[r.key]?.ja ?? r.key, r.count]);
}

const unknownLabel = { unknown: { ja: '不明' } };

export function reportSheets(report: StatisticsReport): XlsxSheet[] {
  const preamble = titleBlock(report);
  const { months, total } = monthlyRows(report);
  const { triage, referrals, meetings, resourceGaps } = report;
  const table = (name: string, columns: XlsxColumn[], rows: XlsxRow[]): XlsxSheet => ({
    name,
    preamble,
    columns,
    rows,
  });
  const itemColumns: XlsxColumn[] = [
    { header: '区分', width: 18 },
    { header: '項目', width: 40 },
    { header: '件数', format: 'integer' },
  ];
  return [
    table(
      '指標（月別）',
      [{ header: '月', width: 10 }, ...monthlyColumns],
      [...months, { cells: total, bold: true }],
    ),
    table('内訳', itemColumns, [
      ...countRows('年齢区分', report.breakdowns.ageBand, ageBandLabels),
      ...countRows('性別', report.breakdowns.sex, { ...sexLabels, ...unknownLabel }),
      ...countRows('相談内容', report.breakdowns.topic, consultationTopicLabels),
      ...countRows('相談経路', report.breakdowns.route, routeInLabels),
      ...countRows('自立に向けた改善', report.improvements, improvementItemLabels),
    ]),
    table('つなぎ・振り分け', itemColumns, [
      ['振り分け', '継続支援', triage.continued],
      ['振り分け', '他制度・他機関へのつなぎ', triage.referredOut],
      ['振り分け', 'うち生活保護窓口へ', triage.referredOutToPublicAssistance],
      ['振り分け', '相談・情報提供のみで終了', triage.infoOnly],
      ['つなぎ', 'つないだ件数', referrals.sent],
      ['つなぎ', referralStatusLabels.arrived.ja, referrals.arrived],
      ['つなぎ', referralStatusLabels.not_arrived.ja, referrals.notArrived],
      ['つなぎ', referralStatusLabels.pending.ja, referrals.pending],
      ['つなぎ', referralStatusLabels.cancelled.ja, referrals.cancelled],
      ['つなぎ', referralStatusLabels.declined.ja, referrals.declined],
      ['つなぎ', referralStatusLabels.returned.ja, referrals.returned],
      ['つなぎ', 'うち生活保護窓口へ', referrals.toPublicAssistance],
    ]),
    table(
      '会議',
      [
        { header: '項目', width: 30 },
        { header: '値', format: 'decimal' },
      ],
      [
        ['開催回数', meetings.held],
        ['検討したケース数', meetings.casesDiscussed],
        ['1回あたりのケース数', meetings.casesPerMeeting],
        ['検討時間（分、予定）', meetings.minutes],
        ['出席者数', meetings.attendeesPresent],
        ['招集者数', meetings.attendeesInvited],
        ['出席率', ratio(meetings.attendeesPresent, meetings.attendeesInvited)],
      ],
    ),
    table('地域課題', itemColumns, [
      ['地域課題', '期間内に提起された件数', resourceGaps.raised],
      ...countRows('現在の状況', resourceGaps.byStatus, resourceGapStatusLabels),
    ]),
    table(
      '担当者別',
      [
        { header: '担当者', width: 24 },
        { header: '担当中のケース', format: 'integer' },
        { header: '期間内の新規', format: 'integer' },
      ],
      report.caseload.map((w) => [w.userId === null ? '担当者未定' : w.name, w.open, w.newInRange]),
    ),
  ];
}

function fileStem(report: StatisticsReport): string {
  const { scope } = report;
  const where = [scope.supportAgencyName, scope.districtName].filter(Boolean).join('_');
  return `支援状況_${scope.from}_${scope.to}${where ? `_${where}` : ''}`;
}

export interface ReportFile<Body> {
  body: Body;
  fileName: string;
  asciiFileName: string;
}

export async function exportReportXlsx(
  deps: AppDeps,
  ctx: ActorContext,
  query: StatisticsQuery,
): Promise<ReportFile<Uint8Array<ArrayBuffer>>> {
  const report = await getStatisticsReport(deps, ctx, query);
  return {
    body: buildXlsx(reportSheets(report)),
    fileName: `${fileStem(report)}.xlsx`,
    asciiFileName: `statistics_${report.scope.from}_${report.scope.to}.xlsx`,
  };
}

/** The monthly table as CSV (one header line, a line per month, the 合計 line). */
export async function exportReportCsv(
  deps: AppDeps,
  ctx: ActorContext,
  query: StatisticsQuery,
): Promise<ReportFile<string>> {
  const report = await getStatisticsReport(deps, ctx, query);
  const { months, total } = monthlyRows(report);
  return {
    body: csvDocument(monthlyHeader, [...months, total]),
    fileName: `${fileStem(report)}.csv`,
    asciiFileName: `statistics_${report.scope.from}_${report.scope.to}.csv`,
  };
}
