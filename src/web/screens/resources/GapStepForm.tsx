import { useQueryClient } from '@tanstack/react-query';
import {
  type ResourceGapStep,
  resourceGapStepLabels,
  resourceGapStepNeeds,
} from '../../../domain/resources/resource-gap-status';
import type { ResourceGapDetail } from '../../../server/resource-gaps/get-resource-gap';
import { api } from '../../api/client';
import { Button } from '../../components/Button';
import { SelectField, TextArea } from '../../components/fields';
import { Section } from '../../components/Page';
import { RadioGroup } from '../../components/RadioGroup';
import { Form } from '../../forms/Form';
import { FormFeedback } from '../../forms/FormFeedback';
import { asFlat, text } from '../../forms/flat-form';
import { useRecordForm } from '../../forms/use-record-form';
import { useI18n } from '../../i18n/i18n';
import { ResourceFields, useResourceLabels } from './ResourceFields';
import { resourceBody, resourceValues, useResourceOptions } from './resource-data';

type Body = Parameters<(typeof api)['resource-gaps'][':id']['steps']['$post']>[0]['json'];

/** The server names the new resource's radio `resource.formal`; the form keeps `resource.formality`. */
const errorKey = (path: string) => (path === 'resource.formal' ? 'resource.formality' : path);

/**
 * The next step of a gap, among those its status allows: a note for the history; the reason when
 * closing; the resource that resulted when it was built — chosen from the directory or registered
 * here in the same step.
 */
export function GapStepForm({ gap }: { gap: ResourceGapDetail }) {
  const { t, label } = useI18n();
  const g = t.resources.gaps;
  const queryClient = useQueryClient();
  const resources = useResourceOptions();
  const resourceLabels = useResourceLabels('resource.');
  const form = useRecordForm<Record<string, unknown>, ResourceGapDetail>({
    formKey: `resource-gap-step:${gap.id}`,
    initial: {
      step: gap.abilities.steps[0] ?? '',
      note: '',
      reason: '',
      resourceChoice: 'existing',
      resourceId: '',
      ...resourceValues(null, 'resource.'),
    },
    version: gap.version,
    errorKey,
    submit: async (values, version) => {
      const step = values.step as ResourceGapStep;
      const creating = step === 'create';
      const fresh = creating && values.resourceChoice === 'new';
      const json = {
        version: version ?? gap.version,
        step,
        note: values.note,
        ...(step === 'close' ? { reason: values.reason } : {}),
        ...(creating && !fresh ? { resourceId: values.resourceId } : {}),
        ...(fresh ? { resource: resourceBody(values, 'resource.') } : {}),
      } as Body;
      return (
        await api['resource-gaps'][':id'].steps.$post({ param: { id: gap.id }, json })
      ).json();
    },
    onSaved: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['resource-gaps'] }),
        queryClient.invalidateQueries({ queryKey: ['social-resources'] }),
      ]);
    },
  });
  const flat = asFlat(form);
  const step = form.values.step as ResourceGapStep | '';
  const needs = step ? resourceGapStepNeeds[step] : null;
  const choices = [
    { value: 'existing', label: g.existingResource },
    ...(gap.abilities.createResource ? [{ value: 'new', label: g.newResource }] : []),
  ];
  return (
    <Section title={g.nextStep}>
      <Form form={form} className="max-w-3xl" data-testid="gap-step">
        <FormFeedback
          form={form}
          labels={{
            step: g.nextStep,
            note: g.note,
            reason: g.reason,
            resourceId: g.chooseResource,
            ...resourceLabels,
          }}
        />
        <RadioGroup
          id="step"
          label={g.nextStep}
          required
          inline={false}
          options={gap.abilities.steps.map((s) => ({
            value: s,
            label: label(resourceGapStepLabels[s]),
          }))}
          value={String(form.values.step ?? '')}
          onChange={(v) => form.set('step', v)}
          error={form.errors.step}
        />
        {needs === 'reason' && (
          <TextArea label={g.reason} required rows={2} {...text(flat, 'reason')} />
        )}
        {needs === 'resource' && (
          <div className="mb-6 rounded-8 border border-solid-gray-300 p-4">
            <RadioGroup
              id="resourceChoice"
              label={g.resourceChoice}
              required
              options={choices}
              value={String(form.values.resourceChoice ?? 'existing')}
              onChange={(v) => form.set('resourceChoice', v)}
            />
            {form.values.resourceChoice === 'new' ? (
              <ResourceFields form={flat} prefix="resource." />
            ) : (
              <SelectField
                label={g.chooseResource}
                required
                placeholder=""
                options={resources.options(t.resources.plan.archivedResource)}
                {...text(flat, 'resourceId')}
              />
            )}
          </div>
        )}
        <TextArea label={g.note} rows={2} {...text(flat, 'note')} />
        <Button type="submit" disabled={form.submitting || !step}>
          {form.submitting ? t.app.saving : step ? label(resourceGapStepLabels[step]) : g.nextStep}
        </Button>
      </Form>
    </Section>
  );
}
