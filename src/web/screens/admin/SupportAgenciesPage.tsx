import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { agencyOperationLabels, contractorKindLabels } from '../../../domain/organisations';
import { api } from '../../api/client';
import { QueryState } from '../../components/Loading';
import { Page } from '../../components/Page';
import { formatDate } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';

export function SupportAgenciesPage() {
  const { t, label, lang } = useI18n();
  const l = t.supportAgencies;
  const query = useQuery({
    queryKey: ['support-agencies'],
    queryFn: async () => (await api['support-agencies'].$get()).json(),
  });
  if (!query.data) return <QueryState error={query.error} />;
  return (
    <Page
      title={l.title}
      lead={l.lead}
      actions={
        query.data.abilities.create && (
          <Link
            to="/support-agencies/new"
            className="inline-flex min-h-11 items-center rounded-8 bg-blue-900 px-4 py-2 text-std-16B-170 text-white no-underline hover:bg-blue-1000 hover:text-white"
          >
            {l.new}
          </Link>
        )
      }
    >
      <ul className="grid gap-6">
        {query.data.items.map((a) => (
          <li key={a.id} className="rounded-12 border border-solid-gray-300 p-4">
            <h2 className="text-std-20B-150">
              <Link to={`/support-agencies/${a.id}`}>{a.name}</Link>
              {a.archived && (
                <span className="ml-2 rounded-4 bg-solid-gray-100 px-2 text-dns-14N-130">
                  {l.archivedLabel}
                </span>
              )}
            </h2>
            <p className="mt-1">
              {label(agencyOperationLabels[a.operation])}
              {a.operation === 'commissioned' &&
                `（${a.contractorName ?? ''}${a.contractorKind ? `・${label(contractorKindLabels[a.contractorKind])}` : ''}）`}
              {a.contractStart &&
                ` ${formatDate(a.contractStart, lang)}〜${formatDate(a.contractEnd, lang)}`}
            </p>
            {a.phone && <p>{a.phone}</p>}
            {a.sites.length > 0 && (
              <ul className="mt-2 list-disc pl-6">
                {a.sites.map((s) => (
                  <li key={s.id}>
                    {s.name}
                    {s.isOutreachDesk && `（${l.isOutreachDesk}）`}
                    {s.openingHours && (
                      <span className="text-solid-gray-700"> — {s.openingHours}</span>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </Page>
  );
}
