import { Link } from 'react-router';
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
import { optionsOf } from '../../components/options';
import { Section } from '../../components/Page';
import { RadioGroup } from '../../components/RadioGroup';
import { Form } from '../../forms/Form';
import { FormFeedback } from '../../forms/FormFeedback';
import { asFlat, flag, text } from '../../forms/flat-form';
import { nest } from '../../forms/nest';
import { useRecordForm } from '../../forms/use-record-form';
import { fill, useI18n } from '../../i18n/i18n';
import { type CaseView, usePartners, useRefreshCase } from './case-data';
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
    // The saved detection comes back as a new form (keyed by its version): wait for it.
    onSaved: () => refresh(),
  });
  const flat = asFlat(form);
  return (
    <Form form={form} className="max-w-3xl">
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
    </Form>
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
    // The saved intake comes back as a new form (keyed by its version): wait for it.
    onSaved: () => refresh(),
  });
  return (
    <Form form={form}>
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
    </Form>
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
    // The form goes once the case is triaged: it waits for the reloaded case.
    onSaved: () => refresh(),
  });
  const flat = asFlat(form);
  const labels = {
    outcome: tr.outcome,
    note: tr.note,
    'referral.partnerAgencyId': tr.partnerAgency,
    'referral.followUpOn': tr.followUpOn,
  };
  return (
    <Form form={form} className="max-w-3xl" data-testid="triage-form">
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
    </Form>
  );
}

export function IntakeTab({ view }: { view: CaseView }) {
  const { t } = useI18n();
  const c = t.cases;
  return (
    <div>
      {view.detection && (
        <Section title={c.detection.section}>
          {/* A new form for each saved version, so the next save is made from it. */}
          <DetectionForm key={view.detection.version} view={view} />
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
        // The referrals, their answers and the arrival checks live on the つなぎ tab.
        <Section title={c.triage.referralsTitle}>
          <p>
            <Link to={`/cases/${view.case.id}/referrals`} data-testid="referrals-link">
              {fill(t.referrals.tab.seeTab, { count: view.referrals.length })}
            </Link>
          </p>
        </Section>
      )}
    </div>
  );
}
