import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { type Role, roleLabels, roles } from '../../../domain/roles';
import { api, download, queryString } from '../../api/client';
import { Button } from '../../components/Button';
import { SelectField, TextField } from '../../components/fields';
import { QueryState } from '../../components/Loading';
import { Page } from '../../components/Page';
import { formatDateTime } from '../../i18n/format';
import { fill, useI18n } from '../../i18n/i18n';

const statuses = ['active', 'locked', 'disabled'] as const;

export function useStatusLabel() {
  const { t } = useI18n();
  return (status: (typeof statuses)[number]) =>
    ({
      active: t.users.statusActive,
      locked: t.users.statusLocked,
      disabled: t.users.statusDisabled,
    })[status];
}

export function UsersPage() {
  const { t, label, lang } = useI18n();
  const statusLabel = useStatusLabel();
  const [params, setParams] = useSearchParams();
  const filter = {
    q: params.get('q') ?? '',
    role: params.get('role') ?? '',
    status: params.get('status') ?? '',
  };
  const setFilter = (change: Partial<typeof filter>) =>
    setParams(
      Object.fromEntries(Object.entries({ ...filter, ...change }).filter(([, v]) => v !== '')),
      { replace: true },
    );
  const query = useQuery({
    queryKey: ['users', filter],
    queryFn: async () =>
      (
        await api.users.$get({
          query: {
            ...(filter.q ? { q: filter.q } : {}),
            ...(filter.role ? { role: filter.role as Role } : {}),
            ...(filter.status ? { status: filter.status as (typeof statuses)[number] } : {}),
          },
        })
      ).json(),
    placeholderData: (previous) => previous,
  });
  return (
    <Page
      title={t.users.title}
      lead={t.users.lead}
      actions={
        <>
          <Button
            variant="secondary"
            onClick={() =>
              void download(`/api/users/export.csv${queryString(filter)}`, 'users.csv')
            }
          >
            {t.app.exportCsv}
          </Button>
          {query.data?.abilities.create && (
            <Link
              to="/users/new"
              className="inline-flex min-h-11 items-center rounded-8 bg-blue-900 px-4 py-2 text-std-16B-170 text-white no-underline hover:bg-blue-1000 hover:text-white"
            >
              {t.users.new}
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
          label={t.users.filterText}
          value={filter.q}
          onChange={(e) => setFilter({ q: e.target.value })}
        />
        <SelectField
          plain
          id="filter-role"
          label={t.users.roles}
          placeholder={t.users.allRoles}
          options={roles.map((r) => ({ value: r, label: label(roleLabels[r]) }))}
          value={filter.role}
          onChange={(e) => setFilter({ role: e.target.value })}
        />
        <SelectField
          plain
          id="filter-status"
          label={t.users.status}
          placeholder={t.users.allStatuses}
          options={statuses.map((s) => ({ value: s, label: statusLabel(s) }))}
          value={filter.status}
          onChange={(e) => setFilter({ status: e.target.value })}
        />
      </search>
      {query.data ? (
        <>
          <p role="status" className="mb-2 text-solid-gray-700">
            {fill(t.app.resultCount, { count: query.data.items.length })}
          </p>
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-left" data-testid="user-table">
              <thead>
                <tr className="border-b-2 border-solid-gray-300">
                  <th className="p-2">{t.users.displayName}</th>
                  <th className="p-2">{t.users.loginId}</th>
                  <th className="p-2">{t.users.roles}</th>
                  <th className="p-2">{t.users.status}</th>
                  <th className="p-2">{t.users.totp}</th>
                  <th className="p-2">{t.users.lastSignIn}</th>
                </tr>
              </thead>
              <tbody>
                {query.data.items.map((u) => (
                  <tr key={u.id} className="border-b border-solid-gray-200 align-top">
                    <td className="p-2">
                      <Link to={`/users/${u.id}`}>{u.displayName}</Link>
                      {u.displayNameKana && (
                        <div className="text-dns-14N-130 text-solid-gray-700">
                          {u.displayNameKana}
                        </div>
                      )}
                    </td>
                    <td className="p-2">{u.loginId}</td>
                    <td className="p-2">{u.roles.map((r) => label(roleLabels[r])).join('・')}</td>
                    <td className="p-2">{statusLabel(u.status)}</td>
                    <td className="p-2">{u.totpEnabled ? t.app.yes : t.app.no}</td>
                    <td className="p-2">{formatDateTime(u.lastSignInAt, lang)}</td>
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
