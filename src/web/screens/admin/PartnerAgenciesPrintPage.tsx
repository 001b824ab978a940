import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { partnerFieldLabels, partnerFields } from '../../../domain/organisations';
import { api } from '../../api/client';
import { QueryState } from '../../components/Loading';
import { PrintFrame } from '../../components/PrintParts';
import { fill, useI18n } from '../../i18n/i18n';

const sorts = ['name', 'field', 'updated'] as const;

/** 相談機関一覧 on A4, filtered as on the list screen: how to reach and refer to each agency. */
export function PartnerAgenciesPrintPage() {
  const { t, label } = useI18n();
  const l = t.partnerAgencies;
  const r = t.resources.partners;
  const [params] = useSearchParams();
  const q = params.get('q') ?? '';
  const field = partnerFields.find((f) => f === params.get('field'));
  const includeArchived = params.get('includeArchived') === 'true';
  const sort = sorts.find((s) => s === params.get('sort')) ?? 'name';
  const query = useQuery({
    queryKey: ['partner-agencies', 'print', { q, field, includeArchived, sort }],
    queryFn: async () =>
      (
        await api['partner-agencies'].$get({
          query: {
            ...(q ? { q } : {}),
            ...(field ? { field } : {}),
            ...(includeArchived ? { includeArchived: 'true' as const } : {}),
            sort,
          },
        })
      ).json(),
  });
  if (!query.data) return <QueryState error={query.error} />;
  const filters = [q, field ? label(partnerFieldLabels[field]) : ''].filter(Boolean).join('・');
  return (
    <PrintFrame
      title={r.printTitle}
      back={{ to: `/partner-agencies?${params.toString()}`, label: t.app.back }}
      meta={
        filters ? (
          <>
            {fill(r.printFilter, { filter: filters })}
            <br />
          </>
        ) : undefined
      }
    >
      <table className="w-full border-collapse text-[9pt]" data-testid="partner-print">
        <thead>
          <tr>
            {[
              l.name,
              l.field,
              r.area,
              `${l.phone}・${l.fax}`,
              r.openingHours,
              l.liaison,
              r.howToRefer,
            ].map((h) => (
              <th key={h} className="border border-black bg-solid-gray-50 px-1 text-left">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {query.data.items.map((p) => (
            <tr key={p.id} className="break-inside-avoid align-top">
              <td className="border border-black px-1">
                {p.name}
                {p.services && <div className="text-[8pt]">{p.services}</div>}
              </td>
              <td className="whitespace-nowrap border border-black px-1">
                {label(partnerFieldLabels[p.field])}
              </td>
              <td className="border border-black px-1">{p.area}</td>
              <td className="whitespace-nowrap border border-black px-1">
                {p.phone}
                {p.fax && <div>FAX {p.fax}</div>}
              </td>
              <td className="border border-black px-1">{p.openingHours}</td>
              <td className="border border-black px-1">
                {p.liaisonName}
                {p.liaisonTitle && <div className="text-[8pt]">{p.liaisonTitle}</div>}
              </td>
              <td className="whitespace-pre-wrap border border-black px-1">{p.howToRefer}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </PrintFrame>
  );
}
