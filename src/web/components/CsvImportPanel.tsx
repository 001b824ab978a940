import { useEffect, useRef, useState } from 'react';
import type { ImportReport } from '../../server/http/csv-import';
import { ApiError } from '../api/api-error';
import { fill, useI18n } from '../i18n/i18n';
import type { Messages } from '../i18n/ja';
import { Button } from './Button';
import { Notice } from './Notice';

export type CsvImportMessages = Messages['resources']['csvImport'];

/** A file as base64 (for an .xlsx, or a CSV the server should decode itself). */
function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/**
 * Importing from a file in two steps: the file is checked first (a dry run that writes nothing
 * and lists every problem by row and column), and imported only when the check found none. The
 * directories send CSV text; the bulk import sends the file as base64 (.xlsx or CSV), with its own
 * words. While the server works, the buttons wait and the screen says so; the outcome is
 * announced to screen readers from a region that stays on the page.
 */
export function CsvImportPanel({
  send,
  onApplied,
  read = 'text',
  accept = '.csv,text/csv',
  maxBytes,
  messages,
  rowsShown,
  inputId = 'csv-file',
}: {
  send: (content: string, dryRun: boolean) => Promise<ImportReport>;
  onApplied?: () => Promise<unknown> | undefined;
  /** How the file reaches `send`: its text, or its bytes as base64. */
  read?: 'text' | 'base64';
  accept?: string;
  /** A larger file is refused here, before it is sent. */
  maxBytes?: number;
  messages?: CsvImportMessages;
  /** List at most this many imported rows (a bulk file may hold 50,000). */
  rowsShown?: number;
  inputId?: string;
}) {
  const { t } = useI18n();
  const l = messages ?? t.resources.csvImport;
  const [file, setFile] = useState<File | null>(null);
  // What was checked, and so what "import" sends (the file may have changed on disk since).
  const [content, setContent] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState<'check' | 'apply' | null>(null);
  const [seconds, setSeconds] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!busy) return;
    setSeconds(0);
    const started = Date.now();
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => clearInterval(timer);
  }, [busy]);

  const choose = (chosen: File | undefined) => {
    setReport(null);
    setFailure(null);
    setContent(null);
    setFile(null);
    if (!chosen) return;
    if (maxBytes !== undefined && chosen.size > maxBytes) {
      setFailure(fill(l.tooLarge, { max: Math.floor(maxBytes / 1_000_000) }));
      return;
    }
    setFile(chosen);
  };

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(dryRun ? 'check' : 'apply');
    setFailure(null);
    setReport(null);
    try {
      // A check reads the file as it is now: corrected and saved again, it need not be chosen again.
      let sent = content;
      if (dryRun || sent === null) {
        try {
          sent = read === 'base64' ? await readAsBase64(file) : await file.text();
        } catch {
          // Saved since it was chosen, the browser may refuse it: choosing it again works.
          setFile(null);
          if (input.current) input.current.value = '';
          setFailure(l.unreadableFile);
          return;
        }
        setContent(sent);
      }
      const answer = await send(sent, dryRun);
      setReport(answer);
      if (answer.applied) await onApplied?.();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setFailure(
        error.code === 'NETWORK_ERROR'
          ? t.errors.offline
          : (Object.values(error.fields)[0] ?? error.message),
      );
    } finally {
      setBusy(null);
    }
  };
  const changes = report ? report.created + report.updated : 0;
  const listed = report?.rows.filter((r) => r.action !== 'unchanged') ?? [];
  const shown = rowsShown === undefined ? listed : listed.slice(0, rowsShown);

  return (
    <div className="rounded-12 border border-solid-gray-300 p-4" data-testid="csv-import">
      <p className="mb-4 max-w-3xl">{l.lead}</p>
      <label htmlFor={inputId} className="block text-std-17B-170">
        {l.file}
      </label>
      <input
        ref={input}
        id={inputId}
        type="file"
        accept={accept}
        className="mt-2 mb-4 block"
        disabled={busy !== null}
        onChange={(e) => choose(e.target.files?.[0])}
      />
      <div className="flex flex-wrap gap-3">
        <Button
          variant="secondary"
          disabled={file === null || busy !== null}
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
      {/* One region, always present, so what the server answered is read out when it comes. */}
      <div aria-live="polite" data-testid="import-status">
        {busy && (
          <div className="mt-4 max-w-xl" data-testid="import-progress">
            <progress className="w-full" aria-label={l.working} />
            <p className="text-dns-16N-130">
              {l.working}
              <span aria-hidden="true"> {fill(l.elapsed, { seconds })}</span>
            </p>
          </div>
        )}
        {failure && <Notice tone="error" title={failure} announce={false} />}
        {report &&
          (report.problems.length > 0 ? (
            <Notice
              tone="error"
              title={fill(l.problems, { count: report.problems.length })}
              announce={false}
            />
          ) : (
            <Notice
              tone="success"
              title={report.applied ? l.applied : changes === 0 ? l.nothingToDo : l.checked}
              announce={false}
            >
              <span data-testid="import-summary">
                {fill(l.summary, {
                  created: report.created,
                  updated: report.updated,
                  unchanged: report.unchanged,
                })}
              </span>
            </Notice>
          ))}
      </div>
      {report && (
        <div data-testid="import-report">
          {report.problems.length > 0 ? (
            <div className="overflow-x-auto">
              <table className="w-full border-collapse text-left" data-testid="import-problems">
                <caption className="sr-only">{l.problemsCaption}</caption>
                <thead>
                  <tr className="border-b-2 border-solid-gray-300">
                    <th scope="col" className="p-2">
                      {l.row}
                    </th>
                    <th scope="col" className="p-2">
                      {l.column}
                    </th>
                    <th scope="col" className="p-2">
                      {l.message}
                    </th>
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
            </div>
          ) : (
            changes > 0 && (
              <>
                {shown.length < listed.length && (
                  <p className="mb-2 text-solid-gray-700">
                    {fill(l.rowsShown, { shown: shown.length, count: listed.length })}
                  </p>
                )}
                <table className="w-full border-collapse text-left">
                  <thead>
                    <tr className="border-b-2 border-solid-gray-300">
                      <th scope="col" className="p-2">
                        {l.row}
                      </th>
                      <th scope="col" className="p-2">
                        {l.name}
                      </th>
                      <th scope="col" className="p-2">
                        {l.action}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {shown.map((r) => (
                      <tr key={r.row} className="border-b border-solid-gray-200">
                        <td className="p-2">{r.row}</td>
                        <td className="p-2">{r.name}</td>
                        <td className="p-2">{l.actions[r.action]}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )
          )}
        </div>
      )}
    </div>
  );
}
