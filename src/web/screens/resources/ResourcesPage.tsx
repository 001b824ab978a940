import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useLocation } from 'react-router';
import { serviceClasses, serviceClassLabels } from '../../../domain/cases/vocabulary';
import {
  formalities,
  formalityLabels,
  participationKindLabels,
  participationKinds,
  resourceCategories,
  resourceCategoryLabels,
} from '../../../domain/resources/vocabulary';
import { api, download, queryString } from '../../api/client';
import { Button } from '../../components/Button';
import { CsvImportPanel } from '../../components/CsvImportPanel';
import { Disclosure } from '../../components/Disclosure';
import { Checkbox, SelectField, TextField } from '../../components/fields';
import { QueryState } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { optionsOf } from '../../components/options';
import { Page } from '../../components/Page';
import { fill, useI18n } from '../../i18n/i18n';
import { useDistricts, useResourceFilter, useSocialResources } from './resource-data';

const linkButton =
  'inline-flex min-h-11 items-center rounded-8 border-2 border-blue-900 px-4 py-2 text-std-16B-170 no-underline';

/** 社会資源: the directory with its filters (kept in the URL), CSV out and in, and printing. */
export function ResourcesPage() {
  const { t, label } = useI18n();
  const d = t.resources.directory;
  const location = useLocation();
  const queryClient = useQueryClient();
  const { filter, setFilter, query: apiQuery, search } = useResourceFilter();
  const query = useSocialResources(apiQuery);
  const districts = useDistricts();
  const tags = useQuery({
    queryKey: ['social-resources', 'tags'],
    queryFn: async () => (await api['social-resources'].tags.$get()).json(),
  });
  const saved = (location.state as { saved?: string } | null)?.saved;
  const sortLabels = { category: d.sortCategory, name: d.sortName, updated: d.sortUpdated };
  const exportCsv = () =>
    download(`/api/social-resources/export.csv${queryString(apiQuery)}`, 'social-resources.csv');

  return (
    <Page
      title={d.title}
      lead={d.lead}
      actions={
        <>
          <Button variant="secondary" onClick={() => void exportCsv()}>
            {t.app.exportCsv}
          </Button>
          <Link
            to={`/resources/print${search ? `?${search}` : ''}`}
            className={`${linkButton} bg-white text-blue-900 hover:bg-blue-50`}
          >
            {d.print}
          </Link>
          {query.data?.abilities.create && (
            <Link
              to="/resources/new"
              className={`${linkButton} bg-blue-900 text-white hover:bg-blue-1000 hover:text-white`}
            >
              {d.new}
            </Link>
          )}
        </>
      }
    >
      {saved && <Notice tone="success" title={fill(d.saved, { name: saved })} />}
      <search
        className="no-print mb-4 grid gap-x-4 rounded-12 bg-solid-gray-50 p-4 md:grid-cols-3"
        data-testid="resource-filters"
      >
        <TextField
          plain
          id="filter-q"
          type="search"
          label={d.filterText}
          value={filter.q}
          onChange={(e) => setFilter({ q: e.target.value })}
        />
        <SelectField
          plain
          id="filter-category"
          label={d.category}
          placeholder={d.allCategories}
          options={optionsOf(resourceCategories, resourceCategoryLabels, label)}
          value={filter.category ?? ''}
          onChange={(e) => setFilter({ category: e.target.value })}
        />
        <SelectField
          plain
          id="filter-class"
          label={d.serviceClass}
          placeholder={d.allClasses}
          options={optionsOf(serviceClasses, serviceClassLabels, label)}
          value={filter.serviceClass ?? ''}
          onChange={(e) => setFilter({ serviceClass: e.target.value })}
        />
        <SelectField
          plain
          id="filter-formality"
          label={d.formality}
          placeholder={d.allFormalities}
          options={optionsOf(formalities, formalityLabels, label)}
          value={filter.formality ?? ''}
          onChange={(e) => setFilter({ formality: e.target.value })}
        />
        <SelectField
          plain
          id="filter-district"
          label={d.district}
          placeholder={d.allDistricts}
          options={districts.map((x) => ({ value: x.id, label: x.name }))}
          value={filter.districtId}
          onChange={(e) => setFilter({ districtId: e.target.value })}
        />
        <TextField
          plain
          id="filter-area"
          label={d.areaFilter}
          value={filter.area}
          onChange={(e) => setFilter({ area: e.target.value })}
        />
        <SelectField
          plain
          id="filter-tag"
          label={d.tags}
          placeholder={d.allTags}
          options={(tags.data?.items ?? []).map((x) => ({ value: x, label: x }))}
          value={filter.tag}
          onChange={(e) => setFilter({ tag: e.target.value })}
        />
        <SelectField
          plain
          id="filter-participation"
          label={d.participationKinds}
          placeholder={d.allKinds}
          options={optionsOf(participationKinds, participationKindLabels, label)}
          value={filter.participationKind ?? ''}
          onChange={(e) => setFilter({ participationKind: e.target.value })}
        />
        <SelectField
          plain
          id="filter-sort"
          label={t.app.sortBy}
          options={(['category', 'name', 'updated'] as const).map((s) => ({
            value: s,
            label: sortLabels[s],
          }))}
          value={filter.sort}
          onChange={(e) => setFilter({ sort: e.target.value })}
        />
        <div>
          <Checkbox
            id="filter-community-base"
            label={d.communityBaseOnly}
            checked={filter.communityBase}
            onChange={(checked) => setFilter({ communityBase: checked })}
          />
          <Checkbox
            id="filter-archived"
            label={d.includeArchived}
            checked={filter.includeArchived}
            onChange={(checked) => setFilter({ includeArchived: checked })}
          />
        </div>
      </search>
      {query.data?.abilities.import && (
        <Disclosure className="no-print mb-6" summary={t.resources.partners.import}>
          <div className="mt-3">
            <CsvImportPanel
              send={async (csv, dryRun) =>
                (await api['social-resources'].import.$post({ json: { csv, dryRun } })).json()
              }
              onApplied={() => queryClient.invalidateQueries({ queryKey: ['social-resources'] })}
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
            <table className="w-full border-collapse text-left" data-testid="resource-table">
              <thead>
                <tr className="border-b-2 border-solid-gray-300">
                  <th className="p-2">{d.name}</th>
                  <th className="p-2">{d.category}</th>
                  <th className="p-2">{d.serviceClass}</th>
                  <th className="p-2">{d.provider}</th>
                  <th className="p-2">{d.area}</th>
                  <th className="p-2">{d.participationKinds}</th>
                </tr>
              </thead>
              <tbody>
                {query.data.items.length === 0 && (
                  <tr>
                    <td colSpan={6} className="p-4 text-solid-gray-700">
                      {t.app.noResults}
                    </td>
                  </tr>
                )}
                {query.data.items.map((r) => (
                  <tr key={r.id} className="border-b border-solid-gray-200 align-top">
                    <td className="p-2">
                      <Link to={`/resources/${r.id}`}>{r.name}</Link>
                      {r.archived && (
                        <span className="ml-2 rounded-4 bg-solid-gray-100 px-2 text-dns-14N-130">
                          {d.archivedLabel}
                        </span>
                      )}
                      {r.isCommunityBase && (
                        <span className="ml-2 rounded-4 bg-green-50 px-2 text-dns-14N-130">
                          {d.communityBase}
                        </span>
                      )}
                      {r.tags.length > 0 && (
                        <div className="text-dns-14N-130 text-solid-gray-700">
                          {r.tags.map((x) => `#${x}`).join(' ')}
                        </div>
                      )}
                    </td>
                    <td className="p-2">
                      {label(resourceCategoryLabels[r.category])}
                      <div className="text-dns-14N-130 text-solid-gray-700">
                        {label(formalityLabels[r.formal ? 'formal' : 'informal'])}
                      </div>
                    </td>
                    <td className="p-2">{r.serviceClass}</td>
                    <td className="p-2">{r.providerPartnerAgencyName ?? r.providerName}</td>
                    <td className="p-2">
                      {[...new Set([r.districtName, r.area].filter(Boolean))].join('・')}
                    </td>
                    <td className="p-2">
                      {r.participationKinds
                        .map((k) => label(participationKindLabels[k]))
                        .join('、')}
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
