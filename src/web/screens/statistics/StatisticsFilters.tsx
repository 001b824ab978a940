import { fiscalYearMonths, fiscalYearOf } from '../../../domain/statistics/indicators';
import { SelectField } from '../../components/fields';
import { fill, useI18n } from '../../i18n/i18n';
import {
  currentMonth,
  type PeriodKind,
  periodKinds,
  recentFiscalYears,
  recentMonths,
  warekiFiscalYear,
  warekiMonth,
} from './period';
import type { useStatisticsFilter } from './statistics-data';

type Filter = ReturnType<typeof useStatisticsFilter>;

interface Choice {
  id: string;
  name: string;
}

/**
 * 期間 (a fiscal year, a month or a range of months, in 和暦 and 西暦), 機関 (only for those who
 * may choose one: the server's options list more than their own) and 地区. Each change applies at
 * once and goes into the URL.
 */
export function StatisticsFilters({
  filter,
  agencies,
  districts,
}: {
  filter: Filter;
  agencies: readonly Choice[];
  districts: readonly Choice[];
}) {
  const { t } = useI18n();
  const f = t.statistics.filters;
  const { period, setFilter } = filter;
  const fyLabel = (year: number) =>
    fill(t.statistics.fiscalYearLabel, { wareki: warekiFiscalYear(year), year });
  const monthLabel = (month: string) =>
    fill(t.statistics.monthLabel, { wareki: warekiMonth(month), iso: month });
  const years = recentFiscalYears();
  const shownYear = fiscalYearOf(period.from);
  if (!years.includes(shownYear)) years.push(shownYear);
  const months = recentMonths();
  for (const m of [period.from, period.to]) if (!months.includes(m)) months.push(m);
  months.sort().reverse();
  const monthOptions = months.map((m) => ({ value: m, label: monthLabel(m) }));
  const kindLabels: Record<PeriodKind, string> = {
    fy: f.fiscalYear,
    month: f.month,
    range: f.range,
  };
  const changeKind = (kind: PeriodKind) => {
    if (kind === 'fy') setFilter({ period: kind, ...fiscalYearMonths(fiscalYearOf(period.to)) });
    else if (kind === 'month') {
      // The last month of the period shown, or this month when that is still to come.
      const [month = period.to] = [period.to, currentMonth()].sort();
      setFilter({ period: kind, from: month, to: month });
    } else setFilter({ period: kind, from: period.from, to: period.to });
  };
  const problem =
    filter.problem === 'reversed'
      ? f.rangeReversed
      : filter.problem === 'tooLong'
        ? f.rangeTooLong
        : undefined;
  return (
    <search
      className="no-print mb-6 rounded-12 bg-solid-gray-50 p-4"
      aria-label={f.title}
      data-testid="statistics-filters"
    >
      <div className="grid gap-x-4 md:grid-cols-4">
        <SelectField
          plain
          id="stats-period"
          label={f.periodKind}
          value={period.kind}
          options={periodKinds.map((k) => ({ value: k, label: kindLabels[k] }))}
          onChange={(e) => changeKind(e.target.value as PeriodKind)}
        />
        {period.kind === 'fy' && (
          <SelectField
            plain
            id="stats-fy"
            label={f.fiscalYear}
            value={String(shownYear)}
            options={years.map((y) => ({ value: String(y), label: fyLabel(y) }))}
            onChange={(e) =>
              setFilter({ period: 'fy', ...fiscalYearMonths(Number(e.target.value)) })
            }
          />
        )}
        {period.kind === 'month' && (
          <SelectField
            plain
            id="stats-month"
            label={f.month}
            value={period.from}
            options={monthOptions}
            onChange={(e) => setFilter({ from: e.target.value, to: e.target.value })}
          />
        )}
        {period.kind === 'range' && (
          <>
            <SelectField
              plain
              id="stats-from"
              label={f.from}
              value={period.from}
              options={monthOptions}
              onChange={(e) => setFilter({ from: e.target.value })}
            />
            <SelectField
              plain
              id="stats-to"
              label={f.to}
              value={period.to}
              options={monthOptions}
              error={problem}
              onChange={(e) => setFilter({ to: e.target.value })}
            />
          </>
        )}
        {agencies.length > 1 && (
          <SelectField
            plain
            id="stats-agency"
            label={f.agency}
            value={filter.supportAgencyId}
            placeholder={f.allAgencies}
            options={agencies.map((a) => ({ value: a.id, label: a.name }))}
            onChange={(e) => setFilter({ supportAgencyId: e.target.value })}
          />
        )}
        <SelectField
          plain
          id="stats-district"
          label={f.district}
          value={filter.districtId}
          placeholder={f.allDistricts}
          options={districts.map((d) => ({ value: d.id, label: d.name }))}
          onChange={(e) => setFilter({ districtId: e.target.value })}
        />
      </div>
    </search>
  );
}
