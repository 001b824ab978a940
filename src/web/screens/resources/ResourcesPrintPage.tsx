import { serviceClassLabels } from '../../../domain/cases/vocabulary';
import {
  formalityLabels,
  participationKindLabels,
  resourceCategoryLabels,
} from '../../../domain/resources/vocabulary';
import { QueryState } from '../../components/Loading';
import { Heading, PrintFrame } from '../../components/PrintParts';
import { fill, useI18n } from '../../i18n/i18n';
import { useResourceFilter, useSocialResources } from './resource-data';

/** 社会資源一覧 on A4, as filtered on the list: grouped by kind, with how to reach each. */
export function ResourcesPrintPage() {
  const { t, label } = useI18n();
  const d = t.resources.directory;
  const { filter, query: apiQuery, search } = useResourceFilter();
  const query = useSocialResources(apiQuery);
  if (!query.data) return <QueryState error={query.error} />;
  const items = query.data.items;
  const described = [
    filter.q,
    filter.category ? label(resourceCategoryLabels[filter.category]) : '',
    filter.serviceClass ? label(serviceClassLabels[filter.serviceClass]) : '',
    filter.formality ? label(formalityLabels[filter.formality]) : '',
    filter.area,
    filter.tag ? `#${filter.tag}` : '',
    filter.participationKind ? label(participationKindLabels[filter.participationKind]) : '',
    filter.communityBase ? d.communityBaseOnly : '',
  ]
    .filter(Boolean)
    .join('・');
  const groups = [...new Set(items.map((r) => r.category))];
  return (
    <PrintFrame
      title={d.printTitle}
      back={{ to: `/resources${search ? `?${search}` : ''}`, label: t.app.back }}
      meta={
        described ? (
          <>
            {fill(d.printFilter, { filter: described })}
            <br />
          </>
        ) : undefined
      }
    >
      {groups.map((category) => (
        <section key={category} data-testid="resource-print-group">
          <Heading>{label(resourceCategoryLabels[category])}</Heading>
          <table className="mb-3 w-full border-collapse text-[9pt]">
            <thead>
              <tr>
                {[d.name, d.serviceClass, d.description, d.hours, d.contact].map((h) => (
                  <th key={h} className="border border-black bg-solid-gray-50 px-1 text-left">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {items
                .filter((r) => r.category === category)
                .map((r) => (
                  <tr key={r.id} className="break-inside-avoid align-top">
                    <td className="w-1/5 border border-black px-1">
                      {r.name}
                      <div className="text-[8pt]">
                        {label(formalityLabels[r.formal ? 'formal' : 'informal'])}
                        {r.isCommunityBase ? `・${d.communityBase}` : ''}
                      </div>
                    </td>
                    <td className="border border-black px-1 text-center">{r.serviceClass}</td>
                    <td className="whitespace-pre-wrap border border-black px-1">
                      {r.description}
                      {r.participationKinds.length > 0 && (
                        <div className="text-[8pt]">
                          {d.participationKinds}：
                          {r.participationKinds
                            .map((k) => label(participationKindLabels[k]))
                            .join('、')}
                        </div>
                      )}
                      {r.accommodations && (
                        <div className="text-[8pt]">
                          {d.accommodations}：{r.accommodations}
                        </div>
                      )}
                    </td>
                    <td className="border border-black px-1">
                      {r.hours}
                      {r.capacity !== null && (
                        <div className="text-[8pt]">
                          {d.capacity} {r.capacity}
                        </div>
                      )}
                    </td>
                    <td className="border border-black px-1">
                      <div>{r.providerPartnerAgencyName ?? r.providerName}</div>
                      {r.phone && <div>{r.phone}</div>}
                      <div>
                        {[...new Set([r.districtName, r.area, r.address].filter(Boolean))].join(
                          ' ',
                        )}
                      </div>
                      {r.coordinatorName && (
                        <div className="text-[8pt]">
                          {d.coordinatorName}：{r.coordinatorName}
                        </div>
                      )}
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </section>
      ))}
      {items.length === 0 && <p>{t.app.noResults}</p>}
    </PrintFrame>
  );
}
