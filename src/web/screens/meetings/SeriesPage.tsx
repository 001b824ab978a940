import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { phaseLabels, phases } from '../../../domain/meetings/agenda';
import {
  legalBasisLabels,
  type MeetingType,
  meetingPatterns,
  meetingTypeRules,
  meetingTypes,
  memberTiers,
} from '../../../domain/meetings/meeting-types';
import { todayInJapan } from '../../../domain/text/wareki';
import { api } from '../../api/client';
import { useSession } from '../../api/session';
import { useStep } from '../../api/use-step';
import { Button } from '../../components/Button';
import { DateField } from '../../components/DateField';
import { Checkbox, SelectField, TextField } from '../../components/fields';
import { QueryState } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { Page, Section } from '../../components/Page';
import { RadioGroup } from '../../components/RadioGroup';
import { Form } from '../../forms/Form';
import { FormFeedback } from '../../forms/FormFeedback';
import { asFlat, flag, text } from '../../forms/flat-form';
import { nest } from '../../forms/nest';
import { useRecordForm } from '../../forms/use-record-form';
import { formatDate, formatDateTime } from '../../i18n/format';
import { fill, useI18n } from '../../i18n/i18n';
import { useCaseStaff, usePartners } from '../cases/case-data';
import { meetingTypeLabel } from './meeting-labels';

type SeriesView = Awaited<
  ReturnType<Awaited<ReturnType<(typeof api)['meeting-series'][':id']['$get']>>['json']>
>;

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

function SeriesForm({ series }: { series: SeriesView | null }) {
  const { t, label } = useI18n();
  const f = t.meetings.seriesForm;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const agencies = useQuery({
    queryKey: ['support-agencies'],
    queryFn: async () => (await api['support-agencies'].$get()).json(),
  });
  const form = useRecordForm<Record<string, unknown>, { id: string }>({
    formKey: series ? `meeting-series:${series.id}` : 'meeting-series:new',
    initial: {
      type: series?.type ?? 'coordination',
      name: series?.name ?? '',
      legalBasis: str(series?.legalBasis),
      hostAgencyId: str(series?.hostAgencyId),
      pattern: series?.pattern ?? 'regular',
      regularWeek: str(series?.regularWeek ?? 3),
      regularWeekday: str(series?.regularWeekday ?? 4),
      defaultStart: series?.defaultStart ?? '09:00',
      place: str(series?.place),
      online: series?.online ?? false,
      minutesPerCase: str(series?.minutesPerCase ?? 30),
      ...Object.fromEntries(
        phases.map((p) => [`phaseMinutes.${p}`, str(series?.phaseMinutes[p] ?? '')]),
      ),
    },
    version: series?.version ?? null,
    submit: async (values, version) => {
      const body = nest(values);
      // The phase minutes are all given or none: the server keeps its defaults otherwise.
      const minutes = body.phaseMinutes as Record<string, string>;
      if (Object.values(minutes).some((v) => v === '')) delete body.phaseMinutes;
      // A basis chosen for another type does not travel with a type that takes none or others.
      const bases: readonly string[] = meetingTypeRules[body.type as MeetingType]?.legalBases ?? [];
      if (!bases.includes(String(body.legalBasis))) body.legalBasis = '';
      if (body.pattern === 'ad_hoc') {
        body.regularWeek = '';
        body.regularWeekday = '';
      }
      // Choices from fixed lists and typed text; the server validates every field.
      type Body = Parameters<(typeof api)['meeting-series']['$post']>[0]['json'];
      if (series) {
        const saved = await (
          await api['meeting-series'][':id'].$put({
            param: { id: series.id },
            json: { version: version ?? series.version, series: body as Body },
          })
        ).json();
        return { id: saved.id };
      }
      return (await api['meeting-series'].$post({ json: body as Body })).json();
    },
    errorKey: (path) => (path.startsWith('series.') ? path.slice('series.'.length) : path),
    onSaved: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['meeting-series'] });
      navigate(`/meetings/series/${saved.id}`);
    },
  });
  const flat = asFlat(form);
  const type = String(form.values.type) as (typeof meetingTypes)[number];
  const allowed = meetingTypeRules[type]?.legalBases ?? [];
  const rule = meetingTypeRules[type];
  return (
    <Form form={form} className="max-w-3xl" data-testid="series-form">
      <FormFeedback
        form={form}
        labels={{
          type: f.type,
          name: f.name,
          legalBasis: f.legalBasis,
          regularWeek: f.regularWeek,
          regularWeekday: f.regularWeekday,
          defaultStart: f.defaultStart,
          minutesPerCase: f.minutesPerCase,
        }}
      />
      <SelectField
        label={f.type}
        required
        options={meetingTypes.map((m) => ({ value: m, label: label(meetingTypeLabel(m)) }))}
        {...text(flat, 'type')}
      />
      {rule && (
        <p className="-mt-4 mb-6 text-dns-16N-130 text-solid-gray-700">
          {f.sharing}：{f.sharingRules[rule.sharing]}
          {rule.municipalOfficerRequired && `　${f.officerRequired}`}
        </p>
      )}
      <TextField label={f.name} required {...text(flat, 'name')} />
      {allowed.length > 0 && (
        <SelectField
          label={f.legalBasis}
          required
          hint={f.legalBasisHint}
          placeholder=""
          options={allowed.map((b) => ({ value: b, label: label(legalBasisLabels[b]) }))}
          {...text(flat, 'legalBasis')}
        />
      )}
      <SelectField
        label={f.hostAgency}
        placeholder=""
        options={(agencies.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))}
        {...text(flat, 'hostAgencyId')}
      />
      <RadioGroup
        id="pattern"
        label={f.pattern}
        required
        options={meetingPatterns.map((p) => ({ value: p, label: f.patterns[p] }))}
        value={String(form.values.pattern)}
        onChange={(v) => form.set('pattern', v)}
      />
      {form.values.pattern !== 'ad_hoc' && (
        <div className="grid gap-x-4 sm:grid-cols-2">
          <SelectField
            label={f.regularWeek}
            required
            options={[1, 2, 3, 4, 5].map((n) => ({
              value: String(n),
              label: fill(f.weekLabel, { n }),
            }))}
            {...text(flat, 'regularWeek')}
          />
          <SelectField
            label={f.regularWeekday}
            required
            options={f.weekdays.map((d, i) => ({ value: String(i), label: d }))}
            {...text(flat, 'regularWeekday')}
          />
        </div>
      )}
      <div className="grid gap-x-4 sm:grid-cols-2">
        <TextField
          label={f.defaultStart}
          required
          inputMode="numeric"
          {...text(flat, 'defaultStart')}
        />
        <TextField
          label={f.minutesPerCase}
          required
          inputMode="numeric"
          {...text(flat, 'minutesPerCase')}
        />
      </div>
      <TextField label={f.place} {...text(flat, 'place')} />
      <Checkbox label={f.online} {...flag(flat, 'online')} />
      <fieldset className="mb-6">
        <legend className="text-std-17B-170">{f.phaseMinutes}</legend>
        <p className="mb-2 text-dns-16N-130 text-solid-gray-700">{f.phaseHint}</p>
        <div className="grid grid-cols-2 gap-x-4 sm:grid-cols-5">
          {phases.map((p) => (
            <TextField
              key={p}
              label={label(phaseLabels[p])}
              plain
              inputMode="numeric"
              {...text(flat, `phaseMinutes.${p}`)}
            />
          ))}
        </div>
      </fieldset>
      <Button type="submit" disabled={form.submitting}>
        {form.submitting ? t.app.saving : f.save}
      </Button>
    </Form>
  );
}

function AddMember({ series }: { series: SeriesView }) {
  const { t } = useI18n();
  const mm = t.meetings.members;
  const queryClient = useQueryClient();
  const staff = useCaseStaff();
  const partners = usePartners();
  const [kind, setKind] = useState<'user' | 'partner' | 'person'>('user');
  const [added, setAdded] = useState(false);
  const initial = {
    tier: 'core',
    userId: '',
    partnerAgencyId: '',
    name: '',
    organisation: '',
    appointedOn: todayInJapan(),
  };
  const form = useRecordForm<Record<string, unknown>, unknown>({
    formKey: `meeting-member:${series.id}:new`,
    initial,
    version: null,
    submit: async (values) => {
      const body = {
        tier: values.tier,
        appointedOn: values.appointedOn,
        ...(kind === 'user' ? { userId: values.userId } : {}),
        ...(kind === 'partner' ? { partnerAgencyId: values.partnerAgencyId } : {}),
        ...(kind === 'person' ? { name: values.name, organisation: values.organisation } : {}),
      };
      return (
        await api['meeting-series'][':id'].members.$post({
          param: { id: series.id },
          // Choices from the lists and typed text; the server validates them.
          json: body as Parameters<
            (typeof api)['meeting-series'][':id']['members']['$post']
          >[0]['json'],
        })
      ).json();
    },
    onSaved: () => {
      form.reset(initial, null);
      setAdded(true);
      void queryClient.invalidateQueries({ queryKey: ['meeting-series'] });
    },
  });
  const flat = asFlat(form, 'member-');
  return (
    <Form
      form={form}
      className="mt-4 max-w-3xl rounded-8 border border-solid-gray-300 p-4"
      data-testid="member-form"
    >
      <h3 className="mb-2 text-std-20B-150">{mm.add}</h3>
      {added && !form.dirty && <Notice tone="success">{mm.added}</Notice>}
      <FormFeedback
        form={form}
        idPrefix="member-"
        labels={{ name: mm.name, userId: mm.user, partnerAgencyId: mm.partner }}
      />
      <RadioGroup
        id="member-kind"
        label={mm.kind}
        required
        options={(['user', 'partner', 'person'] as const).map((k) => ({
          value: k,
          label: mm.kinds[k],
        }))}
        value={kind}
        onChange={(v) => setKind(v as typeof kind)}
      />
      {kind === 'user' && (
        <SelectField
          label={mm.user}
          required
          placeholder=""
          options={staff}
          {...text(flat, 'userId')}
        />
      )}
      {kind === 'partner' && (
        <SelectField
          label={mm.partner}
          required
          placeholder=""
          options={partners.options}
          {...text(flat, 'partnerAgencyId')}
        />
      )}
      {kind === 'person' && (
        <div className="grid gap-x-4 sm:grid-cols-2">
          <TextField label={mm.name} required {...text(flat, 'name')} />
          <TextField label={mm.organisation} {...text(flat, 'organisation')} />
        </div>
      )}
      <div className="grid gap-x-4 sm:grid-cols-2">
        <RadioGroup
          id="member-tier"
          label={mm.tier}
          required
          options={memberTiers.map((tier) => ({ value: tier, label: mm.tiers[tier] }))}
          value={String(form.values.tier)}
          onChange={(v) => form.set('tier', v)}
        />
        <DateField label={mm.appointedOn} {...text(flat, 'appointedOn')} />
      </div>
      <Button type="submit" variant="secondary" disabled={form.submitting}>
        {mm.add}
      </Button>
    </Form>
  );
}

/** The acknowledgement of a body's duty of confidentiality: the notice, and the user's own record. */
export function Acknowledgement({
  seriesId,
  notice,
  acknowledgedAt,
  onDone,
}: {
  seriesId: string;
  notice: { ja: string; en: string };
  acknowledgedAt: string | null;
  onDone: () => Promise<unknown>;
}) {
  const { t, label, lang } = useI18n();
  const a = t.meetings.acknowledgement;
  const { error, run, busy } = useStep(onDone);
  return (
    <Notice tone={acknowledgedAt ? 'info' : 'warning'} title={a.title}>
      <div data-testid="confidentiality-notice">
        {!acknowledgedAt && <p>{a.lead}</p>}
        {error && <p className="font-bold text-error-1">{error.message}</p>}
        <p className="my-2 font-bold">{label(notice)}</p>
        {acknowledgedAt ? (
          <p>{fill(a.done, { date: formatDateTime(acknowledgedAt, lang) })}</p>
        ) : (
          <Button
            disabled={busy}
            onClick={() =>
              void run(() =>
                api['meeting-series'][':id'].acknowledgement.$post({ param: { id: seriesId } }),
              )
            }
          >
            {a.confirm}
          </Button>
        )}
      </div>
    </Notice>
  );
}

/** A meeting body: its settings, its members (two tiers) and the duty of confidentiality. */
export function SeriesPage() {
  const { id } = useParams();
  const { t, label, lang } = useI18n();
  const m = t.meetings;
  const session = useSession();
  const queryClient = useQueryClient();
  const canManage = session.can('meeting.manage');
  const query = useQuery({
    queryKey: ['meeting-series', id],
    queryFn: async () =>
      (await api['meeting-series'][':id'].$get({ param: { id: id ?? '' } })).json(),
    enabled: Boolean(id),
  });
  const [ending, setEnding] = useState<string | null>(null);
  const ended = useStep(() => queryClient.invalidateQueries({ queryKey: ['meeting-series'] }));
  if (!id) {
    return (
      <Page title={m.seriesForm.titleNew}>
        <SeriesForm series={null} />
      </Page>
    );
  }
  const series = query.data;
  if (!series) return <QueryState error={query.error} />;
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['meeting-series'] });
  return (
    <Page title={series.name} lead={label(meetingTypeLabel(series.type))}>
      {series.confidentiality && (
        <Acknowledgement
          seriesId={series.id}
          notice={series.confidentiality.notice}
          acknowledgedAt={series.confidentiality.acknowledgedAt}
          onDone={refresh}
        />
      )}
      <Section title={m.members.title}>
        {series.members.length === 0 && <p>{m.members.none}</p>}
        {ended.error && <Notice tone="error" title={ended.error.message} />}
        <table className="w-full border-collapse text-left" data-testid="members">
          <tbody>
            {series.members.map((x) => (
              <tr key={x.id} className="border-b border-solid-gray-200">
                <td className="py-2 pr-4">{m.members.tiers[x.tier]}</td>
                <td className="py-2 pr-4">
                  {x.name}
                  {x.organisation && `（${x.organisation}）`}
                </td>
                <td className="py-2 pr-4">
                  {m.members.appointedOn}：{formatDate(x.appointedOn, lang)}
                  {x.endedOn && `　${m.members.ended}：${formatDate(x.endedOn, lang)}`}
                </td>
                <td className="py-2 pr-4">
                  {series.confidentiality &&
                    x.userId &&
                    (x.acknowledgedAt ? m.members.acknowledged : m.members.notAcknowledged)}
                </td>
                <td className="py-2">
                  {canManage && !x.endedOn && (
                    <Button
                      variant="tertiary"
                      disabled={ending === x.id}
                      aria-label={`${m.members.end}（${x.name ?? ''}）`}
                      onClick={async () => {
                        setEnding(x.id);
                        await ended.run(() =>
                          api['meeting-series'][':id'].members[':memberId'].end.$post({
                            param: { id: series.id, memberId: x.id },
                            json: { endedOn: todayInJapan() },
                          }),
                        );
                        setEnding(null);
                      }}
                    >
                      {m.members.end}
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {canManage && <AddMember series={series} />}
      </Section>
      {canManage && (
        <Section title={t.app.edit}>
          <SeriesForm key={series.version} series={series} />
        </Section>
      )}
    </Page>
  );
}
