import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { type Period, type PeriodKind, periodFromParams, rangeProblem } from './period';

/**
 * The dashboard's filters, kept in the URL (`period`, `from`, `to`, `supportAgencyId`,
 * `districtId`) so a filtered dashboard can be shared, reloaded and printed as it is.
 */
export function useStatisticsFilter() {
  const [params, setParams] = useSearchParams();
  const period = periodFromParams(params);
  const supportAgencyId = params.get('supportAgencyId') ?? '';
  const districtId = params.get('districtId') ?? '';
  // From the address as it is now, not as it was at the last render: two quick changes both stay.
  const setFilter = (
    change: Partial<{
      period: PeriodKind;
      from: string;
      to: string;
      supportAgencyId: string;
      districtId: string;
    }>,
  ) => {
    const next = new URLSearchParams(window.location.search);
    for (const [key, value] of Object.entries(change)) {
      if (value === '' || value === undefined) next.delete(key);
      else next.set(key, value);
    }
    setParams(next, { replace: true });
  };
  /** The report's query: the period's months and the chosen agency and district. */
  const query = {
    from: period.from,
    to: period.to,
    ...(supportAgencyId ? { supportAgencyId } : {}),
    ...(districtId ? { districtId } : {}),
  };
  return { period, supportAgencyId, districtId, setFilter, query, problem: rangeProblem(period) };
}

export type StatisticsFilterQuery = ReturnType<typeof useStatisticsFilter>['query'];

export function useStatisticsReport(query: StatisticsFilterQuery, enabled: boolean) {
  return useQuery({
    queryKey: ['statistics', 'report', query],
    queryFn: async () => (await api.statistics.report.$get({ query })).json(),
    enabled,
    placeholderData: (previous) => previous,
  });
}

export function useStatisticsOptions() {
  return useQuery({
    queryKey: ['statistics', 'options'],
    queryFn: async () => (await api.statistics.options.$get()).json(),
  });
}

export type { Period };
