import type { ComponentProps, ReactNode } from 'react';
import type { IndicatorFigures, StatisticsReport } from '../../../domain/statistics/report';
import { useI18n } from '../../i18n/i18n';
import { ChartWithTable, cell, FiguresTable, MonthlyChart, percent, rate } from './charts';
import { warekiMonth } from './period';

type CountIndicator = keyof IndicatorFigures['per100k'];
const countIndicators: readonly CountIndicator[] = [
  'newConsultations',
  'plans',
  'employmentSupportTargets',
];

/** 4月: the axis stays short; the table beside the chart names each month in full (令和8年4月). */
const axisLabel = (month: string) => `${Number(month.slice(5, 7))}月`;

/**
 * Month by month: the three counted indicators per 100,000 population against their 目安値, and
 * the 就労・増収率 against its own. Each chart has its table with the counts themselves.
 */
export function MonthlyCharts({ report }: { report: StatisticsReport }) {
  const { t, lang } = useI18n();
  const c = t.statistics.charts;
  const h = t.statistics.headline;
  const perPopulation = report.scope.population !== null && report.scope.population > 0;
  const monthName = (month: string) => (lang === 'ja' ? warekiMonth(month) : month);
  return (
    <section aria-labelledby="monthly-title" className="mb-10">
      <h2 id="monthly-title" className="mb-2 text-std-24B-150">
        {c.monthly}
      </h2>
      <p className="mb-4 text-solid-gray-700">{c.monthlyLead}</p>
      {countIndicators.map((key) => {
        const title = h[key];
        const shown = (f: IndicatorFigures) => (perPopulation ? f.per100k[key] : f[key]);
        const target = perPopulation ? report.targets[key] : null;
        const points = report.months.map((m) => ({
          month: m.month,
          label: axisLabel(m.month),
          value: shown(m),
        }));
        const summary = report.months
          .map(
            (m) =>
              `${monthName(m.month)} ${m[key]}${perPopulation ? `（${rate(m.per100k[key])}）` : ''}`,
          )
          .join('、');
        return (
          <ChartWithTable
            key={key}
            testId={`monthly-${key}`}
            chart={
              <TitledChart
                title={title}
                points={points}
                target={target}
                format={perPopulation ? rate : String}
                integer={!perPopulation}
                summary={summary}
              />
            }
            table={
              <FiguresTable title={title} first={c.month} columns={[c.count, c.per100k]}>
                <MonthRows
                  report={report}
                  monthName={monthName}
                  figures={(m) => (
                    <>
                      <td className={cell}>{m[key]}</td>
                      <td className={cell}>{rate(m.per100k[key])}</td>
                    </>
                  )}
                />
                <tfoot>
                  <tr data-month="total">
                    <th scope="row" className={`${cell} text-left`}>
                      {c.total}
                    </th>
                    <td className={`${cell} font-bold`} data-testid={`monthly-${key}-total`}>
                      {report.total[key]}
                    </td>
                    <td className={cell}>{rate(report.total.per100k[key])}</td>
                  </tr>
                  <tr>
                    <th scope="row" className={`${cell} text-left font-normal`}>
                      {c.target}
                    </th>
                    <td className={cell} />
                    <td className={cell}>{rate(report.targets[key])}</td>
                  </tr>
                </tfoot>
              </FiguresTable>
            }
          />
        );
      })}
      <RateChart report={report} monthName={monthName} />
    </section>
  );
}

function RateChart({
  report,
  monthName,
}: {
  report: StatisticsReport;
  monthName: (month: string) => string;
}) {
  const { t } = useI18n();
  const c = t.statistics.charts;
  const title = t.statistics.headline.employmentRate;
  const asPercent = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);
  const points = report.months.map((m) => ({
    month: m.month,
    label: axisLabel(m.month),
    value: asPercent(m.employmentRate),
  }));
  const target = asPercent(report.targets.employmentRate);
  const summary = report.months
    .map((m) => `${monthName(m.month)} ${percent(m.employmentRate)}`)
    .join('、');
  const row = (f: IndicatorFigures) => (
    <>
      <td className={cell}>{f.employmentSupportTargets}</td>
      <td className={cell}>{f.employedOfTargets}</td>
      <td className={cell}>{f.incomeIncreasedOfTargets}</td>
      <td className={cell}>{percent(f.employmentRate)}</td>
    </>
  );
  return (
    <ChartWithTable
      testId="monthly-employmentRate"
      chart={
        <TitledChart
          title={title}
          points={points}
          target={target}
          format={(v) => `${v}%`}
          summary={summary}
        />
      }
      table={
        <FiguresTable
          title={title}
          first={c.month}
          columns={[c.rateTargets, c.rateEmployed, c.rateIncreased, c.rate]}
        >
          <MonthRows report={report} monthName={monthName} figures={row} />
          <tfoot>
            <tr>
              <th scope="row" className={`${cell} text-left`}>
                {c.total}
              </th>
              {row(report.total)}
            </tr>
            <tr>
              <th scope="row" className={`${cell} text-left font-normal`}>
                {c.target}
              </th>
              <td className={cell} colSpan={3} />
              <td className={cell}>{percent(report.targets.employmentRate)}</td>
            </tr>
          </tfoot>
        </FiguresTable>
      }
    />
  );
}

/** The body of a monthly table: a row a month, named in full (令和8年4月), then its figures. */
function MonthRows({
  report,
  monthName,
  figures,
}: {
  report: StatisticsReport;
  monthName: (month: string) => string;
  figures: (month: IndicatorFigures) => ReactNode;
}) {
  return (
    <tbody>
      {report.months.map((m) => (
        <tr key={m.month} data-month={m.month}>
          <th scope="row" className={`${cell} text-left font-normal`}>
            {monthName(m.month)}
          </th>
          {figures(m)}
        </tr>
      ))}
    </tbody>
  );
}

/** A monthly chart under its heading. */
function TitledChart(props: ComponentProps<typeof MonthlyChart>) {
  return (
    <>
      <h3 className="mb-2 text-std-20B-150">{props.title}</h3>
      <MonthlyChart {...props} />
    </>
  );
}
