import { useState } from 'react';
import type { ImportReport } from '../../server/http/csv-import';
import { ApiError } from '../api/api-error';
import { fill, useI18n } from '../i18n/i18n';
import { Button } from './Button';
import { Notice } from './Notice';

/**
 * Importing a directory from CSV in two steps: the file is checked first (a dry run that writes
 * nothing and lists every problem by row and column), and imported only when the check found none.
 */
export function CsvImportPanel({
  send,
  onApplied,
}: {
  send: (csv: string, dryRun: boolean) => Promise<ImportReport>;
  onApplied: () => Promise<unknown> | undefined;
}) {
  const { t } = useI18n();
  const l = t.resources.csvImport;
  const [csv, setCsv] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState<'check' | 'apply' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const run = async (dryRun: boolean) => {
    if (csv === null) return;
    setBusy(dryRun ? 'check' : 'apply');
    setFailure(null);
    try {
      const answer = await send(csv, dryRun);
      setReport(answer);
      if (answer.applied) await onApplied();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setFailure(Object.values(error.fields)[0] ?? error.message);
    } finally {
      setBusy(null);
    }
  };
  const changes = report ? report.created + report.updated : 0;

  return (
    <div className="rounded-12 border border-solid-gray-300 p-4" data-testid="csv-import">
      <p className="mb-4 max-w-3xl">{l.lead}</p>
      <label htmlFor="csv-file" className="block text-std-17B-170">
        {l.file}
      </label>
      <input
        id="csv-file"
        type="file"
        accept=".csv,text/csv"
        className="mt-2 mb-4 block"
        onChange={async (e) => {
          const file = e.target.files?.[0];
          setReport(null);
          setCsv(file ? await file.text() : null);
        }}
      />
      <div className="flex flex-wrap gap-3">
        <Button
          variant="secondary"
          disabled={csv === null || busy !== null}
          onClick={() => void run(true)}
        >
          {busy === 'check' ? l.checking : l.check}
        </Button>
        <Button
          disabled={
            !report ||
            report.applied ||
            report.problems.length > 0 ||
            changes === 0 ||
            busy !== null
          }
          onClick={() => void run(false)}
        >
          {busy === 'apply' ? l.applying : l.apply}
        </Button>
      </div>
      {failure && <Notice tone="error" title={failure} />}
      {report && (
        <div data-testid="import-report">
          {report.problems.length > 0 ? (
            <Notice tone="error" title={l.problems} />
          ) : (
            <Notice
              tone="success"
              title={report.applied ? l.applied : changes === 0 ? l.nothingToDo : l.checked}
            >
              {fill(l.summary, {
                created: report.created,
                updated: report.updated,
                unchanged: report.unchanged,
              })}
            </Notice>
          )}
          {report.problems.length > 0 ? (
            <table className="w-full border-collapse text-left" data-testid="import-problems">
              <thead>
                <tr className="border-b-2 border-solid-gray-300">
                  <th className="p-2">{l.row}</th>
                  <th className="p-2">{l.column}</th>
                  <th className="p-2">{l.message}</th>
                </tr>
              </thead>
              <tbody>
                {report.problems.map((p) => (
                  <tr
                    key={`${p.row}-${p.column}-${p.message}`}
                    className="border-b border-solid-gray-200"
                  >
                    <td className="p-2">{p.row}</td>
                    <td className="p-2">{p.column ?? '—'}</td>
                    <td className="p-2">{p.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            changes > 0 && (
              <table className="w-full border-collapse text-left">
                <thead>
                  <tr className="border-b-2 border-solid-gray-300">
                    <th className="p-2">{l.row}</th>
                    <th className="p-2">{l.name}</th>
                    <th className="p-2">{l.action}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.rows
                    .filter((r) => r.action !== 'unchanged')
                    .map((r) => (
                      <tr key={r.row} className="border-b border-solid-gray-200">
                        <td className="p-2">{r.row}</td>
                        <td className="p-2">{r.name}</td>
                        <td className="p-2">{l.actions[r.action]}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            )
          )}
        </div>
      )}
    </div>
  );
}
