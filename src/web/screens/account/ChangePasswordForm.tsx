import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/api-error';
import { api } from '../../api/client';
import { Button } from '../../components/Button';
import { ErrorSummary, TextField } from '../../components/fields';
import { Notice } from '../../components/Notice';
import { useI18n } from '../../i18n/i18n';

/** Passwords are never kept as drafts: this form alone does not use useRecordForm. */
export function ChangePasswordForm({ onChanged }: { onChanged: () => void }) {
  const { t } = useI18n();
  const [values, setValues] = useState({
    currentPassword: '',
    newPassword: '',
    confirmPassword: '',
  });
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const labels = {
    currentPassword: t.account.currentPassword,
    newPassword: t.account.newPassword,
    confirmPassword: t.account.confirmPassword,
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      await api.auth.password.$post({ json: values });
      setValues({ currentPassword: '', newPassword: '', confirmPassword: '' });
      setDone(true);
      onChanged();
    } catch (e) {
      if (e instanceof ApiError) setError(e);
      else throw e;
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate className="max-w-xl">
      {done && <Notice tone="success" title={t.account.passwordChanged} />}
      <ErrorSummary errors={error?.fields ?? {}} labels={labels} />
      {error && Object.keys(error.fields).length === 0 && (
        <Notice tone="error" title={error.message} />
      )}
      {(Object.keys(labels) as (keyof typeof labels)[]).map((key) => (
        <TextField
          key={key}
          id={key}
          type="password"
          label={labels[key]}
          required
          autoComplete={key === 'currentPassword' ? 'current-password' : 'new-password'}
          value={values[key]}
          onChange={(e) => setValues({ ...values, [key]: e.target.value })}
          error={error?.fields[key]}
        />
      ))}
      <Button type="submit" disabled={busy}>
        {t.account.changePassword}
      </Button>
    </form>
  );
}
