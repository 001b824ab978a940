import { useRef, useState } from 'react';
import { ApiError } from '../../api/api-error';
import { queryString } from '../../api/client';
import {
  type DownloadProgress,
  downloadWithProgress,
  formatBytes,
} from '../../api/download-with-progress';
import { Button } from '../../components/Button';
import { Notice } from '../../components/Notice';
import { fill, useI18n } from '../../i18n/i18n';
import type { StatisticsFilterQuery } from './statistics-data';

type FileKind = 'xlsx' | 'csv' | 'nationalCsv' | 'nationalXlsx';

const files: Record<FileKind, { path: string; fallback: string }> = {
  xlsx: { path: '/api/statistics/report.xlsx', fallback: 'statistics.xlsx' },
  csv: { path: '/api/statistics/report.csv', fallback: 'statistics.csv' },
  nationalCsv: { path: '/api/statistics/national-export.csv', fallback: 'national-export.csv' },
  nationalXlsx: {
    path: '/api/statistics/national-export.xlsx',
    fallback: 'national-export.xlsx',
  },
};

type State =
  | { status: 'idle' }
  | { status: 'running'; kind: FileKind; progress: DownloadProgress | null }
  | { status: 'done'; kind: FileKind; name: string; progress: DownloadProgress | null }
  | { status: 'failed'; kind: FileKind; message: string };

/**
 * The report as .xlsx and CSV, and (for those who may export per-person rows) the national
 * statistics input. A long file shows how far it has come: rows of the announced total for the
 * national CSV, bytes otherwise.
 */
export function DownloadPanel({
  query,
  national,
}: {
  query: StatisticsFilterQuery;
  /** Whether the per-person national input may be exported (statistics.export). */
  national: boolean;
}) {
  const { t } = useI18n();
  const d = t.statistics.downloads;
  const [state, setState] = useState<State>({ status: 'idle' });
  const running = useRef(false);
  const labels: Record<FileKind, string> = {
    xlsx: d.xlsx,
    csv: d.csv,
    nationalCsv: d.nationalCsv,
    nationalXlsx: d.nationalXlsx,
  };
  const start = async (kind: FileKind) => {
    if (running.current) return;
    running.current = true;
    setState({ status: 'running', kind, progress: null });
    // The last figures stay on screen with the result: a quick file still says what came.
    let last: DownloadProgress | null = null;
    try {
      const file = files[kind];
      const name = await downloadWithProgress(
        `${file.path}${queryString(query)}`,
        file.fallback,
        (progress) => {
          last = progress;
          setState({ status: 'running', kind, progress });
        },
      );
      setState({ status: 'done', kind, name, progress: last });
    } catch (error) {
      const message =
        error instanceof ApiError
          ? error.code === 'NETWORK_ERROR'
            ? d.offline
            : error.message
          : d.offline;
      setState({ status: 'failed', kind, message });
    } finally {
      running.current = false;
    }
  };
  const kinds: FileKind[] = national
    ? ['xlsx', 'csv', 'nationalCsv', 'nationalXlsx']
    : ['xlsx', 'csv'];
  return (
    <section aria-labelledby="downloads-title" className="no-print mb-10" data-testid="downloads">
      <h2 id="downloads-title" className="mb-2 text-std-24B-150">
        {d.title}
      </h2>
      <p className="mb-4 text-solid-gray-700">{d.lead}</p>
      <div className="flex flex-wrap gap-3">
        {kinds.map((kind) => (
          <Button
            key={kind}
            variant="secondary"
            disabled={state.status === 'running'}
            onClick={() => void start(kind)}
          >
            {labels[kind]}
          </Button>
        ))}
      </div>
      {national && <p className="mt-2 text-dns-14N-130 text-solid-gray-700">{d.nationalHint}</p>}
      {(state.status === 'running' || state.status === 'done') && (
        <Progress
          label={fill(d.progressLabel, { name: labels[state.kind] })}
          progress={state.progress}
        />
      )}
      {state.status === 'done' && (
        <Notice tone="success" title={fill(d.done, { name: state.name })} />
      )}
      {state.status === 'failed' && (
        <Notice tone="error" title={fill(d.failed, { message: state.message })} />
      )}
    </section>
  );
}

function Progress({ label, progress }: { label: string; progress: DownloadProgress | null }) {
  const { t } = useI18n();
  const d = t.statistics.downloads;
  let text = d.starting;
  let value: number | undefined;
  let max: number | undefined;
  if (progress) {
    if (progress.totalRows !== null && progress.rows !== null) {
      text = fill(d.rows, { rows: progress.rows, total: progress.totalRows });
      value = progress.rows;
      max = Math.max(progress.totalRows, 1);
    } else if (progress.totalBytes !== null) {
      text = fill(d.bytesOf, {
        received: formatBytes(progress.received),
        total: formatBytes(progress.totalBytes),
      });
      value = progress.received;
      max = progress.totalBytes;
    } else {
      text = fill(d.bytes, { received: formatBytes(progress.received) });
    }
  }
  return (
    <div className="mt-4 max-w-xl" data-testid="download-progress">
      {/* Without a total the bar is indeterminate; the text still says how much has come. */}
      <progress className="w-full" aria-label={label} value={value} max={max} />
      <p role="status" className="text-dns-16N-130">
        {text}
      </p>
    </div>
  );
}
