import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { addDays } from '../../../domain/cases/deadlines';
import { memberTiers } from '../../../domain/meetings/meeting-types';
import { todayInJapan } from '../../../domain/text/wareki';
import { api } from '../../api/client';
import { useSession } from '../../api/session';
import { Button } from '../../components/Button';
import { DateField } from '../../components/DateField';
import { CheckboxGroup, SelectField, TextField } from '../../components/fields';
import { QueryState } from '../../components/Loading';
import { Page, Section } from '../../components/Page';
import { RadioGroup } from '../../components/RadioGroup';
import { Form } from '../../forms/Form';
import { FormFeedback } from '../../forms/FormFeedback';
import { asFlat, list, text } from '../../forms/flat-form';
import { useRecordForm } from '../../forms/use-record-form';
import { formatDate } from '../../i18n/format';
import { fill, useI18n } from '../../i18n/i18n';
import { MeetingStatistics } from './MeetingStatistics';
import { useMeetingSeries } from './meeting-data';
import { meetingTypeLabel } from './meeting-labels';

type Series = NonNullable<ReturnType<typeof useMeetingSeries>['data']>['items'];

function ScheduleForm({ series }: { series: Series }) {
  const { t } = useI18n();
  const m = t.meetings;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const active = series.filter((s) => s.active);
  const form = useRecordForm<Record<string, unknown>, { id: string }>({
    formKey: 'meeting:new',
    initial: {
      seriesId: active[0]?.id ?? '',
      heldOn: todayInJapan(),
      startsAt: '',
      place: '',
      tier: 'core',
      jointSeriesIds: [],
    },
    version: null,
    submit: async (values) =>
      (
        await api.meetings.$post({
          // Choices from the lists above and typed text; the server validates them.
          json: values as Parameters<typeof api.meetings.$post>[0]['json'],
        })
      ).json(),
    onSaved: async (created) => {
      await queryClient.invalidateQueries({ queryKey: ['meetings'] });
      navigate(`/meetings/${created.id}`);
    },
  });
  const flat = asFlat(form);
  const chosen = active.find((s) => s.id === form.values.seriesId);
  return (
    <Form form={form} className="max-w-3xl" data-testid="schedule-form">
      <FormFeedback
        form={form}
        labels={{
          seriesId: m.columns.body,
          heldOn: m.meeting.date,
          startsAt: m.meeting.start,
          place: m.meeting.place,
        }}
      />
      <SelectField
        label={m.columns.body}
        required
        placeholder=""
        options={active.map((s) => ({ value: s.id, label: s.name }))}
        {...text(flat, 'seriesId')}
      />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <DateField label={m.meeting.date} required {...text(flat, 'heldOn')} />
        <TextField
          label={m.meeting.start}
          inputMode="numeric"
          placeholder={chosen?.defaultStart ?? '09:00'}
          {...text(flat, 'startsAt')}
        />
      </div>
      <TextField
        label={m.meeting.place}
        placeholder={chosen?.place ?? ''}
        {...text(flat, 'place')}
      />
      <RadioGroup
        id="tier"
        label={m.meeting.tier}
        required
        options={memberTiers.map((tier) => ({ value: tier, label: m.meeting.tiers[tier] }))}
        value={String(form.values.tier)}
        onChange={(v) => form.set('tier', v)}
      />
      {active.length > 1 && (
        <CheckboxGroup
          label={m.meeting.joint}
          options={active
            .filter((s) => s.id !== form.values.seriesId)
            .map((s) => ({ value: s.id, label: s.name }))}
          {...list(flat, 'jointSeriesIds')}
        />
      )}
      <Button type="submit" disabled={form.submitting}>
        {form.submitting ? t.app.saving : m.schedule}
      </Button>
    </Form>
  );
}

/** The meetings one takes part in, the bodies of the municipality, and scheduling a meeting. */
export function MeetingsPage() {
  const { t, label, lang } = useI18n();
  const m = t.meetings;
  const session = useSession();
  const series = useMeetingSeries();
  const today = todayInJapan();
  const meetings = useQuery({
    queryKey: ['meetings', 'upcoming', today],
    queryFn: async () => (await api.meetings.$get({ query: { from: today } })).json(),
  });
  const held = useQuery({
    queryKey: ['meetings', 'past', today],
    queryFn: async () =>
      (await api.meetings.$get({ query: { to: addDays(today, -1), order: 'desc' } })).json(),
  });
  const upcoming = meetings.data?.items ?? [];
  const past = held.data?.items ?? [];
  const canManage = session.can('meeting.manage');
  const table = (rows: typeof upcoming, testId: string) => (
    <table className="w-full border-collapse text-left" data-testid={testId}>
      <thead>
        <tr className="border-b-2 border-solid-gray-420">
          <th className="py-2 pr-4">{m.columns.date}</th>
          <th className="py-2 pr-4">{m.columns.time}</th>
          <th className="py-2 pr-4">{m.columns.body}</th>
          <th className="py-2 pr-4">{m.columns.items}</th>
          <th className="py-2">{m.columns.status}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((x) => (
          <tr key={x.id} className="border-b border-solid-gray-200">
            <td className="py-2 pr-4">
              <Link to={`/meetings/${x.id}`}>{formatDate(x.heldOn, lang)}</Link>
            </td>
            <td className="py-2 pr-4">{x.startsAt}</td>
            <td className="py-2 pr-4">
              {x.seriesName}
              <span className="ml-2 text-dns-14N-130 text-solid-gray-700">
                {label(meetingTypeLabel(x.type))}
              </span>
            </td>
            <td className="py-2 pr-4">{fill(m.items, { count: x.items })}</td>
            <td className="py-2">{m.status[x.status]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <Page
      title={m.title}
      lead={m.lead}
      actions={
        canManage ? (
          <Link to="/meetings/series/new" className="self-center">
            {m.newSeries}
          </Link>
        ) : undefined
      }
    >
      <QueryState error={meetings.error ?? held.error ?? series.error} />
      <Section title={m.upcoming}>
        {upcoming.length === 0 ? <p>{m.noneUpcoming}</p> : table(upcoming, 'upcoming-meetings')}
      </Section>
      {canManage && series.data && series.data.items.length > 0 && (
        <Section title={m.schedule}>
          <ScheduleForm series={series.data.items} />
        </Section>
      )}
      <Section title={m.past}>
        {past.length === 0 ? <p>{m.nonePast}</p> : table(past, 'past-meetings')}
      </Section>
      <Section title={m.series}>
        {series.data?.items.length === 0 && <p>{m.noSeries}</p>}
        <ul className="grid gap-3 sm:grid-cols-2">
          {series.data?.items.map((s) => (
            <li key={s.id} className="rounded-8 border border-solid-gray-300 p-3">
              <Link to={`/meetings/series/${s.id}`} className="text-std-17B-170">
                {s.name}
              </Link>
              <p className="text-dns-14N-130 text-solid-gray-700">
                {label(meetingTypeLabel(s.type))}　{m.seriesForm.sharingRules[s.sharing]}
              </p>
            </li>
          ))}
        </ul>
      </Section>
      {canManage && <MeetingStatistics />}
    </Page>
  );
}
