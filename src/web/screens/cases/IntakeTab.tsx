import { useState } from 'react';
import {
  detectionSourceLabels,
  detectionSources,
  triageOutcomeLabels,
  triageOutcomes,
} from '../../../domain/cases/vocabulary';
import { todayInJapan } from '../../../domain/text/wareki';
import { api } from '../../api/client';
import { Button } from '../../components/Button';
import { DateField } from '../../components/DateField';
import { Checkbox, SelectField, TextArea, TextField } from '../../components/fields';
import { Notice } from '../../components/Notice';
import { optionsOf } from '../../components/options';
import { Section } from '../../components/Page';
import { RadioGroup } from '../../components/RadioGroup';
import { FormFeedback } from '../../forms/FormFeedback';
import { asFlat, flag, text } from '../../forms/flat-form';
import { nest } from '../../forms/nest';
import { useRecordForm } from '../../forms/use-record-form';
import { formatDate } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { type CaseView, useCaseStep, usePartners, useRefreshCase } from './case-data';
import { emptyIntake, IntakeFields, intakeKeys, intakeLabels } from './IntakeFields';

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

function DetectionForm({ view }: { view: CaseView }) {
  const { t, label } = useI18n();
  const d = t.cases.detection;
  const refresh = useRefreshCase(view.case.id);
  const detection = view.detection;
  const toValues = (r: Record<string, unknown>) => ({
    detectedOn: str(r.detectedOn),
    source: str(r.source),
    sourceDetail: str(r.sourceDetail),
    signs: str(r.signs),
    approachPlan: str(r.approachPlan),
  });
  const form = useRecordForm<Record<string, unknown>, unknown>({
    formKey: `detection:${view.case.id}`,
    initial: toValues(detection ?? {}),
    version: detection?.version ?? null,
    fromRecord: toValues,
    submit: async (values, version) =>
      (
        await api.cases[':id'].detection.$put({
          param: { id: view.case.id },
          // Fixed lists and typed text; the server validates them.
          json: { ...values, version: version ?? 1 } as Parameters<
            (typeof api.cases)[':id']['detection']['$put']
          >[0]['json'],
        })
      ).json(),
    onSaved: () => void refresh(),
  });
  const flat = asFlat(form);
  return (
    <form onSubmit={form.onSubmit} noValidate className="max-w-3xl">
      <FormFeedback
        form={form}
        labels={{
          detectedOn: d.detectedOn,
          source: d.source,
          signs: d.signs,
          approachPlan: d.approachPlan,
        }}
      />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <DateField label={d.detectedOn} required {...text(flat, 'detectedOn')} />
        <SelectField
          label={d.source}
          required
          options={optionsOf(detectionSources, detectionSourceLabels, label)}
          {...text(flat, 'source')}
        />
      </div>
      <TextField label={d.sourceDetail} {...text(flat, 'sourceDetail')} />
      <TextArea label={d.signs} {...text(flat, 'signs')} />
      <TextArea label={d.approachPlan} {...text(flat, 'approachPlan')} />
      {view.abilities.update && (
        <Button type="submit" variant="secondary" disabled={form.submitting}>
          {t.app.save}
        </Button>
      )}
    </form>
  );
}

function IntakeForm({ view }: { view: CaseView }) {
  const { t } = useI18n();
  const c = t.cases;
  const refresh = useRefreshCase(view.case.id);
  const existing = view.intake;
  const toValues = (r: Record<string, unknown>) => ({
    ...Object.fromEntries(intakeKeys.map((k) => [`intake.${k}`, str(r[k])])),
    'intake.topics': Array.isArray(r.topics) ? r.topics : [],
  });
  const form = useRecordForm<Record<string, unknown>, unknown>({
    formKey: `intake:${view.case.id}`,
    initial: existing ? toValues(existing) : emptyIntake('intake.', todayInJapan()),
    version: existing ? existing.version : view.case.version,
    fromRecord: toValues,
    submit: async (values, version) => {
      // Fixed lists and typed text; the server validates them.
      const body = nest(values) as {
        intake: Parameters<(typeof api.cases)[':id']['intake']['$put']>[0]['json']['intake'];
      };
      if (existing) {
        return (
          await api.cases[':id'].intake.$put({
            param: { id: view.case.id },
            json: { version: version ?? 1, intake: body.intake },
          })
        ).json();
      }
      return (
        await api.cases[':id'].intake.$post({
          param: { id: view.case.id },
          json: { version: view.case.version, intake: body.intake },
        })
      ).json();
    },
    onSaved: () => void refresh(),
  });
  return (
    <form onSubmit={form.onSubmit} noValidate>
      <FormFeedback form={form} labels={intakeLabels(t, 'intake.')} />
      {existing?.receivedBy && (
        <p className="mb-4 text-solid-gray-700">
          {c.intake.receivedBy}：{view.staff[existing.receivedBy] ?? ''}
        </p>
      )}
      <IntakeFields form={asFlat(form)} prefix="intake." />
      {view.abilities.update && (
        <Button type="submit" disabled={form.submitting}>
          {existing ? c.intake.save : c.detection.recordIntake}
        </Button>
      )}
    </form>
  );
}

function TriageForm({ view }: { view: CaseView }) {
  const { t, label } = useI18n();
  const tr = t.cases.triage;
  const refresh = useRefreshCase(view.case.id);
  const partners = usePartners();
  const form = useRecordForm<Record<string, unknown>, unknown>({
    formKey: `triage:${view.case.id}`,
    initial: {
      outcome: '',
      note: '',
      'referral.partnerAgencyId': '',
      'referral.destinationName': '',
      'referral.reason': '',
      'referral.accompanied': false,
      'referral.toPublicAssistance': false,
      'referral.followUpOn': '',
    },
    version: view.case.version,
    submit: async (values, version) => {
      const body = nest(values) as Record<string, unknown>;
      if (values.outcome !== 'refer_out') delete body.referral;
      return (
        await api.cases[':id'].triage.$post({
          param: { id: view.case.id },
          // The outcome comes from the radio buttons; the server validates it.
          json: { ...body, version: version ?? view.case.version } as Parameters<
            (typeof api.cases)[':id']['triage']['$post']
          >[0]['json'],
        })
      ).json();
    },
    onSaved: () => void refresh(),
  });
  const flat = asFlat(form);
  const labels = {
    outcome: tr.outcome,
    note: tr.note,
    'referral.partnerAgencyId': tr.partnerAgency,
    'referral.followUpOn': tr.followUpOn,
  };
  return (
    <form onSubmit={form.onSubmit} noValidate className="max-w-3xl" data-testid="triage-form">
      <p className="mb-4">{tr.lead}</p>
      <FormFeedback form={form} labels={labels} />
      <RadioGroup
        id="outcome"
        label={tr.outcome}
        required
        options={optionsOf(triageOutcomes, triageOutcomeLabels, label)}
        value={String(form.values.outcome ?? '')}
        onChange={(v) => form.set('outcome', v)}
        error={form.errors.outcome}
      />
      {form.values.outcome === 'refer_out' && (
        <fieldset className="mb-6 rounded-12 border border-solid-gray-300 p-4">
          <legend className="px-2 text-std-17B-170">{tr.referral}</legend>
          <SelectField
            label={tr.partnerAgency}
            placeholder=""
            options={partners.options}
            {...text(flat, 'referral.partnerAgencyId')}
          />
          <TextField label={tr.otherDestination} {...text(flat, 'referral.destinationName')} />
          <TextArea label={tr.reason} rows={2} {...text(flat, 'referral.reason')} />
          <Checkbox label={tr.accompanied} {...flag(flat, 'referral.accompanied')} />
          <Checkbox label={tr.toPublicAssistance} {...flag(flat, 'referral.toPublicAssistance')} />
          <DateField label={tr.followUpOn} required {...text(flat, 'referral.followUpOn')} />
        </fieldset>
      )}
      <TextArea label={tr.note} rows={2} {...text(flat, 'note')} />
      <Button type="submit" disabled={form.submitting}>
        {tr.submit}
      </Button>
    </form>
  );
}

function ReferralRow({
  view,
  referral,
}: {
  view: CaseView;
  referral: CaseView['referrals'][number];
}) {
  const { t, lang } = useI18n();
  const tr = t.cases.triage;
  const partners = usePartners();
  const [status, setStatus] = useState('arrived');
  const [on, setOn] = useState(todayInJapan());
  const [note, setNote] = useState('');
  const { error, run } = useCaseStep(view.case.id);
  const statusLabel = {
    pending: tr.pending,
    arrived: tr.arrived,
    not_arrived: tr.notArrived,
    cancelled: tr.cancelled,
  }[referral.status];
  const confirm = () =>
    run(async () => {
      await api.cases[':id'].referrals[':childId'].$put({
        param: { id: view.case.id, childId: referral.id },
        json: {
          version: referral.version,
          status: status as 'arrived' | 'not_arrived' | 'cancelled',
          confirmedOn: on,
          note,
        },
      });
    });
  return (
    <li className="mb-4 rounded-8 border border-solid-gray-300 p-4" data-testid="referral">
      <p className="text-std-17B-170">
        {partners.name(referral.partnerAgencyId) || referral.destinationName}
        {referral.toPublicAssistance && (
          <span className="ml-2 rounded-4 bg-blue-50 px-2 text-dns-14B-130">
            {tr.publicAssistance}
          </span>
        )}
        {referral.accompanied && (
          <span className="ml-2 rounded-4 bg-blue-50 px-2 text-dns-14B-130">
            {tr.accompaniedYes}
          </span>
        )}
      </p>
      <p className="text-dns-16N-130">
        {tr.referredOn}：{formatDate(referral.referredOn, lang)}　{tr.followUpOn}：
        {formatDate(referral.followUpOn, lang)}　<strong>{statusLabel}</strong>
        {referral.confirmedOn && `（${formatDate(referral.confirmedOn, lang)}）`}
      </p>
      {referral.reason && <p className="mt-1 whitespace-pre-wrap">{referral.reason}</p>}
      {referral.status === 'pending' && view.abilities.update && (
        <div className="mt-3 grid max-w-2xl gap-x-4 sm:grid-cols-2">
          {error && <Notice tone="error" title={error.message} />}
          <SelectField
            id={`referral-${referral.id}-status`}
            label={tr.outcome}
            options={[
              { value: 'arrived', label: tr.arrived },
              { value: 'not_arrived', label: tr.notArrived },
              { value: 'cancelled', label: tr.cancelled },
            ]}
            value={status}
            onChange={(e) => setStatus(e.target.value)}
          />
          <DateField
            id={`referral-${referral.id}-on`}
            label={tr.confirmedOn}
            value={on}
            onChange={(e) => setOn(e.target.value)}
            error={error?.fields.confirmedOn}
          />
          <div className="sm:col-span-2">
            <TextArea
              id={`referral-${referral.id}-note`}
              label={tr.confirmNote}
              rows={2}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
            <Button variant="secondary" onClick={() => void confirm()}>
              {tr.confirm}
            </Button>
          </div>
        </div>
      )}
    </li>
  );
}

export function IntakeTab({ view }: { view: CaseView }) {
  const { t } = useI18n();
  const c = t.cases;
  return (
    <div>
      {view.detection && (
        <Section title={c.detection.section}>
          <DetectionForm view={view} />
        </Section>
      )}
      {(view.intake || (view.case.status === 'detected' && view.abilities.update)) && (
        <Section title={c.intake.section}>
          {!view.intake && <p className="mb-4">{c.detection.recordIntakeLead}</p>}
          <IntakeForm key={view.intake ? `v${view.intake.version}` : 'new'} view={view} />
        </Section>
      )}
      {view.abilities.actions.some((a) => a.startsWith('triage_')) &&
        view.case.status === 'intake' && (
          <Section title={c.triage.section}>
            <TriageForm view={view} />
          </Section>
        )}
      {view.referrals.length > 0 && (
        <Section title={c.triage.referralsTitle}>
          <ul>
            {view.referrals.map((r) => (
              <ReferralRow key={`${r.id}-${r.version}`} view={view} referral={r} />
            ))}
          </ul>
        </Section>
      )}
    </div>
  );
}
