import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/api-error';
import { api, setCsrfToken } from '../../api/client';
import { useSession } from '../../api/session';
import { Button } from '../../components/Button';
import { TextField } from '../../components/fields';
import { Notice } from '../../components/Notice';
import { useI18n } from '../../i18n/i18n';

/**
 * Sign-in in two steps when the account has TOTP: password, then the six-digit code. Used on the
 * sign-in page and over a page whose session ran out.
 */
export function SignInForm({ onSignedIn }: { onSignedIn?: () => void }) {
  const { t } = useI18n();
  const session = useSession();
  const [step, setStep] = useState<'password' | 'code'>('password');
  const [loginId, setLoginId] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const finish = async (csrfToken: string) => {
    setCsrfToken(csrfToken);
    await session.refresh();
    onSignedIn?.();
  };

  const attempt = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      if (e instanceof ApiError) setError(e);
      else throw e;
    } finally {
      setBusy(false);
    }
  };

  const submitPassword = (event: FormEvent) => {
    event.preventDefault();
    void attempt(async () => {
      const result = await (
        await api.auth['sign-in'].$post({ json: { loginId, password } })
      ).json();
      setPassword('');
      if (result.status === 'second_factor_required') setStep('code');
      else await finish(result.csrfToken);
    });
  };

  const submitCode = (event: FormEvent) => {
    event.preventDefault();
    void attempt(async () => {
      const result = await (
        await api.auth['sign-in']['second-factor'].$post({ json: { code } })
      ).json();
      await finish(result.csrfToken);
    });
  };

  const message = error && (error.code === 'NETWORK_ERROR' ? t.errors.offline : error.message);

  if (step === 'code') {
    return (
      <form onSubmit={submitCode} noValidate>
        <h2 className="mb-2 text-std-20B-150">{t.signIn.secondFactorTitle}</h2>
        <p className="mb-4">{t.signIn.secondFactorLead}</p>
        {message && <Notice tone="error" title={message} />}
        <TextField
          id="code"
          label={t.signIn.code}
          required
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          error={error?.fields.code}
          autoFocus
        />
        <div className="flex flex-wrap gap-3">
          <Button type="submit" disabled={busy}>
            {busy ? t.signIn.submitting : t.signIn.verify}
          </Button>
          <Button
            variant="tertiary"
            onClick={() => {
              setStep('password');
              setCode('');
              setError(null);
            }}
          >
            {t.signIn.startOver}
          </Button>
        </div>
      </form>
    );
  }

  return (
    <form onSubmit={submitPassword} noValidate>
      {message && <Notice tone="error" title={message} />}
      <TextField
        id="loginId"
        label={t.signIn.loginId}
        required
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        value={loginId}
        onChange={(e) => setLoginId(e.target.value)}
        error={error?.fields.loginId}
      />
      <TextField
        id="password"
        label={t.signIn.password}
        required
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={error?.fields.password}
      />
      <Button type="submit" disabled={busy}>
        {busy ? t.signIn.submitting : t.signIn.submit}
      </Button>
    </form>
  );
}
