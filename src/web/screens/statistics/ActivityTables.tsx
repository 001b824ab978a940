import { resourceGapStatusLabels } from '../../../domain/resources/resource-gap-status';
import type { StatisticsReport } from '../../../domain/statistics/report';
import { useI18n } from '../../i18n/i18n';
import { cell } from './charts';

/** Label/value rows of one small table (meetings, referrals, resource gaps). */
function FigureTable({
  title,
  rows,
  testId,
}: {
  title: string;
  rows: { key: string; label: string; value: string | number }[];
  testId: string;
}) {
  return (
    <table className="w-full border-collapse text-right text-dns-16N-130" data-testid={testId}>
      <caption className="mb-1 text-left text-std-17B-170">{title}</caption>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} data-key={r.key}>
            <th scope="row" className={`${cell} text-left font-normal`}>
              {r.label}
            </th>
            <td className={cell}>{r.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Meetings, referrals, resource gaps and each worker's caseload: tables only (no chart adds to them). */
export function ActivityTables({ report }: { report: StatisticsReport }) {
  const { t, label } = useI18n();
  const a = t.statistics.activity;
  const { meetings, referrals, resourceGaps, caseload } = report;
  const statusLabels: Record<string, { ja: string; en: string }> = resourceGapStatusLabels;
  const statusLabel = (key: string) => {
    const entry = statusLabels[key];
    return entry ? label(entry) : key;
  };
  return (
    <section aria-labelledby="activity-title" className="mb-10">
      <h2 id="activity-title" className="mb-4 text-std-24B-150">
        {a.title}
      </h2>
      <div className="grid gap-6 md:grid-cols-3 print:grid-cols-3">
        <FigureTable
          title={a.meetings}
          testId="activity-meetings"
          rows={[
            { key: 'held', label: a.held, value: meetings.held },
            { key: 'casesDiscussed', label: a.casesDiscussed, value: meetings.casesDiscussed },
            {
              key: 'casesPerMeeting',
              label: a.casesPerMeeting,
              value: meetings.casesPerMeeting ?? '—',
            },
            { key: 'minutes', label: a.minutes, value: meetings.minutes },
            {
              key: 'attendance',
              label: a.attendance,
              value: `${meetings.attendeesPresent}／${meetings.attendeesInvited}`,
            },
          ]}
        />
        <FigureTable
          title={a.referrals}
          testId="activity-referrals"
          rows={(
            [
              'sent',
              'arrived',
              'notArrived',
              'pending',
              'cancelled',
              'declined',
              'returned',
              'toPublicAssistance',
            ] as const
          ).map((key) => ({ key, label: a[key], value: referrals[key] }))}
        />
        <FigureTable
          title={a.resourceGaps}
          testId="activity-resource-gaps"
          rows={[
            { key: 'raised', label: a.raised, value: resourceGaps.raised },
            ...resourceGaps.byStatus.map((s) => ({
              key: `status-${s.key}`,
              label: `${a.status}：${statusLabel(s.key)}`,
              value: s.count,
            })),
          ]}
        />
      </div>
      <div className="mt-6 overflow-x-auto">
        <table
          className="w-full border-collapse text-right text-dns-16N-130"
          data-testid="activity-caseload"
        >
          <caption className="mb-1 text-left text-std-17B-170">{a.caseload}</caption>
          <thead>
            <tr>
              <th scope="col" className={`${cell} text-left`}>
                {a.worker}
              </th>
              <th scope="col" className={cell}>
                {a.open}
              </th>
              <th scope="col" className={cell}>
                {a.newInRange}
              </th>
            </tr>
          </thead>
          <tbody>
            {caseload.map((w) => (
              <tr key={w.userId ?? 'none'}>
                <th scope="row" className={`${cell} text-left font-normal`}>
                  {w.userId ? w.name : a.unassigned}
                </th>
                <td className={cell}>{w.open}</td>
                <td className={cell}>{w.newInRange}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
