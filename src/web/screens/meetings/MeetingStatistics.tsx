import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { itemDecisionLabels, itemDecisions } from '../../../domain/meetings/agenda';
import { meetingTypes } from '../../../domain/meetings/meeting-types';
import { api } from '../../api/client';
import { Button } from '../../components/Button';
import { DateField } from '../../components/DateField';
import { QueryState } from '../../components/Loading';
import { Section } from '../../components/Page';
import { formatDate } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { meetingTypeLabel } from './meeting-labels';

const figure = (n: number | null) => (n === null ? '—' : String(n));

/** Meetings by type and month, cases and minutes per case, municipal attendance, decisions. */
export function MeetingStatistics() {
  const { t, label, lang } = useI18n();
  const s = t.meetings.stats;
  const [range, setRange] = useState({ from: '', to: '' });
  const [shown, setShown] = useState({ from: '', to: '' });
  const query = useQuery({
    queryKey: ['meeting-statistics', shown],
    queryFn: async () => (await api.meetings.statistics.$get({ query: shown })).json(),
  });
  const data = query.data;
  const types = meetingTypes.filter((type) => (data?.byType[type] ?? 0) > 0);
  const cell = 'border border-solid-gray-420 px-2 py-1';
  return (
    <Section title={s.title}>
      <form
        className="flex flex-wrap items-end gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          setShown(range);
        }}
      >
        <DateField
          id="stats-from"
          label={s.from}
          plain
          value={range.from}
          onChange={(e) => setRange({ ...range, from: e.target.value })}
        />
        <DateField
          id="stats-to"
          label={s.to}
          plain
          value={range.to}
          onChange={(e) => setRange({ ...range, to: e.target.value })}
        />
        <Button type="submit" variant="secondary" className="mb-6">
          {s.show}
        </Button>
      </form>
      <QueryState error={query.error} />
      {data && (
        <div className="grid gap-6" data-testid="meeting-statistics">
          <p>
            {s.period}：{formatDate(data.from, lang)}〜{formatDate(data.to, lang)}
          </p>
          <dl className="grid max-w-2xl grid-cols-[auto_1fr] gap-x-6 gap-y-1">
            <dt>{s.meetings}</dt>
            <dd data-testid="stat-meetings">{data.meetings}</dd>
            <dt>{s.cases}</dt>
            <dd>{data.cases}</dd>
            <dt>{s.casesPerMeeting}</dt>
            <dd>{figure(data.casesPerMeeting)}</dd>
            <dt>{s.minutesPerCase}</dt>
            <dd>{figure(data.minutesPerCase)}</dd>
            <dt>{s.municipalAttendance}</dt>
            <dd>
              {figure(data.municipalAttendance.percent)}%（{data.municipalAttendance.attended}/
              {data.municipalAttendance.required}）
            </dd>
          </dl>
          <table className="border-collapse text-right">
            <caption className="mb-1 text-left text-std-17B-170">{s.byMonth}</caption>
            <thead>
              <tr>
                <th className={`${cell} text-left`}>{s.month}</th>
                {types.map((type) => (
                  <th key={type} className={cell}>
                    {label(meetingTypeLabel(type))}
                  </th>
                ))}
                <th className={cell}>{s.total}</th>
              </tr>
            </thead>
            <tbody>
              {data.months.map((m) => (
                <tr key={m.month}>
                  <th className={`${cell} text-left font-normal`}>{m.month}</th>
                  {types.map((type) => (
                    <td key={type} className={cell}>
                      {m.byType[type]}
                    </td>
                  ))}
                  <td className={cell}>{m.total}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="border-collapse text-right">
            <caption className="mb-1 text-left text-std-17B-170">{s.decisions}</caption>
            <tbody>
              {itemDecisions.map((d) => (
                <tr key={d}>
                  <th className={`${cell} text-left font-normal`}>
                    {label(itemDecisionLabels[d])}
                  </th>
                  <td className={cell}>{data.decisions[d]}</td>
                </tr>
              ))}
              <tr>
                <th className={`${cell} text-left font-normal`}>{t.meetings.agenda.undecided}</th>
                <td className={cell}>{data.undecided}</td>
              </tr>
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}
