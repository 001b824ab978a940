import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { detectionSourceLabels, detectionSources } from '../../../domain/cases/vocabulary';
import { todayInJapan } from '../../../domain/text/wareki';
import { api } from '../../api/client';
import { Button } from '../../components/Button';
import { DateField } from '../../components/DateField';
import { SelectField, TextArea, TextField } from '../../components/fields';
import { optionsOf } from '../../components/options';
import { Page, Section } from '../../components/Page';
import { Form } from '../../forms/Form';
import { FormFeedback } from '../../forms/FormFeedback';
import { asFlat, text } from '../../forms/flat-form';
import { nest } from '../../forms/nest';
import { useRecordForm } from '../../forms/use-record-form';
import { useI18n } from '../../i18n/i18n';
import { emptyPerson, PersonFields, personLabels } from './PersonFields';

/** 把握・アウトリーチ: a lead about someone who has not come for help yet. */
export function NewLeadPage() {
  const { t, label } = useI18n();
  const c = t.cases;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useRecordForm<Record<string, unknown>, { id: string }>({
    formKey: 'detection:new',
    initial: {
      ...emptyPerson('person.'),
      'detection.detectedOn': todayInJapan(),
      'detection.source': '',
      'detection.sourceDetail': '',
      'detection.signs': '',
      'detection.approachPlan': '',
    },
    version: null,
    submit: async (values) =>
      // Typed text and fixed lists; the server validates every field.
      (
        await api.cases.detections.$post({
          json: nest(values) as Parameters<typeof api.cases.detections.$post>[0]['json'],
        })
      ).json(),
    onSaved: async (kase) => {
      await queryClient.invalidateQueries({ queryKey: ['caseload'] });
      navigate(`/cases/${kase.id}`);
    },
  });
  const flat = asFlat(form);
  const d = c.detection;
  const labels = {
    ...personLabels(t, 'person.'),
    'detection.detectedOn': d.detectedOn,
    'detection.source': d.source,
    'detection.sourceDetail': d.sourceDetail,
    'detection.signs': d.signs,
    'detection.approachPlan': d.approachPlan,
  };
  return (
    <Page title={d.newTitle} lead={d.newLead}>
      <Form form={form} className="max-w-3xl">
        <FormFeedback form={form} labels={labels} />
        <Section title={c.person.section}>
          <PersonFields form={flat} prefix="person." />
        </Section>
        <Section title={d.section}>
          <div className="grid gap-x-4 sm:grid-cols-2">
            <DateField label={d.detectedOn} required {...text(flat, 'detection.detectedOn')} />
            <SelectField
              label={d.source}
              required
              placeholder=""
              options={optionsOf(detectionSources, detectionSourceLabels, label)}
              {...text(flat, 'detection.source')}
            />
          </div>
          <TextField label={d.sourceDetail} {...text(flat, 'detection.sourceDetail')} />
          <TextArea label={d.signs} {...text(flat, 'detection.signs')} />
          <TextArea label={d.approachPlan} {...text(flat, 'detection.approachPlan')} />
        </Section>
        <Button type="submit" disabled={form.submitting}>
          {form.submitting ? t.app.saving : d.submit}
        </Button>
      </Form>
    </Page>
  );
}
