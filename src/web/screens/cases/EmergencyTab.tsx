import {
  emergencyKindLabels,
  emergencyKinds,
  emergencyOutcomeLabels,
  emergencyOutcomes,
} from '../../../domain/cases/vocabulary';
import { todayInJapan } from '../../../domain/text/wareki';
import { api } from '../../api/client';
import { Button } from '../../components/Button';
import { DateField } from '../../components/DateField';
import { Disclosure } from '../../components/Disclosure';
import { SelectField, TextArea, TextField } from '../../components/fields';
import { optionsOf } from '../../components/options';
import { Section } from '../../components/Page';
import { Form } from '../../forms/Form';
import { FormFeedback } from '../../forms/FormFeedback';
import { asFlat, text } from '../../forms/flat-form';
import { unwrap, useRecordForm } from '../../forms/use-record-form';
import { useI18n } from '../../i18n/i18n';
import { type CaseView, useRefreshCase } from './case-data';

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));
type Emergency = CaseView['emergencies'][number];

const unwrapEmergency = unwrap('emergency.');

function EmergencyForm({ view, existing }: { view: CaseView; existing: Emergency | null }) {
  const { t, label } = useI18n();
  const e = t.cases.emergency;
  const refresh = useRefreshCase(view.case.id);
  const toValues = (r: Record<string, unknown>) => ({
    kind: str(r.kind),
    kindOther: str(r.kindOther),
    requestedOn: str(r.requestedOn) || todayInJapan(),
    startedOn: str(r.startedOn),
    endedOn: str(r.endedOn),
    outcome: str(r.outcome) || 'in_progress',
    detail: str(r.detail),
  });
  const form = useRecordForm<Record<string, unknown>, unknown>({
    formKey: existing ? `emergency:${existing.id}` : `emergency:${view.case.id}:new`,
    errorKey: unwrapEmergency,
    initial: toValues(existing ?? {}),
    version: existing?.version ?? null,
    fromRecord: toValues,
    submit: async (values, version) => {
      // Fixed lists and typed text; the server validates them.
      type Body = Parameters<(typeof api.cases)[':id']['emergencies']['$post']>[0]['json'];
      if (existing) {
        return (
          await api.cases[':id'].emergencies[':childId'].$put({
            param: { id: view.case.id, childId: existing.id },
            json: { version: version ?? 1, emergency: values as Body },
          })
        ).json();
      }
      return (
        await api.cases[':id'].emergencies.$post({
          param: { id: view.case.id },
          json: values as Body,
        })
      ).json();
    },
    // The saved record comes back as a new form (keyed by its version, or by the count for
    // the new one): this one waits for the reload (see Form).
    onSaved: () => refresh(),
  });
  // Each record's form sits on the same page as the new one.
  const idPrefix = existing ? `emergency-${existing.id}-` : undefined;
  const flat = asFlat(form, idPrefix);
  return (
    <Form form={form} className="max-w-3xl" data-testid={existing ? 'emergency' : 'emergency-new'}>
      <FormFeedback
        form={form}
        labels={{ kind: e.kind, requestedOn: e.requestedOn, endedOn: e.endedOn }}
        idPrefix={idPrefix}
      />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <SelectField
          label={e.kind}
          required
          placeholder=""
          options={optionsOf(emergencyKinds, emergencyKindLabels, label)}
          {...text(flat, 'kind')}
        />
        <SelectField
          label={e.outcome}
          required
          options={optionsOf(emergencyOutcomes, emergencyOutcomeLabels, label)}
          {...text(flat, 'outcome')}
        />
      </div>
      {form.values.kind === 'other' && (
        <TextField label={e.kindOther} {...text(flat, 'kindOther')} />
      )}
      <div className="grid gap-x-4 sm:grid-cols-3">
        <DateField label={e.requestedOn} required {...text(flat, 'requestedOn')} />
        <DateField label={e.startedOn} {...text(flat, 'startedOn')} />
        <DateField label={e.endedOn} {...text(flat, 'endedOn')} />
      </div>
      <TextArea label={e.detail} rows={3} {...text(flat, 'detail')} />
      {view.abilities.update && (
        <Button
          type="submit"
          variant={existing ? 'secondary' : 'primary'}
          disabled={form.submitting}
        >
          {existing ? e.save : e.add}
        </Button>
      )}
    </Form>
  );
}

export function EmergencyTab({ view }: { view: CaseView }) {
  const { t, label } = useI18n();
  const e = t.cases.emergency;
  return (
    <div>
      <p className="mb-6 max-w-3xl">{e.lead}</p>
      <Section title={e.title}>
        {view.emergencies.length === 0 && <p>{e.none}</p>}
        {view.emergencies.map((item) => (
          <Disclosure
            key={`${item.id}-${item.version}`}
            className="mb-4 rounded-8 border border-solid-gray-300 p-4"
            summaryClassName="cursor-pointer text-std-17B-170"
            summary={`${label(emergencyKindLabels[item.kind])}（${label(emergencyOutcomeLabels[item.outcome])}）`}
          >
            <div className="mt-4">
              <EmergencyForm view={view} existing={item} />
            </div>
          </Disclosure>
        ))}
      </Section>
      {view.abilities.update && (
        <Section title={e.add}>
          <EmergencyForm key={view.emergencies.length} view={view} existing={null} />
        </Section>
      )}
    </div>
  );
}
