import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { multiAgencyStatusLabels } from '../../../domain/multi-agency/multi-agency-case';
import { api, download, queryString } from '../../api/client';
import { useSession } from '../../api/session';
import { Button } from '../../components/Button';
import { Checkbox, SelectField } from '../../components/fields';
import { QueryState } from '../../components/Loading';
import { Page } from '../../components/Page';
import { formatDate } from '../../i18n/format';
import { fill, useI18n } from '../../i18n/i18n';

const sorts = ['referredOn', 'reviewOn', 'person'] as const;
type Sort = (typeof sorts)[number];

/** 多機関協働の一覧: the coordinator's households, filtered, sorted, and exported as CSV. */
export function MultiAgencyListPage() {
  const { t, label, lang } = useI18n();
  const session = useSession();
  const m = t.multiAgency;
  const [params, setParams] = useSearchParams();
  const scope = params.get('scope') === 'all' ? 'all' : 'open';
  const mine = params.get('mine') === 'true';
  const [sort, setSort] = useState<Sort>('referredOn');
  const query = useQuery({
    queryKey: ['multi-agency', 'list', scope, mine],
    queryFn: async () =>
      (
        await api['multi-agency'].$get({
          query: { scope, ...(mine ? { mine: 'true' as const } : {}) },
        })
      ).json(),
  });
  const rows = useMemo(() => {
    const items = [...(query.data?.items ?? [])];
    if (sort === 'reviewOn') {
      items.sort((a, b) => (a.reviewOn ?? '9999').localeCompare(b.reviewOn ?? '9999'));
    } else if (sort === 'person') {
      items.sort((a, b) => a.personName.localeCompare(b.personName, 'ja'));
    }
    return items;
  }, [query.data, sort]);
  const set = (next: { scope?: string; mine?: boolean }) => {
    const s = next.scope ?? scope;
    const mn = next.mine ?? mine;
    setParams({ ...(s === 'all' ? { scope: s } : {}), ...(mn ? { mine: 'true' } : {}) });
  };
  const sortLabels: Record<Sort, string> = {
    referredOn: m.columns.referredOn,
    reviewOn: m.columns.reviewOn,
    person: m.columns.person,
  };
  return (
    <Page
      title={m.listTitle}
      lead={m.listLead}
      actions={
        // The CSV is for those who keep the cases; partner staff read the shared ones here.
        session.can('multiAgency.manage') && (
          <Button
            variant="secondary"
            onClick={() =>
              void download(
                `/api/multi-agency/export.csv${queryString({ scope, mine: mine ? 'true' : undefined })}`,
                'multi-agency.csv',
              )
            }
          >
            {t.app.exportCsv}
          </Button>
        )
      }
    >
      <div className="no-print mb-4 grid max-w-4xl items-end gap-x-4 md:grid-cols-3">
        <SelectField
          id="ma-scope"
          plain
          label={m.scope}
          options={[
            { value: 'open', label: m.scopeOpen },
            { value: 'all', label: m.scopeAll },
          ]}
          value={scope}
          onChange={(e) => set({ scope: e.target.value })}
        />
        <SelectField
          id="ma-sort"
          plain
          label={t.app.sortBy}
          options={sorts.map((s) => ({ value: s, label: sortLabels[s] }))}
          value={sort}
          onChange={(e) => setSort(e.target.value as Sort)}
        />
        {session.can('multiAgency.manage') && (
          <div className="mb-6">
            <Checkbox
              id="ma-mine"
              label={m.mine}
              checked={mine}
              onChange={(v) => set({ mine: v })}
            />
          </div>
        )}
      </div>
      {!query.data ? (
        <QueryState error={query.error} />
      ) : rows.length === 0 ? (
        <p>{m.none}</p>
      ) : (
        <>
          <p role="status" className="mb-2 text-solid-gray-700">
            {fill(t.app.resultCount, { count: rows.length })}
          </p>
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-left" data-testid="multi-agency-list">
              <thead>
                <tr className="border-b-2 border-solid-gray-300">
                  <th className="p-2">{m.columns.person}</th>
                  <th className="p-2">{m.columns.status}</th>
                  <th className="p-2">{m.columns.referredOn}</th>
                  <th className="p-2">{m.columns.referrer}</th>
                  <th className="p-2">{m.columns.lead}</th>
                  <th className="p-2">{m.columns.agencies}</th>
                  <th className="p-2">{m.columns.coordinator}</th>
                  <th className="p-2">{m.columns.reviewOn}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id} className="border-b border-solid-gray-200">
                    <td className="p-2">
                      <Link
                        to={
                          r.caseId && session.can('case.read')
                            ? `/cases/${r.caseId}/multi_agency`
                            : `/multi-agency/${r.id}`
                        }
                      >
                        {r.personName}
                      </Link>
                      {r.caseNumber && (
                        <div className="text-dns-14N-130 text-solid-gray-700">{r.caseNumber}</div>
                      )}
                    </td>
                    <td className="p-2">{label(multiAgencyStatusLabels[r.status])}</td>
                    <td className="p-2">{formatDate(r.referredOn, lang)}</td>
                    <td className="p-2">{r.referrerName}</td>
                    <td className="p-2">{r.leadName ?? m.undecided}</td>
                    <td className="p-2">{r.agencyCount}</td>
                    <td className="p-2">{r.coordinatorName ?? m.undecided}</td>
                    <td className="p-2">{formatDate(r.reviewOn, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Page>
  );
}
