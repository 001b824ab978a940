import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { Disclosure } from '../../components/Disclosure';
import { QueryState } from '../../components/Loading';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDate } from '../../i18n/format';
import { fill, useI18n } from '../../i18n/i18n';
import { cell } from './charts';
import type { StatisticsFilterQuery } from './statistics-data';

/**
 * 支援ケース一覧: the cases behind the figures, for those who may read cases. It names people, so
 * it is read (and audited) only when opened, not with every look at the dashboard.
 */
export function CaseListPanel({ query }: { query: StatisticsFilterQuery }) {
  const { t } = useI18n();
  const c = t.statistics.caseList;
  return (
    <section aria-labelledby="case-list-title" className="no-print mb-10">
      <h2 id="case-list-title" className="mb-2 text-std-24B-150">
        {c.title}
      </h2>
      <p className="mb-4 text-solid-gray-700">{c.lead}</p>
      <Disclosure summary={c.show} summaryClassName="cursor-pointer text-blue-1000 underline">
        <CaseList query={query} />
      </Disclosure>
    </section>
  );
}

function CaseList({ query }: { query: StatisticsFilterQuery }) {
  const { t, lang } = useI18n();
  const c = t.statistics.caseList;
  const list = useQuery({
    queryKey: ['statistics', 'case-list', query],
    queryFn: async () => (await api.statistics['case-list'].$get({ query })).json(),
  });
  if (!list.data) return <QueryState error={list.error} />;
  const { items, truncated, limit } = list.data;
  return (
    <div className="mt-4 overflow-x-auto">
      <p className="mb-2" role="status">
        {fill(c.count, { count: items.length })}
      </p>
      {truncated && <p className="mb-2">{fill(c.truncated, { limit })}</p>}
      <table className="w-full border-collapse text-left text-dns-14N-130" data-testid="case-list">
        <caption className="sr-only">{c.title}</caption>
        <thead>
          <tr>
            <th scope="col" className={cell}>
              {c.caseNumber}
            </th>
            <th scope="col" className={cell}>
              {c.name}
            </th>
            <th scope="col" className={cell}>
              {c.status}
            </th>
            <th scope="col" className={cell}>
              {c.receivedOn}
            </th>
            <th scope="col" className={cell}>
              {c.district}
            </th>
            <th scope="col" className={cell}>
              {c.agency}
            </th>
            <th scope="col" className={cell}>
              {c.leadWorker}
            </th>
            <th scope="col" className={cell}>
              {c.plans}
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((row) => (
            <tr key={row.id}>
              <td className={cell}>
                <Link to={`/cases/${row.id}`}>{row.caseNumber}</Link>
              </td>
              <th scope="row" className={`${cell} font-normal`}>
                {row.name}
              </th>
              <td className={cell}>
                <StatusBadge status={row.status} />
              </td>
              <td className={cell}>{formatDate(row.intakeOn ?? row.openedOn, lang)}</td>
              <td className={cell}>{row.districtName ?? '—'}</td>
              <td className={cell}>{row.supportAgencyName}</td>
              <td className={cell}>{row.leadWorkerName ?? '—'}</td>
              <td className={cell}>{row.currentPlanNo ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
