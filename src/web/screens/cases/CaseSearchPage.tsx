import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { formatWareki } from '../../../domain/text/wareki';
import { api } from '../../api/client';
import { Button } from '../../components/Button';
import { SelectField, TextField } from '../../components/fields';
import { QueryState } from '../../components/Loading';
import { Page } from '../../components/Page';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDate } from '../../i18n/format';
import { fill, useI18n } from '../../i18n/i18n';

const statuses = ['all', 'open', 'ended'] as const;

export function CaseSearchPage() {
  const { t, lang } = useI18n();
  const s = t.cases.search;
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const status = (statuses as readonly string[]).includes(params.get('status') ?? '')
    ? (params.get('status') as (typeof statuses)[number])
    : 'all';
  const [draft, setDraft] = useState(q);
  const query = useQuery({
    queryKey: ['case-search', q, status],
    queryFn: async () => (await api.cases.search.$get({ query: { q, status } })).json(),
    enabled: q.trim().length > 0,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams(draft.trim() ? { q: draft.trim(), status } : {});
  };
  return (
    <Page title={s.title} lead={s.lead}>
      <search>
        <form
          onSubmit={submit}
          className="no-print mb-6 grid max-w-4xl items-end gap-x-4 md:grid-cols-[1fr_14rem_auto]"
        >
          <TextField
            id="case-q"
            plain
            type="search"
            label={s.query}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
          />
          <SelectField
            id="case-status"
            plain
            label={s.status}
            options={statuses.map((v) => ({ value: v, label: s[v] }))}
            value={status}
            onChange={(e) => setParams({ ...(q ? { q } : {}), status: e.target.value })}
          />
          <Button type="submit" className="mb-6">
            {s.submit}
          </Button>
        </form>
      </search>
      {!q ? (
        <p>{s.hint}</p>
      ) : !query.data ? (
        <QueryState error={query.error} />
      ) : (
        <>
          <p role="status" className="mb-2 text-solid-gray-700" data-testid="case-search-count">
            {query.data.more
              ? fill(s.more, { count: query.data.items.length })
              : fill(t.app.resultCount, { count: query.data.items.length })}
          </p>
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-left" data-testid="case-search-results">
              <thead>
                <tr className="border-b-2 border-solid-gray-300">
                  <th className="p-2">{s.name}</th>
                  <th className="p-2">{s.birthDate}</th>
                  <th className="p-2">{s.caseNumber}</th>
                  <th className="p-2">{t.cases.case.status}</th>
                  <th className="p-2">{s.worker}</th>
                  <th className="p-2">{s.opened}</th>
                </tr>
              </thead>
              <tbody>
                {query.data.items.map((r) => (
                  <tr key={r.id} className="border-b border-solid-gray-200">
                    <td className="p-2">
                      <Link to={`/cases/${r.id}`}>{r.name}</Link>
                      {r.nameKana && (
                        <div className="text-dns-14N-130 text-solid-gray-700">{r.nameKana}</div>
                      )}
                    </td>
                    <td className="p-2">
                      {r.birthDate ? (lang === 'ja' ? formatWareki(r.birthDate) : r.birthDate) : ''}
                    </td>
                    <td className="p-2">{r.caseNumber}</td>
                    <td className="p-2">
                      <StatusBadge status={r.status} />
                    </td>
                    <td className="p-2">{r.leadWorkerName}</td>
                    <td className="p-2">{formatDate(r.openedOn, lang)}</td>
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
