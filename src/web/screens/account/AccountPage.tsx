import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { roleLabels } from '../../../domain/roles';
import { ApiError } from '../../api/api-error';
import { api, setCsrfToken } from '../../api/client';
import { useSession } from '../../api/session';
import { Button } from '../../components/Button';
import { TextField } from '../../components/fields';
import { Notice } from '../../components/Notice';
import { Page, Section } from '../../components/Page';
import { formatDateTime } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { ChangePasswordForm } from './ChangePasswordForm';

function TotpSection() {
  const { t } = useI18n();
  const session = useSession();
  const enabled = session.view?.user?.totpEnabled ?? false;
  const [enrolment, setEnrolment] = useState<{ secret: string; qrSvg: string } | null>(null);
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const attempt = async (work: () => Promise<void>) => {
    setError(null);
    setMessage(null);
    try {
      await work();
    } catch (e) {
      if (e instanceof ApiError) setError(e);
      else throw e;
    }
  };

  const start = () =>
    attempt(async () => {
      setEnrolment(await (await api.auth.totp.enrolment.$post()).json());
    });

  const confirm = (event: FormEvent) => {
    event.preventDefault();
    void attempt(async () => {
      await api.auth.totp.enrolment.confirm.$post({ json: { code } });
      setEnrolment(null);
      setCode('');
      setMessage(t.account.totpEnabled);
      await session.refresh();
    });
  };

  const disable = (event: FormEvent) => {
    event.preventDefault();
    void attempt(async () => {
      await api.auth.totp.disable.$post({ json: { password } });
      setPassword('');
      setMessage(t.account.totpDisabled);
      await session.refresh();
    });
  };

  return (
    <Section title={t.account.totpTitle}>
      {message && <Notice tone="success" title={message} />}
      {error && Object.keys(error.fields).length === 0 && (
        <Notice tone="error" title={error.message} />
      )}
      {enabled ? (
        <form onSubmit={disable} noValidate className="max-w-xl">
          <p className="mb-4" data-testid="totp-status">
            {t.account.totpOn}
          </p>
          <p className="mb-2">{t.account.totpDisableLead}</p>
          <TextField
            id="totp-password"
            type="password"
            label={t.signIn.password}
            required
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={error?.fields.password}
          />
          <Button type="submit" variant="danger">
            {t.account.totpDisable}
          </Button>
        </form>
      ) : enrolment ? (
        <form onSubmit={confirm} noValidate className="max-w-xl">
          <p className="mb-4">{t.account.totpScan}</p>
          <img
            src={`data:image/svg+xml;utf8,${encodeURIComponent(enrolment.qrSvg)}`}
            alt={t.account.totpKey}
            className="mb-4 size-48 border border-solid-gray-300"
          />
          <p className="mb-4">
            {t.account.totpKey}: <code data-testid="totp-secret">{enrolment.secret}</code>
          </p>
          <p className="mb-2">{t.account.totpConfirmLead}</p>
          <TextField
            id="totp-code"
            label={t.signIn.code}
            required
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            error={error?.fields.code}
          />
          <Button type="submit">{t.account.totpConfirm}</Button>
        </form>
      ) : (
        <>
          <p className="mb-4" data-testid="totp-status">
            {t.account.totpOff}
          </p>
          <Button onClick={() => void start()}>{t.account.totpStart}</Button>
        </>
      )}
    </Section>
  );
}

function SessionsSection() {
  const { t, lang } = useI18n();
  const session = useSession();
  const queryClient = useQueryClient();
  const sessions = useQuery({
    queryKey: ['own-sessions'],
    queryFn: async () => (await api.auth.sessions.$get()).json(),
  });
  const signOutEverywhere = async () => {
    const result = await (await api.auth['sign-out-everywhere'].$post()).json();
    setCsrfToken(result.csrfToken);
    queryClient.clear();
    await session.refresh();
  };
  return (
    <Section title={t.account.sessionsTitle}>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left">
          <thead>
            <tr className="border-b-2 border-solid-gray-300">
              <th className="p-2">{t.account.sessionStarted}</th>
              <th className="p-2">{t.account.sessionLastSeen}</th>
              <th className="p-2">{t.account.sessionIp}</th>
              <th className="p-2">{t.account.sessionAgent}</th>
            </tr>
          </thead>
          <tbody>
            {sessions.data?.items.map((s) => (
              <tr key={s.id} className="border-b border-solid-gray-200">
                <td className="p-2">
                  {formatDateTime(s.createdAt, lang)}
                  {s.current && (
                    <span className="ml-2 rounded-4 bg-blue-50 px-2 text-dns-14B-130">
                      {t.account.thisDevice}
                    </span>
                  )}
                </td>
                <td className="p-2">{formatDateTime(s.lastSeenAt, lang)}</td>
                <td className="p-2">{s.ip}</td>
                <td className="max-w-xs truncate p-2" title={s.userAgent ?? ''}>
                  {s.userAgent}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="mt-4 mb-2 max-w-3xl">{t.account.signOutEverywhereLead}</p>
      <Button variant="danger" onClick={() => void signOutEverywhere()}>
        {t.account.signOutEverywhere}
      </Button>
    </Section>
  );
}

export function AccountPage() {
  const { t, label } = useI18n();
  const session = useSession();
  const user = session.view?.user;
  if (!user) return null;
  return (
    <Page title={t.account.title}>
      <Section title={t.account.profile}>
        <dl className="grid max-w-2xl grid-cols-[auto_1fr] gap-x-6 gap-y-2">
          <dt className="text-solid-gray-700">{t.users.loginId}</dt>
          <dd>{user.loginId}</dd>
          <dt className="text-solid-gray-700">{t.users.displayName}</dt>
          <dd>{user.displayName}</dd>
          <dt className="text-solid-gray-700">{t.users.roles}</dt>
          <dd>{user.roles.map((r) => label(roleLabels[r])).join('・')}</dd>
        </dl>
      </Section>
      <Section title={t.account.passwordTitle}>
        <p className="mb-4 max-w-3xl">{t.account.passwordLead}</p>
        <ChangePasswordForm onChanged={() => void session.refresh()} />
      </Section>
      <TotpSection />
      <SessionsSection />
    </Page>
  );
}
