import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { itemKindLabels, phaseLabels } from '../../../domain/meetings/agenda';
import { attendanceRoleLabels } from '../../../domain/meetings/meeting-types';
import { formatWareki } from '../../../domain/text/wareki';
import { QueryState } from '../../components/Loading';
import { Grid, Heading, PrintFrame } from '../../components/PrintParts';
import { fill, useI18n } from '../../i18n/i18n';
import { type MeetingView, useMeeting } from './meeting-data';

/** An A4 handout of a meeting: the body, the date, and — under the law — the confidentiality notice. */
export function Handout({
  title,
  meeting,
  children,
}: {
  title: string;
  meeting: Pick<MeetingView, 'id' | 'confidentialityNotice'>;
  children: ReactNode;
}) {
  const { t, label } = useI18n();
  return (
    <PrintFrame
      title={title}
      back={{ to: `/meetings/${meeting.id}`, label: t.meetings.print.back }}
      notice={
        meeting.confidentialityNotice && (
          <>
            {label(meeting.confidentialityNotice)}
            <br />
            {t.meetings.print.handoutNotice}
          </>
        )
      }
    >
      {children}
    </PrintFrame>
  );
}

/** 次第・進行表: the agenda in slots and, per case, the phases with their times. */
export function MeetingPrintPage() {
  const { id = '' } = useParams();
  const { t, label } = useI18n();
  const p = t.meetings.print;
  const g = t.meetings.agenda;
  const query = useMeeting(id);
  const meeting = query.data;
  if (!meeting) return <QueryState error={query.error} />;
  const present = meeting.attendees.filter((a) => a.present !== false);
  const cell = 'border border-black px-2 py-1 align-top';
  return (
    <Handout title={fill(p.agendaTitle, { body: meeting.series.name })} meeting={meeting}>
      <Grid
        rows={[
          [p.held, `${formatWareki(meeting.heldOn)}　${meeting.startsAt}〜`],
          [
            p.place,
            `${meeting.place ?? ''}${meeting.online ? `（${t.meetings.meeting.online}）` : ''}`,
          ],
          [
            p.attendees,
            present
              .map(
                (a) =>
                  `${a.name ?? a.organisation ?? ''}${a.name && a.organisation ? `（${a.organisation}）` : ''}${
                    a.roles.filter((r) => r !== 'member').length
                      ? `［${a.roles
                          .filter((r) => r !== 'member')
                          .map((r) => label(attendanceRoleLabels[r]))
                          .join('・')}］`
                      : ''
                  }`,
              )
              .join('、'),
          ],
        ]}
      />
      <Heading>{g.title}</Heading>
      <table className="mb-3 w-full border-collapse" data-testid="print-timetable">
        <thead>
          <tr className="bg-solid-gray-50">
            <th className={cell}>No.</th>
            <th className={cell}>{g.slot}</th>
            <th className={cell}>{g.kind}</th>
            <th className={cell}>{g.case}</th>
            <th className={cell}>{g.reporter}</th>
            <th className={cell}>{g.guests}</th>
            <th className={cell}>{g.phases}</th>
          </tr>
        </thead>
        <tbody>
          {meeting.agenda.map((item, i) => (
            <tr key={item.id} data-testid="print-item">
              <td className={cell}>{i + 1}</td>
              <td className={`${cell} whitespace-nowrap`}>
                {item.start}〜{item.end}
              </td>
              <td className={cell}>{label(itemKindLabels[item.kind])}</td>
              <td className={cell}>
                {item.visible ? `${item.caseNumber ?? ''}　${item.personName ?? ''}` : '—'}
              </td>
              <td className={cell}>{item.visible ? item.reporterName : ''}</td>
              <td className={cell}>{item.guests.map((x) => x.name).join('、')}</td>
              <td className={`${cell} text-[9pt]`}>
                {item.phases.map((ph) => (
                  <span key={ph.phase} className="block whitespace-nowrap">
                    {ph.start}〜{ph.end}　{label(phaseLabels[ph.phase])}
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Handout>
  );
}
