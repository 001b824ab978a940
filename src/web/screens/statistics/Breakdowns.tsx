import {
  consultationTopicLabels,
  improvementItemLabels,
  routeInLabels,
  sexLabels,
} from '../../../domain/cases/vocabulary';
import { ageBandLabels } from '../../../domain/statistics/indicators';
import type { CountRow, StatisticsReport } from '../../../domain/statistics/report';
import { fill, useI18n } from '../../i18n/i18n';
import { BarChart, type BarRow, ChartWithTable, CountTable, summarise } from './charts';

type Labels = Record<string, { ja: string; en: string }>;

/**
 * The breakdowns of the period's new consultations (age band, sex, topic, route), the triage
 * outcomes and the 自立に向けた改善 by item: a bar chart and its table each. Labels come from
 * the domain's vocabularies, so the dashboard says what the intake form said.
 */
export function Breakdowns({ report }: { report: StatisticsReport }) {
  const { t, label } = useI18n();
  const c = t.statistics.charts;
  const tr = t.statistics.triage;
  const rowsOf = (rows: readonly CountRow[], labels: Labels, unknown?: string): BarRow[] =>
    rows.map((r) => {
      const entry = labels[r.key];
      return { key: r.key, label: entry ? label(entry) : (unknown ?? r.key), count: r.count };
    });
  const triage = report.triage;
  const triageRows: BarRow[] = [
    { key: 'continued', label: tr.continued, count: triage.continued },
    { key: 'referredOut', label: tr.referredOut, count: triage.referredOut },
    {
      key: 'referredOutToPublicAssistance',
      label: tr.referredOutToPublicAssistance,
      count: triage.referredOutToPublicAssistance,
    },
    { key: 'infoOnly', label: tr.infoOnly, count: triage.infoOnly },
  ];
  const newConsultations = report.total.newConsultations;
  const breakdowns: { id: string; title: string; rows: BarRow[]; shareOf?: number }[] = [
    {
      id: 'ageBand',
      title: c.ageBand,
      rows: rowsOf(report.breakdowns.ageBand, ageBandLabels),
      shareOf: newConsultations,
    },
    {
      id: 'sex',
      title: c.sex,
      rows: rowsOf(report.breakdowns.sex, sexLabels, t.statistics.sexUnknown),
      shareOf: newConsultations,
    },
    {
      id: 'topic',
      title: c.topic,
      rows: rowsOf(report.breakdowns.topic, consultationTopicLabels),
      shareOf: newConsultations,
    },
    {
      id: 'route',
      title: c.route,
      rows: rowsOf(report.breakdowns.route, routeInLabels),
      shareOf: newConsultations,
    },
  ];
  const outcomes: { id: string; title: string; rows: BarRow[]; shareOf?: number }[] = [
    { id: 'triage', title: c.triage, rows: triageRows },
    {
      id: 'improvements',
      title: c.improvements,
      rows: rowsOf(report.improvements, improvementItemLabels),
      shareOf: report.total.planHoldersEvaluated,
    },
  ];
  const unit = (count: number) => fill(t.statistics.headline.count, { count });
  const show = (b: (typeof breakdowns)[number]) => (
    <ChartWithTable
      key={b.id}
      testId={`breakdown-${b.id}`}
      chart={
        <>
          <h3 className="mb-2 text-std-20B-150">{b.title}</h3>
          {b.rows.length === 0 ? (
            <p>{c.noData}</p>
          ) : (
            <BarChart title={b.title} rows={b.rows} summary={summarise(b.rows, unit)} />
          )}
        </>
      }
      table={
        <CountTable
          title={b.title}
          rows={b.rows}
          testId={`breakdown-${b.id}-table`}
          {...(b.shareOf !== undefined ? { shareOf: b.shareOf } : {})}
        />
      }
    />
  );
  return (
    <>
      <section aria-labelledby="breakdowns-title" className="mb-10">
        <h2 id="breakdowns-title" className="mb-4 text-std-24B-150">
          {c.breakdowns}
        </h2>
        {breakdowns.map(show)}
      </section>
      <section aria-labelledby="outcomes-title" className="mb-10">
        <h2 id="outcomes-title" className="mb-4 text-std-24B-150">
          {c.outcomes}
        </h2>
        {outcomes.map(show)}
      </section>
    </>
  );
}
