import {
  consultationTopicLabels,
  consultationTopics,
  healthInsuranceLabels,
  healthInsurances,
  housingStatuses,
  housingStatusLabels,
  pensionStatuses,
  pensionStatusLabels,
  routeInLabels,
  routesIn,
  urgencies,
  urgencyLabels,
  workStatuses,
  workStatusLabels,
} from '../../../domain/cases/vocabulary';
import { DateField } from '../../components/DateField';
import { CheckboxGroup, SelectField, TextArea, TextField } from '../../components/fields';
import { optionsOf } from '../../components/options';
import { Section } from '../../components/Page';
import { RadioGroup } from '../../components/RadioGroup';
import { type FlatForm, list, text } from '../../forms/flat-form';
import { useI18n } from '../../i18n/i18n';

export const intakeKeys = [
  'receivedOn',
  'routeIn',
  'routeDetail',
  'mainTopic',
  'topicOther',
  'consultationText',
  'wishes',
  'visitorName',
  'visitorPhone',
  'visitorRelation',
  'workStatus',
  'housingStatus',
  'healthInsurance',
  'pensionStatus',
  'urgency',
] as const;

export function emptyIntake(prefix: string, today: string): Record<string, unknown> {
  return {
    ...Object.fromEntries(intakeKeys.map((k) => [`${prefix}${k}`, ''])),
    [`${prefix}receivedOn`]: today,
    [`${prefix}urgency`]: 'normal',
    [`${prefix}topics`]: [],
  };
}

export function intakeLabels(
  t: ReturnType<typeof useI18n>['t'],
  prefix: string,
): Record<string, string> {
  const i = t.cases.intake;
  return Object.fromEntries(
    [
      ['receivedOn', i.receivedOn],
      ['routeIn', i.routeIn],
      ['routeDetail', i.routeDetail],
      ['topics', i.topics],
      ['mainTopic', i.mainTopic],
      ['topicOther', i.topicOther],
      ['consultationText', i.consultationText],
      ['wishes', i.wishes],
      ['visitorName', i.visitorName],
      ['visitorPhone', i.visitorPhone],
      ['visitorRelation', i.visitorRelation],
      ['workStatus', i.workStatus],
      ['housingStatus', i.housingStatus],
      ['healthInsurance', i.healthInsurance],
      ['pensionStatus', i.pensionStatus],
      ['urgency', i.urgency],
    ].map(([k, v]) => [`${prefix}${k}`, v]),
  ) as Record<string, string>;
}

/** 相談受付・申込票: A票 (the consultation in the person's words) and B票 (their situation). */
export function IntakeFields({ form, prefix = '' }: { form: FlatForm; prefix?: string }) {
  const { t, label } = useI18n();
  const i = t.cases.intake;
  const k = (key: string) => `${prefix}${key}`;
  const topics = (form.values[k('topics')] as string[] | undefined) ?? [];
  return (
    <div className="max-w-3xl">
      <div className="grid gap-x-4 sm:grid-cols-2">
        <DateField label={i.receivedOn} required {...text(form, k('receivedOn'))} />
        <SelectField
          label={i.routeIn}
          required
          placeholder=""
          options={optionsOf(routesIn, routeInLabels, label)}
          {...text(form, k('routeIn'))}
        />
      </div>
      <TextField label={i.routeDetail} {...text(form, k('routeDetail'))} />
      <CheckboxGroup
        label={i.topics}
        required
        options={optionsOf(consultationTopics, consultationTopicLabels, label)}
        {...list(form, k('topics'))}
      />
      <SelectField
        label={i.mainTopic}
        required
        placeholder=""
        options={optionsOf(consultationTopics, consultationTopicLabels, label).filter((o) =>
          topics.includes(o.value),
        )}
        {...text(form, k('mainTopic'))}
      />
      {topics.includes('other') && (
        <TextField label={i.topicOther} {...text(form, k('topicOther'))} />
      )}
      <TextArea label={i.consultationText} {...text(form, k('consultationText'))} />
      <TextArea label={i.wishes} rows={3} {...text(form, k('wishes'))} />
      <RadioGroup
        label={i.urgency}
        required
        options={optionsOf(urgencies, urgencyLabels, label)}
        {...text(form, k('urgency'))}
        onChange={(v) => form.set(k('urgency'), v)}
      />
      <Section title={i.visitor}>
        <div className="grid gap-x-4 sm:grid-cols-3">
          <TextField label={i.visitorName} {...text(form, k('visitorName'))} />
          <TextField label={i.visitorPhone} type="tel" {...text(form, k('visitorPhone'))} />
          <TextField label={i.visitorRelation} {...text(form, k('visitorRelation'))} />
        </div>
      </Section>
      <Section title={i.situationSection}>
        <div className="grid gap-x-4 sm:grid-cols-2">
          <SelectField
            label={i.workStatus}
            placeholder=""
            options={optionsOf(workStatuses, workStatusLabels, label)}
            {...text(form, k('workStatus'))}
          />
          <SelectField
            label={i.housingStatus}
            placeholder=""
            options={optionsOf(housingStatuses, housingStatusLabels, label)}
            {...text(form, k('housingStatus'))}
          />
          <SelectField
            label={i.healthInsurance}
            placeholder=""
            options={optionsOf(healthInsurances, healthInsuranceLabels, label)}
            {...text(form, k('healthInsurance'))}
          />
          <SelectField
            label={i.pensionStatus}
            placeholder=""
            options={optionsOf(pensionStatuses, pensionStatusLabels, label)}
            {...text(form, k('pensionStatus'))}
          />
        </div>
      </Section>
    </div>
  );
}
