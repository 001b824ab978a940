import { useInfiniteQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { roleLabels } from '../../../domain/roles';
import { ApiError } from '../../api/api-error';
import { api, download, queryString } from '../../api/client';
import { Button } from '../../components/Button';
import { SelectField, TextField } from '../../components/fields';
import { QueryState } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { formatDateTime } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';

const empty = {
  from: '',
  to: '',
  actor: '',
  action: '',
  outcome: '',
  subjectType: '',
  subjectId: '',
};
type Filter = typeof empty;

/** 監査ログ: filtered, paged newest first, exported as CSV. Viewing it is itself audited. */
export function AuditLogPage() {
  const { t, lang, label } = useI18n();
  const a = t.audit;
  const [draft, setDraft] = useState<Filter>(empty);
  const [filter, setFilter] = useState<Filter>(empty);
  const active = Object.fromEntries(
    Object.entries(filter).filter(([, v]) => v !== ''),
  ) as Partial<Filter>;
  const query = useInfiniteQuery({
    queryKey: ['audit', filter],
    initialPageParam: undefined as number | undefined,
    queryFn: async ({ pageParam }) =>
      (
        await api.audit.$get({
          query: {
            ...active,
            ...(active.outcome
              ? { outcome: active.outcome as 'success' | 'denied' | 'failure' }
              : {}),
            ...(pageParam ? { before: String(pageParam) } : {}),
          },
        })
      ).json(),
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
  const fieldErrors = query.error instanceof ApiError ? query.error.fields : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFilter(draft);
  };
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const field = (key: keyof Filter) => ({
    id: `audit-${key}`,
    value: draft[key],
    onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value }),
    error: fieldErrors[key],
  });

  return (
    <Page
      title={a.title}
      lead={a.lead}
      actions={
        <Button
          variant="secondary"
          onClick={() =>
            void download(`/api/audit/export.csv${queryString(active)}`, 'audit-log.csv')
          }
        >
          {t.app.exportCsv}
        </Button>
      }
    >
      <search>
        <form
          onSubmit={submit}
          noValidate
          className="no-print mb-6 grid gap-x-4 rounded-12 bg-solid-gray-50 p-4 md:grid-cols-3"
        >
          <TextField plain label={a.from} hint={t.app.dateHint} {...field('from')} />
          <TextField plain label={a.to} {...field('to')} />
          <TextField plain label={a.actor} autoCapitalize="none" {...field('actor')} />
          <TextField plain label={a.action} autoCapitalize="none" {...field('action')} />
          <SelectField
            plain
            label={a.outcome}
            placeholder={a.allOutcomes}
            options={(['success', 'denied', 'failure'] as const).map((o) => ({
              value: o,
              label: a.outcomes[o],
            }))}
            {...field('outcome')}
          />
          <TextField plain label={a.subjectType} autoCapitalize="none" {...field('subjectType')} />
          <TextField plain label={a.subjectId} autoCapitalize="none" {...field('subjectId')} />
          <div className="flex items-end gap-3 pb-6 md:col-span-2">
            <Button type="submit">{a.apply}</Button>
            <Button
              variant="tertiary"
              onClick={() => {
                setDraft(empty);
                setFilter(empty);
              }}
            >
              {t.app.clear}
            </Button>
          </div>
        </form>
      </search>
      {query.error && !(query.error instanceof ApiError && Object.keys(fieldErrors).length > 0) && (
        <QueryState error={query.error} />
      )}
      {query.error instanceof ApiError && Object.keys(fieldErrors).length > 0 && (
        <Notice tone="error" title={query.error.message} />
      )}
      {query.data && (
        <div className="overflow-x-auto">
          <table
            className="w-full border-collapse text-left text-dns-14N-130"
            data-testid="audit-table"
          >
            <thead>
              <tr className="border-b-2 border-solid-gray-300">
                <th className="p-2">{a.time}</th>
                <th className="p-2">{a.actorColumn}</th>
                <th className="p-2">{a.actionColumn}</th>
                <th className="p-2">{a.outcome}</th>
                <th className="p-2">{a.subject}</th>
                <th className="p-2">{a.legalBasis}</th>
                <th className="p-2">{a.ip}</th>
                <th className="p-2">{a.requestId}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.id} className="border-b border-solid-gray-200 align-top">
                  <td className="p-2 whitespace-nowrap">{formatDateTime(e.occurredAt, lang)}</td>
                  <td className="p-2">
                    {e.actorLoginId ?? '—'}
                    {e.actorRoles && (
                      <div className="text-solid-gray-700">
                        {e.actorRoles.map((r) => label(roleLabels[r])).join('・')}
                      </div>
                    )}
                  </td>
                  <td className="p-2">
                    <code>{e.action}</code>
                    {e.reason && <div className="text-solid-gray-700">{e.reason}</div>}
                  </td>
                  <td className={`p-2 ${e.outcome === 'success' ? '' : 'font-bold text-error-1'}`}>
                    {a.outcomes[e.outcome]}
                  </td>
                  <td className="p-2">
                    {e.subjectType}
                    {e.subjectId && (
                      <div className="break-all text-solid-gray-700">{e.subjectId}</div>
                    )}
                  </td>
                  <td className="p-2">{e.legalBasis ? a.legalBases[e.legalBasis] : ''}</td>
                  <td className="p-2">{e.ip}</td>
                  <td className="p-2 break-all">{e.requestId}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {items.length === 0 && <p className="p-4">{t.app.noResults}</p>}
          {query.hasNextPage && (
            <Button variant="secondary" className="mt-4" onClick={() => void query.fetchNextPage()}>
              {t.app.showMore}
            </Button>
          )}
        </div>
      )}
      {!query.data && !query.error && <QueryState error={null} />}
    </Page>
  );
}
