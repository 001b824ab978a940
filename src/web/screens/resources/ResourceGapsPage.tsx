import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import {
  resourceGapStatuses,
  resourceGapStatusLabels,
} from '../../../domain/resources/resource-gap-status';
import { api } from '../../api/client';
import { Disclosure } from '../../components/Disclosure';
import { SelectField } from '../../components/fields';
import { QueryState } from '../../components/Loading';
import { Page } from '../../components/Page';
import { formatDate, formatDateTime } from '../../i18n/format';
import { fill, useI18n } from '../../i18n/i18n';
import { RaiseGapForm } from './RaiseGapForm';

const filters = ['open', ...resourceGapStatuses] as const;

/** 地域課題: the gaps found, by status, from raising to the resource built; raising one by hand. */
export function ResourceGapsPage() {
  const { t, label, lang } = useI18n();
  const g = t.resources.gaps;
  const [params, setParams] = useSearchParams();
  const status = filters.find((f) => f === params.get('status'));
  const query = useQuery({
    queryKey: ['resource-gaps', status ?? 'all'],
    queryFn: async () =>
      (await api['resource-gaps'].$get({ query: status ? { status } : {} })).json(),
    placeholderData: (previous) => previous,
  });
  return (
    <Page title={g.title} lead={g.lead}>
      {query.data?.abilities.raise && (
        <Disclosure className="no-print mb-6" summary={g.raise}>
          <div className="mt-3">
            <RaiseGapForm />
          </div>
        </Disclosure>
      )}
      <div className="no-print mb-4 max-w-sm">
        <SelectField
          plain
          id="filter-status"
          label={g.filterStatus}
          placeholder={g.allStatuses}
          options={filters.map((f) => ({
            value: f,
            label: f === 'open' ? g.open : label(resourceGapStatusLabels[f]),
          }))}
          value={status ?? ''}
          onChange={(e) =>
            setParams(e.target.value ? { status: e.target.value } : {}, { replace: true })
          }
        />
      </div>
      {query.data ? (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left" data-testid="gap-table">
            <thead>
              <tr className="border-b-2 border-solid-gray-300">
                <th className="p-2">{g.columns.description}</th>
                <th className="p-2">{g.columns.status}</th>
                <th className="p-2">{g.columns.origin}</th>
                <th className="whitespace-nowrap p-2">{g.columns.cases}</th>
                <th className="p-2">{g.columns.resource}</th>
              </tr>
            </thead>
            <tbody>
              {query.data.items.length === 0 && (
                <tr>
                  <td colSpan={5} className="p-4 text-solid-gray-700">
                    {g.none}
                  </td>
                </tr>
              )}
              {query.data.items.map((gap) => (
                <tr key={gap.id} className="border-b border-solid-gray-200 align-top">
                  <td className="p-2">
                    <Link to={`/resource-gaps/${gap.id}`}>{gap.description}</Link>
                  </td>
                  <td className="p-2">
                    {label(resourceGapStatusLabels[gap.status])}
                    <div className="text-dns-14N-130 text-solid-gray-700">
                      {formatDateTime(gap.statusChangedAt, lang)}
                    </div>
                  </td>
                  <td className="p-2">
                    {gap.meeting
                      ? `${gap.meeting.seriesName}（${formatDate(gap.meeting.heldOn, lang)}）`
                      : gap.fromMeeting
                        ? g.meetingHidden
                        : g.byHand}
                  </td>
                  <td className="p-2">{fill(g.caseCount, { count: gap.caseCount })}</td>
                  <td className="p-2">
                    {gap.resource && (
                      <Link to={`/resources/${gap.resource.id}`}>{gap.resource.name}</Link>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <QueryState error={query.error} />
      )}
    </Page>
  );
}
