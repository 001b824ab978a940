import { ApiError } from '../../api/api-error';
import { Button } from '../../components/Button';
import { QueryState } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { formatDateTime } from '../../i18n/format';
import { fill, useI18n } from '../../i18n/i18n';
import { ActivityTables } from './ActivityTables';
import { Breakdowns } from './Breakdowns';
import { CaseListPanel } from './CaseListPanel';
import { DownloadPanel } from './DownloadPanel';
import { HeadlineCards } from './HeadlineCards';
import { MonthlyCharts } from './MonthlyCharts';
import { type Period, warekiFiscalYear, warekiMonth } from './period';
import { StatisticsFilters } from './StatisticsFilters';
import { StatisticsSettings } from './StatisticsSettings';
import { useStatisticsFilter, useStatisticsOptions, useStatisticsReport } from './statistics-data';

/**
 * 統計: the national indicators and local breakdowns of a period, for the whole municipality or
 * one agency or district — headline figures, month-by-month charts against the 目安値, breakdowns,
 * each with its table — the downloads, the 支援ケース一覧 and, for those who keep them, the
 * 目安値 and the districts' populations. Prints on A4.
 */
export function StatisticsPage() {
  const { t, lang } = useI18n();
  const s = t.statistics;
  const filter = useStatisticsFilter();
  const options = useStatisticsOptions();
  const report = useStatisticsReport(filter.query, filter.problem === null);
  const data = report.data;
  // What this user may do here comes with the options (the server decides; see permissions).
  const abilities = options.data?.abilities;
  const periodText = (period: Period) => {
    const month = (m: string) => fill(s.monthLabel, { wareki: warekiMonth(m), iso: m });
    if (period.kind === 'fy') {
      const year = Number(period.from.slice(0, 4));
      return fill(s.fiscalYearLabel, { wareki: warekiFiscalYear(year), year });
    }
    return period.from === period.to
      ? month(period.from)
      : `${month(period.from)}〜${month(period.to)}`;
  };
  const fieldErrors = report.error instanceof ApiError ? report.error.fields : {};
  return (
    <Page
      title={s.title}
      lead={s.lead}
      actions={
        <Button variant="secondary" onClick={() => window.print()}>
          {t.app.print}
        </Button>
      }
    >
      <StatisticsFilters
        filter={filter}
        agencies={options.data?.fixedSupportAgencyId ? [] : (options.data?.supportAgencies ?? [])}
        districts={options.data?.districts ?? []}
      />
      {report.error && Object.keys(fieldErrors).length > 0 ? (
        <Notice tone="error" title={report.error.message}>
          <ul>
            {Object.values(fieldErrors).map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </Notice>
      ) : (
        report.error && <QueryState error={report.error} />
      )}
      {filter.problem === null && !data && !report.error && <QueryState error={null} />}
      {data && filter.problem === null && (
        <div
          data-testid="statistics-report"
          data-from={data.scope.from}
          data-to={data.scope.to}
          data-district-id={data.scope.districtId ?? ''}
          data-agency-id={data.scope.supportAgencyId ?? ''}
          aria-busy={report.isFetching}
        >
          <div className="mb-6 text-std-16N-170" data-testid="statistics-scope">
            <p className="text-std-17B-170">
              {fill(s.filters.shownFor, {
                scope: [
                  periodText(filter.period),
                  data.scope.municipalityName,
                  data.scope.supportAgencyName ?? s.filters.allAgencies,
                  data.scope.districtName ?? s.filters.allDistricts,
                ].join('・'),
              })}
            </p>
            <p className="text-dns-14N-130 text-solid-gray-700">
              {data.scope.population
                ? fill(s.population, { population: data.scope.population.toLocaleString('ja-JP') })
                : s.populationUnknown}
              {'　'}
              {fill(s.generatedAt, { time: formatDateTime(data.scope.generatedAt, lang) })}
            </p>
          </div>
          <HeadlineCards report={data} />
          <MonthlyCharts report={data} />
          <Breakdowns report={data} />
          <ActivityTables report={data} />
        </div>
      )}
      {filter.problem === null && (
        <DownloadPanel query={filter.query} national={abilities?.export === true} />
      )}
      {abilities?.readCases && filter.problem === null && <CaseListPanel query={filter.query} />}
      {abilities?.manage && options.data && (
        <StatisticsSettings targets={options.data.targets} districts={options.data.districts} />
      )}
    </Page>
  );
}
