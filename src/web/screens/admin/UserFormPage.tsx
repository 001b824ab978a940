import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { type Role, roleLabels, roles } from '../../../domain/roles';
import type { UserView } from '../../../server/users/present';
import { ApiError } from '../../api/api-error';
import { api } from '../../api/client';
import { Button } from '../../components/Button';
import { CheckboxGroup, SelectField, TextField } from '../../components/fields';
import { QueryState } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { Page, Section } from '../../components/Page';
import { bind } from '../../forms/bind';
import { Form } from '../../forms/Form';
import { FormFeedback } from '../../forms/FormFeedback';
import { useRecordForm } from '../../forms/use-record-form';
import { formatDateTime } from '../../i18n/format';
import { fill, useI18n } from '../../i18n/i18n';
import { useStatusLabel } from './UsersPage';

type Values = {
  loginId: string;
  displayName: string;
  displayNameKana: string;
  email: string;
  roles: string[];
  supportAgencyId: string;
  partnerAgencyId: string;
  initialPassword: string;
};

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));

function toValues(u: Partial<Record<string, unknown>>): Values {
  return {
    loginId: text(u.loginId),
    displayName: text(u.displayName),
    displayNameKana: text(u.displayNameKana),
    email: text(u.email),
    roles: Array.isArray(u.roles) ? (u.roles as string[]) : [],
    supportAgencyId: text(u.supportAgencyId),
    partnerAgencyId: text(u.partnerAgencyId),
    initialPassword: '',
  };
}

function useOrganisations() {
  const agencies = useQuery({
    queryKey: ['support-agencies'],
    queryFn: async () => (await api['support-agencies'].$get()).json(),
  });
  const partners = useQuery({
    queryKey: ['partner-agencies', { all: true }],
    queryFn: async () => (await api['partner-agencies'].$get({ query: {} })).json(),
  });
  return {
    agencies: agencies.data?.items.map((a) => ({ value: a.id, label: a.name })) ?? [],
    partners: partners.data?.items.map((p) => ({ value: p.id, label: p.name })) ?? [],
  };
}

function AccountForm({ user }: { user: UserView | null }) {
  const { t, label } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const organisations = useOrganisations();
  const form = useRecordForm({
    formKey: user ? `user:${user.id}` : 'user:new',
    initial: toValues(user ?? {}),
    version: user?.version ?? null,
    fromRecord: toValues,
    submit: async (values, version) => {
      // Roles come from the fixed checkbox list; the server checks them again.
      const common = {
        displayName: values.displayName,
        displayNameKana: values.displayNameKana,
        email: values.email,
        roles: values.roles as Role[],
        supportAgencyId: values.supportAgencyId,
        partnerAgencyId: values.partnerAgencyId,
      };
      if (user) {
        return (
          await api.users[':id'].$put({
            param: { id: user.id },
            json: { ...common, version: version ?? 1 },
          })
        ).json();
      }
      return (
        await api.users.$post({
          json: { ...common, loginId: values.loginId, initialPassword: values.initialPassword },
        })
      ).json();
    },
    onSaved: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      navigate(`/users/${saved.id}`);
    },
  });
  const u = t.users;
  const labels: Record<string, string> = {
    loginId: u.loginId,
    displayName: u.displayName,
    displayNameKana: u.displayNameKana,
    email: u.email,
    roles: u.roles,
    supportAgencyId: u.supportAgency,
    partnerAgencyId: u.partnerAgency,
    initialPassword: u.initialPassword,
  };
  const isPartner = form.values.roles.includes('partner_staff');
  return (
    <Form form={form} className="mb-12 max-w-3xl">
      <FormFeedback form={form} labels={labels} />
      {user ? (
        <p className="mb-6">
          {u.loginId}: <strong>{user.loginId}</strong>
        </p>
      ) : (
        <TextField
          label={u.loginId}
          hint={u.loginIdHint}
          required
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          {...bind(form, 'loginId')}
        />
      )}
      <TextField label={u.displayName} required autoComplete="off" {...bind(form, 'displayName')} />
      <TextField label={u.displayNameKana} autoComplete="off" {...bind(form, 'displayNameKana')} />
      <TextField label={u.email} type="email" autoComplete="off" {...bind(form, 'email')} />
      <CheckboxGroup
        id="roles"
        label={u.roles}
        hint={u.rolesHint}
        required
        options={roles.map((r) => ({ value: r, label: label(roleLabels[r]) }))}
        value={form.values.roles}
        onChange={(value) => form.set('roles', value)}
        error={form.errors.roles}
      />
      {isPartner ? (
        <SelectField
          label={u.partnerAgency}
          required
          placeholder=""
          options={organisations.partners}
          {...bind(form, 'partnerAgencyId')}
        />
      ) : (
        <SelectField
          label={u.supportAgency}
          placeholder={u.noOrganisation}
          options={organisations.agencies}
          {...bind(form, 'supportAgencyId')}
        />
      )}
      {!user && (
        <TextField
          label={u.initialPassword}
          hint={u.initialPasswordHint}
          required
          type="password"
          autoComplete="new-password"
          {...bind(form, 'initialPassword')}
        />
      )}
      <div className="mt-6 flex flex-wrap gap-3">
        <Button type="submit" disabled={form.submitting}>
          {form.submitting ? t.app.saving : t.app.save}
        </Button>
        <Button variant="secondary" onClick={() => navigate('/users')}>
          {t.app.back}
        </Button>
      </div>
    </Form>
  );
}

function AccountActions({ user }: { user: UserView }) {
  const { t, lang } = useI18n();
  const u = t.users;
  const statusLabel = useStatusLabel();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [temporaryPassword, setTemporaryPassword] = useState('');
  const param = { param: { id: user.id } };

  const act = async (work: () => Promise<unknown>, done: string) => {
    setMessage(null);
    setError(null);
    try {
      await work();
      setMessage(done);
      await queryClient.invalidateQueries({ queryKey: ['users'] });
    } catch (e) {
      if (e instanceof ApiError) setError(e);
      else throw e;
    }
  };
  const a = user.abilities;
  return (
    <Section title={u.accountActions}>
      <dl className="mb-4 grid max-w-2xl grid-cols-[auto_1fr] gap-x-6 gap-y-2">
        <dt className="text-solid-gray-700">{u.status}</dt>
        <dd data-testid="user-status">
          {statusLabel(user.status)}
          {user.status === 'locked' &&
            user.lockedUntil &&
            `（${fill(u.lockedUntil, { time: formatDateTime(user.lockedUntil, lang) })}）`}
        </dd>
        <dt className="text-solid-gray-700">{u.totp}</dt>
        <dd>{user.totpEnabled ? t.app.yes : t.app.no}</dd>
        <dt className="text-solid-gray-700">{u.lastSignIn}</dt>
        <dd>{formatDateTime(user.lastSignInAt, lang) || '—'}</dd>
        {user.mustChangePassword && (
          <>
            <dt className="text-solid-gray-700">{u.mustChangePassword}</dt>
            <dd>{t.app.yes}</dd>
          </>
        )}
      </dl>
      {message && <Notice tone="success" title={message} />}
      {error && Object.keys(error.fields).length === 0 && (
        <Notice tone="error" title={error.message} />
      )}
      <div className="flex flex-wrap gap-3">
        {a.unlock && user.status === 'locked' && (
          <Button
            variant="secondary"
            onClick={() => void act(() => api.users[':id'].unlock.$post(param), u.unlocked)}
          >
            {u.unlock}
          </Button>
        )}
        {a.resetSecondFactor && user.totpEnabled && (
          <Button
            variant="secondary"
            onClick={() =>
              void act(
                () => api.users[':id']['reset-second-factor'].$post(param),
                u.secondFactorReset,
              )
            }
          >
            {u.resetSecondFactor}
          </Button>
        )}
        {a.signOutEverywhere && (
          <Button
            variant="secondary"
            onClick={() =>
              void act(() => api.users[':id']['end-sessions'].$post(param), u.sessionsEnded)
            }
          >
            {u.endSessions}
          </Button>
        )}
        {a.disable &&
          (user.status === 'disabled' ? (
            <Button
              variant="secondary"
              onClick={() => void act(() => api.users[':id'].enable.$post(param), u.enabled)}
            >
              {u.enable}
            </Button>
          ) : (
            <Button
              variant="danger"
              onClick={() => void act(() => api.users[':id'].disable.$post(param), u.disabled)}
            >
              {u.disable}
            </Button>
          ))}
      </div>
      {a.resetPassword && (
        <form
          className="mt-8 max-w-xl"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void act(async () => {
              await api.users[':id']['reset-password'].$post({
                ...param,
                json: { temporaryPassword },
              });
              setTemporaryPassword('');
            }, u.passwordReset);
          }}
        >
          <h3 className="mb-2 text-std-20B-150">{u.resetPassword}</h3>
          <TextField
            id="temporaryPassword"
            type="password"
            autoComplete="new-password"
            label={u.temporaryPassword}
            hint={u.temporaryPasswordHint}
            required
            value={temporaryPassword}
            onChange={(e) => setTemporaryPassword(e.target.value)}
            error={error?.fields.temporaryPassword}
          />
          <Button type="submit" variant="secondary">
            {u.resetPassword}
          </Button>
        </form>
      )}
    </Section>
  );
}

export function UserFormPage() {
  const { t } = useI18n();
  const { id } = useParams();
  const query = useQuery({
    queryKey: ['users', id],
    queryFn: async () => (await api.users[':id'].$get({ param: { id: id ?? '' } })).json(),
    enabled: id !== undefined,
  });
  if (!id) {
    return (
      <Page title={t.users.newTitle}>
        <AccountForm user={null} />
      </Page>
    );
  }
  if (!query.data) return <QueryState error={query.error} />;
  const user = query.data;
  return (
    <Page title={user.abilities.update ? t.users.editTitle : user.displayName}>
      {user.abilities.update && <AccountForm key={user.version} user={user} />}
      <AccountActions user={user} />
    </Page>
  );
}
