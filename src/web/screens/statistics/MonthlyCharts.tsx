import type { IndicatorFigures, StatisticsReport } from '../../../domain/statistics/report';
import { fill, useI18n } from '../../i18n/i18n';
import { ChartWithTable, cell, MonthlyChart, percent, rate } from './charts';
import { warekiMonth } from './period';

type CountIndicator = 'newConsultations' | 'plans' | 'employmentSupportTargets';
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
              <>
                <h3 className="mb-2 text-std-20B-150">{title}</h3>
                <MonthlyChart
                  title={title}
                  points={points}
                  target={target}
                  format={perPopulation ? rate : String}
                  integer={!perPopulation}
                  summary={summary}
                />
              </>
            }
            table={
              <table className="w-full border-collapse text-right text-dns-16N-130">
                <caption className="mb-1 text-left text-std-16B-170">
                  {fill(c.tableOf, { title })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col" className={`${cell} text-left`}>
                      {c.month}
                    </th>
                    <th scope="col" className={cell}>
                      {c.count}
                    </th>
                    <th scope="col" className={cell}>
                      {c.per100k}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {report.months.map((m) => (
                    <tr key={m.month} data-month={m.month}>
                      <th scope="row" className={`${cell} text-left font-normal`}>
                        {monthName(m.month)}
                      </th>
                      <td className={cell}>{m[key]}</td>
                      <td className={cell}>{rate(m.per100k[key])}</td>
                    </tr>
                  ))}
                </tbody>
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
              </table>
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
        <>
          <h3 className="mb-2 text-std-20B-150">{title}</h3>
          <MonthlyChart
            title={title}
            points={points}
            target={target}
            format={(v) => `${v}%`}
            summary={summary}
          />
        </>
      }
      table={
        <table className="w-full border-collapse text-right text-dns-16N-130">
          <caption className="mb-1 text-left text-std-16B-170">
            {fill(c.tableOf, { title })}
          </caption>
          <thead>
            <tr>
              <th scope="col" className={`${cell} text-left`}>
                {c.month}
              </th>
              <th scope="col" className={cell}>
                {c.rateTargets}
              </th>
              <th scope="col" className={cell}>
                {c.rateEmployed}
              </th>
              <th scope="col" className={cell}>
                {c.rateIncreased}
              </th>
              <th scope="col" className={cell}>
                {c.rate}
              </th>
            </tr>
          </thead>
          <tbody>
            {report.months.map((m) => (
              <tr key={m.month} data-month={m.month}>
                <th scope="row" className={`${cell} text-left font-normal`}>
                  {monthName(m.month)}
                </th>
                {row(m)}
              </tr>
            ))}
          </tbody>
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
        </table>
      }
    />
  );
}
