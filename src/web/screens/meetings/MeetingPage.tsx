import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import { Button } from '../../components/Button';
import { DateField } from '../../components/DateField';
import { Disclosure } from '../../components/Disclosure';
import { Checkbox, SelectField, TextArea, TextField } from '../../components/fields';
import { QueryState } from '../../components/Loading';
import { Page, Section } from '../../components/Page';
import { Form } from '../../forms/Form';
import { FormFeedback } from '../../forms/FormFeedback';
import { asFlat, flag, text } from '../../forms/flat-form';
import { useRecordForm } from '../../forms/use-record-form';
import { formatDate } from '../../i18n/format';
import { fill, useI18n } from '../../i18n/i18n';
import { AgendaPanel } from './AgendaPanel';
import { AttendancePanel } from './AttendancePanel';
import { type MeetingView, useMeeting, useRefreshMeeting } from './meeting-data';
import { meetingTypeLabel } from './meeting-labels';
import { Acknowledgement } from './SeriesPage';

function DetailsForm({ meeting }: { meeting: MeetingView }) {
  const { t } = useI18n();
  const m = t.meetings.meeting;
  const refresh = useRefreshMeeting(meeting.id);
  const form = useRecordForm<Record<string, unknown>, unknown>({
    formKey: `meeting:${meeting.id}`,
    initial: {
      heldOn: meeting.heldOn,
      startsAt: meeting.startsAt,
      place: meeting.place ?? '',
      online: meeting.online,
      status: meeting.status,
      note: meeting.note ?? '',
    },
    version: meeting.version,
    submit: async (values, version) =>
      (
        await api.meetings[':id'].$put({
          param: { id: meeting.id },
          json: {
            // Choices from fixed lists and typed text; the server validates them.
            ...(values as Omit<
              Parameters<(typeof api.meetings)[':id']['$put']>[0]['json'],
              'version'
            >),
            version: version ?? meeting.version,
          },
        })
      ).json(),
    // The saved meeting comes back as a new form (keyed by its version): wait for it.
    onSaved: () => refresh(),
  });
  const flat = asFlat(form, 'meeting-');
  return (
    <Form form={form} className="max-w-3xl" data-testid="meeting-details">
      <FormFeedback
        form={form}
        idPrefix="meeting-"
        labels={{ heldOn: m.date, startsAt: m.start, place: m.place, status: m.status }}
      />
      <div className="grid gap-x-4 sm:grid-cols-3">
        <DateField label={m.date} required {...text(flat, 'heldOn')} />
        <TextField label={m.start} required inputMode="numeric" {...text(flat, 'startsAt')} />
        <SelectField
          label={m.status}
          required
          options={(['planned', 'held', 'cancelled'] as const).map((s) => ({
            value: s,
            label: t.meetings.status[s],
          }))}
          {...text(flat, 'status')}
        />
      </div>
      <TextField label={m.place} {...text(flat, 'place')} />
      <Checkbox label={m.online} {...flag(flat, 'online')} />
      <TextArea label={m.note} rows={2} {...text(flat, 'note')} />
      <Button type="submit" variant="secondary" disabled={form.submitting}>
        {m.save}
      </Button>
    </Form>
  );
}

/** One meeting: when and where, the duty of confidentiality, attendance, agenda and records. */
export function MeetingPage() {
  const { id = '' } = useParams();
  const { t, label, lang } = useI18n();
  const m = t.meetings;
  const query = useMeeting(id);
  const refresh = useRefreshMeeting(id);
  const meeting = query.data;
  if (!meeting) return <QueryState error={query.error} />;
  const joint = meeting.bodies.filter((b) => b.id !== meeting.series.id);
  const unacknowledged = meeting.bodies.filter((b) => b.sharing === 'law');
  return (
    <Page
      title={fill(m.meeting.title, {
        body: meeting.series.name,
        date: formatDate(meeting.heldOn, lang),
      })}
      lead={label(meetingTypeLabel(meeting.series.type))}
      actions={
        <Link to={`/meetings/${meeting.id}/print`} className="self-center">
          {m.meeting.printAgenda}
        </Link>
      }
    >
      <dl className="mb-6 grid max-w-3xl grid-cols-[auto_1fr] gap-x-6 gap-y-1">
        <dt className="text-solid-gray-700">{m.meeting.start}</dt>
        <dd data-testid="meeting-start">{meeting.startsAt}</dd>
        <dt className="text-solid-gray-700">{m.meeting.place}</dt>
        <dd>
          {meeting.place}
          {meeting.online && `（${m.meeting.online}）`}
        </dd>
        <dt className="text-solid-gray-700">{m.meeting.tier}</dt>
        <dd>{m.meeting.tiers[meeting.tier]}</dd>
        <dt className="text-solid-gray-700">{m.meeting.status}</dt>
        <dd data-testid="meeting-status">{m.status[meeting.status]}</dd>
        {joint.length > 0 && (
          <>
            <dt className="text-solid-gray-700">{m.meeting.joint}</dt>
            <dd>{joint.map((b) => b.name).join('、')}</dd>
          </>
        )}
      </dl>
      {unacknowledged.map(
        (b) =>
          meeting.confidentialityNotice && (
            <Acknowledgement
              key={b.id}
              seriesId={b.id}
              notice={meeting.confidentialityNotice}
              acknowledgedAt={b.acknowledgedAt}
              onDone={refresh}
            />
          ),
      )}
      <AgendaPanel meeting={meeting} />
      {meeting.canManage && (
        <Section title={m.attendance.title}>
          <AttendancePanel meeting={meeting} />
        </Section>
      )}
      {meeting.canManage && (
        <Disclosure summary={m.meeting.edit}>
          <DetailsForm key={meeting.version} meeting={meeting} />
        </Disclosure>
      )}
    </Page>
  );
}
