import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { partnerFieldLabels, partnerFields } from '../../../domain/organisations';
import { api, download, queryString } from '../../api/client';
import { Button } from '../../components/Button';
import { CsvImportPanel } from '../../components/CsvImportPanel';
import { Disclosure } from '../../components/Disclosure';
import { Checkbox, SelectField, TextField } from '../../components/fields';
import { QueryState } from '../../components/Loading';
import { Page } from '../../components/Page';
import { fill, useI18n } from '../../i18n/i18n';

const sorts = ['name', 'field', 'updated'] as const;
type Sort = (typeof sorts)[number];

/** 関係機関一覧: filtered by text, field and status, sorted, exported as CSV; filters live in the URL. */
export function PartnerAgenciesPage() {
  const { t, label } = useI18n();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const filter = {
    q: params.get('q') ?? '',
    field: params.get('field') ?? '',
    includeArchived: params.get('includeArchived') === 'true',
    sort: (sorts as readonly string[]).includes(params.get('sort') ?? '')
      ? (params.get('sort') as Sort)
      : 'name',
  };
  const setFilter = (change: Partial<typeof filter>) => {
    // From the address as it is now: two quick changes both stay.
    const now = new URLSearchParams(window.location.search);
    const current = {
      q: now.get('q') ?? '',
      field: now.get('field') ?? '',
      includeArchived: now.get('includeArchived') === 'true',
      sort: now.get('sort') ?? 'name',
    };
    const next = { ...current, ...change };
    setParams(
      Object.fromEntries(
        Object.entries(next)
          .filter(([, v]) => v !== '' && v !== false && !(v === 'name'))
          .map(([k, v]) => [k, String(v)]),
      ),
      { replace: true },
    );
  };
  const query = useQuery({
    queryKey: ['partner-agencies', filter],
    queryFn: async () =>
      (
        await api['partner-agencies'].$get({
          query: {
            ...(filter.q ? { q: filter.q } : {}),
            ...(filter.field ? { field: filter.field as (typeof partnerFields)[number] } : {}),
            ...(filter.includeArchived ? { includeArchived: 'true' as const } : {}),
            sort: filter.sort,
          },
        })
      ).json(),
    placeholderData: (previous) => previous,
  });
  const sortLabels: Record<Sort, string> = {
    name: t.partnerAgencies.sortName,
    field: t.partnerAgencies.sortField,
    updated: t.partnerAgencies.sortUpdated,
  };
  const exportCsv = () =>
    download(
      `/api/partner-agencies/export.csv${queryString({ q: filter.q, field: filter.field, includeArchived: filter.includeArchived, sort: filter.sort })}`,
      'partner-agencies.csv',
    );

  return (
    <Page
      title={t.partnerAgencies.title}
      lead={t.partnerAgencies.lead}
      actions={
        <>
          <Button variant="secondary" onClick={() => void exportCsv()}>
            {t.app.exportCsv}
          </Button>
          <Link
            to={`/partner-agencies/print${queryString({ q: filter.q, field: filter.field, includeArchived: filter.includeArchived, sort: filter.sort })}`}
            className="inline-flex min-h-11 items-center rounded-8 border-2 border-blue-900 bg-white px-4 py-2 text-std-16B-170 text-blue-900 no-underline hover:bg-blue-50"
          >
            {t.resources.partners.print}
          </Link>
          {query.data?.abilities.create && (
            <Link
              to="/partner-agencies/new"
              className="inline-flex min-h-11 items-center rounded-8 bg-blue-900 px-4 py-2 text-std-16B-170 text-white no-underline hover:bg-blue-1000 hover:text-white"
            >
              {t.partnerAgencies.new}
            </Link>
          )}
        </>
      }
    >
      <search className="no-print mb-4 grid gap-x-4 rounded-12 bg-solid-gray-50 p-4 md:grid-cols-3">
        <TextField
          plain
          id="filter-q"
          type="search"
          label={t.partnerAgencies.filterText}
          value={filter.q}
          onChange={(e) => setFilter({ q: e.target.value })}
        />
        <SelectField
          plain
          id="filter-field"
          label={t.partnerAgencies.field}
          placeholder={t.partnerAgencies.allFields}
          options={partnerFields.map((f) => ({ value: f, label: label(partnerFieldLabels[f]) }))}
          value={filter.field}
          onChange={(e) => setFilter({ field: e.target.value })}
        />
        <SelectField
          plain
          id="filter-sort"
          label={t.app.sortBy}
          options={sorts.map((s) => ({ value: s, label: sortLabels[s] }))}
          value={filter.sort}
          onChange={(e) => setFilter({ sort: e.target.value as Sort })}
        />
        <Checkbox
          label={t.partnerAgencies.includeArchived}
          checked={filter.includeArchived}
          onChange={(checked) => setFilter({ includeArchived: checked })}
        />
      </search>
      {query.data?.abilities.create && (
        <Disclosure className="no-print mb-6" summary={t.resources.partners.import}>
          <div className="mt-3">
            <CsvImportPanel
              send={async (csv, dryRun) =>
                (await api['partner-agencies'].import.$post({ json: { csv, dryRun } })).json()
              }
              onApplied={() => queryClient.invalidateQueries({ queryKey: ['partner-agencies'] })}
            />
          </div>
        </Disclosure>
      )}
      {query.data ? (
        <>
          <p role="status" className="mb-2 text-solid-gray-700">
            {fill(t.app.resultCount, { count: query.data.items.length })}
          </p>
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-left" data-testid="partner-table">
              <thead>
                <tr className="border-b-2 border-solid-gray-300">
                  <th className="p-2">{t.partnerAgencies.name}</th>
                  <th className="p-2">{t.partnerAgencies.field}</th>
                  <th className="p-2">{t.partnerAgencies.contact}</th>
                  <th className="p-2">{t.partnerAgencies.liaison}</th>
                </tr>
              </thead>
              <tbody>
                {query.data.items.length === 0 && (
                  <tr>
                    <td colSpan={4} className="p-4 text-solid-gray-700">
                      {t.app.noResults}
                    </td>
                  </tr>
                )}
                {query.data.items.map((p) => (
                  <tr key={p.id} className="border-b border-solid-gray-200 align-top">
                    <td className="p-2">
                      <Link to={`/partner-agencies/${p.id}`}>{p.name}</Link>
                      {p.archived && (
                        <span className="ml-2 rounded-4 bg-solid-gray-100 px-2 text-dns-14N-130">
                          {t.partnerAgencies.archivedLabel}
                        </span>
                      )}
                      {p.nameKana && (
                        <div className="text-dns-14N-130 text-solid-gray-700">{p.nameKana}</div>
                      )}
                    </td>
                    <td className="p-2">{label(partnerFieldLabels[p.field])}</td>
                    <td className="p-2">{p.phone}</td>
                    <td className="p-2">
                      {p.liaisonName}
                      {p.liaisonTitle && (
                        <div className="text-dns-14N-130 text-solid-gray-700">{p.liaisonTitle}</div>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : (
        <QueryState error={query.error} />
      )}
    </Page>
  );
}
