import { Button } from '../components/Button';
import { ErrorSummary } from '../components/fields';
import { Notice } from '../components/Notice';
import { formatDateTime } from '../i18n/format';
import { fill, useI18n } from '../i18n/i18n';
import type { FormValues, useRecordForm } from './use-record-form';

type Form<V extends FormValues> = ReturnType<typeof useRecordForm<V, unknown>>;

function show(value: unknown, yes: string, no: string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? yes : no;
  if (Array.isArray(value)) {
    return value
      .map((v) =>
        typeof v === 'object' && v !== null
          ? Object.values(v).filter(Boolean).join(' / ')
          : String(v),
      )
      .join('、');
  }
  return String(value);
}

/**
 * Everything a form says about itself, above its fields: the restored draft, the error summary,
 * the failure message, and, after a 409, both versions side by side with the two ways out.
 */
export function FormFeedback<V extends FormValues>({
  form,
  labels,
  idPrefix,
}: {
  form: Pick<
    Form<V>,
    | 'errors'
    | 'failure'
    | 'conflict'
    | 'values'
    | 'resolveConflict'
    | 'restoredAt'
    | 'discardDraft'
    | 'submitting'
    | 'draftSavedAt'
    | 'dirty'
  >;
  labels: Record<string, string>;
  /** As given to asFlat, when the page shows this form more than once. */
  idPrefix?: string;
}) {
  const { t, lang } = useI18n();
  const { conflict, failure } = form;
  const fieldErrorCount = Object.keys(form.errors).length;
  return (
    <div>
      {form.draftSavedAt && form.dirty && (
        <p className="no-print mb-2 text-dns-14N-130 text-solid-gray-700" data-testid="draft-saved">
          {fill(t.form.draftSaved, { time: formatDateTime(form.draftSavedAt, lang) })}
        </p>
      )}
      {form.restoredAt && (
        <Notice tone="info">
          <p>{fill(t.form.draftRestored, { time: formatDateTime(form.restoredAt, lang) })}</p>
          <Button variant="tertiary" className="mt-2" onClick={() => void form.discardDraft()}>
            {t.form.discardDraft}
          </Button>
        </Notice>
      )}
      {conflict ? (
        <div
          role="alert"
          className="my-4 rounded-8 border-2 border-warning-orange-2 bg-orange-50 p-4"
          data-testid="conflict"
        >
          <p className="text-std-20B-150">{t.form.conflictTitle}</p>
          <p className="mt-2">{t.form.conflictLead}</p>
          <table className="mt-4 w-full border-collapse bg-white text-left">
            <thead>
              <tr className="border-b-2 border-solid-gray-300">
                <th className="p-2">{t.form.conflictField}</th>
                <th className="p-2">{t.form.conflictMine}</th>
                <th className="p-2">{t.form.conflictTheirs}</th>
              </tr>
            </thead>
            <tbody>
              {Object.keys(labels)
                .filter(
                  (key) =>
                    JSON.stringify(form.values[key] ?? null) !==
                    JSON.stringify(conflict.theirs[key] ?? null),
                )
                .map((key) => (
                  <tr key={key} className="border-b border-solid-gray-200 align-top">
                    <th scope="row" className="p-2 font-normal">
                      {labels[key]}
                    </th>
                    <td className="p-2">{show(form.values[key], t.app.yes, t.app.no)}</td>
                    <td className="p-2">{show(conflict.theirs[key], t.app.yes, t.app.no)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
          <div className="mt-4 flex flex-wrap gap-3">
            <Button disabled={form.submitting} onClick={() => void form.resolveConflict('mine')}>
              {t.form.conflictKeepMine}
            </Button>
            <Button variant="secondary" onClick={() => void form.resolveConflict('theirs')}>
              {t.form.conflictTakeTheirs}
            </Button>
          </div>
        </div>
      ) : (
        <>
          <ErrorSummary errors={form.errors} labels={labels} idPrefix={idPrefix} />
          {failure && fieldErrorCount === 0 && (
            <Notice
              tone="error"
              title={failure.code === 'NETWORK_ERROR' ? t.errors.offline : failure.message}
            >
              {failure.requestId && failure.code === 'INTERNAL_ERROR' && (
                <p>
                  {t.errors.reference}: <code>{failure.requestId}</code>
                </p>
              )}
            </Notice>
          )}
        </>
      )}
    </div>
  );
}
