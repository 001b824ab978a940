import { Link } from 'react-router';
import {
  relationshipLabels,
  relationships,
  sexes,
  sexLabels,
} from '../../../domain/cases/vocabulary';
import { api } from '../../api/client';
import { useSession } from '../../api/session';
import { Button } from '../../components/Button';
import { DateField } from '../../components/DateField';
import { Checkbox, CheckboxGroup, SelectField, TextArea, TextField } from '../../components/fields';
import { optionsOf } from '../../components/options';
import { Section } from '../../components/Page';
import { Form } from '../../forms/Form';
import { FormFeedback } from '../../forms/FormFeedback';
import { asFlat } from '../../forms/flat-form';
import { useRecordForm } from '../../forms/use-record-form';
import { fill, useI18n } from '../../i18n/i18n';
import { type CaseView, usePartners, useRefreshCase } from './case-data';
import { PersonFields, personKeys, personLabels } from './PersonFields';

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

function personValues(p: Record<string, unknown>): Record<string, unknown> {
  return {
    ...Object.fromEntries(personKeys.map((k) => [k, str(p[k])])),
    sensitiveCategories: Array.isArray(p.sensitiveCategories) ? p.sensitiveCategories : [],
  };
}

function PersonForm({ view }: { view: CaseView }) {
  const { t } = useI18n();
  const refresh = useRefreshCase(view.case.id);
  const form = useRecordForm<Record<string, unknown>, unknown>({
    formKey: `person:${view.person.id}`,
    initial: personValues(view.person),
    version: view.person.version,
    fromRecord: personValues,
    submit: async (values, version) =>
      (
        await api.persons[':id'].$put({
          param: { id: view.person.id },
          // Typed text and fixed lists; the server validates every field.
          json: { ...values, version: version ?? 1 } as Parameters<
            (typeof api.persons)[':id']['$put']
          >[0]['json'],
        })
      ).json(),
    // The saved person comes back as a new form (keyed by their version): wait for it.
    onSaved: () => refresh(),
  });
  return (
    <Form form={form}>
      <FormFeedback form={form} labels={personLabels(t, '')} />
      <PersonFields form={asFlat(form)} />
      {view.abilities.update && (
        <Button type="submit" disabled={form.submitting}>
          {form.submitting ? t.app.saving : t.app.save}
        </Button>
      )}
    </Form>
  );
}

interface Member {
  id?: string;
  name: string;
  nameKana: string;
  relationship: string;
  sex: string;
  birthDate: string;
  age: string;
  livesTogether: boolean;
  situation: string;
  partnerAgencyIds: string[];
}

const emptyMember: Member = {
  name: '',
  nameKana: '',
  relationship: '',
  sex: '',
  birthDate: '',
  age: '',
  livesTogether: true,
  situation: '',
  partnerAgencyIds: [],
};

function HouseholdForm({ view }: { view: CaseView }) {
  const { t, label } = useI18n();
  const h = t.cases.household;
  const refresh = useRefreshCase(view.case.id);
  const partners = usePartners();
  const toValues = (members: CaseView['household']): { members: Member[] } => ({
    members: members.map((m) => ({
      id: m.id,
      name: m.name,
      nameKana: str(m.nameKana),
      relationship: m.relationship,
      sex: str(m.sex),
      birthDate: str(m.birthDate),
      age: str(m.age),
      livesTogether: m.livesTogether,
      situation: str(m.situation),
      partnerAgencyIds: m.partnerAgencyIds,
    })),
  });
  const form = useRecordForm<{ members: Member[] }, unknown>({
    formKey: `household:${view.person.id}`,
    initial: toValues(view.household),
    version: view.person.version,
    submit: async (values, version) =>
      (
        await api.persons[':id'].household.$put({
          param: { id: view.person.id },
          // Relationship and sex come from fixed lists; the server validates them.
          json: { version: version ?? 1, members: values.members } as Parameters<
            (typeof api.persons)[':id']['household']['$put']
          >[0]['json'],
        })
      ).json(),
    // The saved household comes back as a new form (keyed by the person's version).
    onSaved: () => refresh(),
  });
  const setMember = (index: number, change: Partial<Member>) =>
    form.update((v) => ({
      members: v.members.map((m, i) => (i === index ? { ...m, ...change } : m)),
    }));
  const field = (
    index: number,
    key: 'name' | 'nameKana' | 'birthDate' | 'age' | 'situation' | 'relationship' | 'sex',
  ) => ({
    id: `members.${index}.${key}`,
    value: form.values.members[index]?.[key] ?? '',
    onChange: (e: { target: { value: string } }) => setMember(index, { [key]: e.target.value }),
    error: form.errors[`members.${index}.${key}`],
  });
  const labels: Record<string, string> = {
    members: h.section,
    name: h.name,
    nameKana: h.nameKana,
    relationship: h.relationship,
    birthDate: h.birthDate,
    age: h.age,
    situation: h.situation,
    partnerAgencyIds: h.agencies,
  };
  return (
    <Form form={form} className="max-w-3xl">
      <FormFeedback form={form} labels={labels} />
      {form.values.members.length === 0 && <p className="mb-4">{h.none}</p>}
      {form.values.members.map((m, index) => (
        <fieldset
          key={m.id ?? `new-${index}`}
          className="mb-6 rounded-12 border border-solid-gray-300 p-4"
        >
          <legend className="px-2 text-std-17B-170">{fill(h.member, { n: index + 1 })}</legend>
          <div className="grid gap-x-4 sm:grid-cols-2">
            <TextField label={h.name} required {...field(index, 'name')} />
            <TextField label={h.nameKana} {...field(index, 'nameKana')} />
            <SelectField
              label={h.relationship}
              required
              placeholder=""
              options={optionsOf(relationships, relationshipLabels, label)}
              {...field(index, 'relationship')}
            />
            <SelectField
              label={t.cases.person.sex}
              placeholder=""
              options={optionsOf(sexes, sexLabels, label)}
              {...field(index, 'sex')}
            />
            <DateField label={h.birthDate} {...field(index, 'birthDate')} />
            <TextField label={h.age} inputMode="numeric" {...field(index, 'age')} />
          </div>
          <Checkbox
            id={`members.${index}.livesTogether`}
            label={h.livesTogether}
            checked={m.livesTogether}
            onChange={(checked) => setMember(index, { livesTogether: checked })}
          />
          <TextArea label={h.situation} rows={2} {...field(index, 'situation')} />
          <CheckboxGroup
            id={`members.${index}.partnerAgencyIds`}
            label={h.agencies}
            options={partners.options}
            value={m.partnerAgencyIds}
            onChange={(ids) => setMember(index, { partnerAgencyIds: ids })}
            error={form.errors[`members.${index}.partnerAgencyIds`]}
          />
          {view.abilities.update && (
            <Button
              variant="tertiary"
              onClick={() =>
                form.update((v) => ({ members: v.members.filter((_, i) => i !== index) }))
              }
            >
              {h.remove}
            </Button>
          )}
        </fieldset>
      ))}
      {view.abilities.update && (
        <div className="flex flex-wrap gap-3">
          <Button
            variant="secondary"
            onClick={() => form.update((v) => ({ members: [...v.members, { ...emptyMember }] }))}
          >
            {h.add}
          </Button>
          <Button type="submit" disabled={form.submitting}>
            {form.submitting ? t.app.saving : t.app.save}
          </Button>
        </div>
      )}
    </Form>
  );
}

export function PersonTab({ view }: { view: CaseView }) {
  const { t } = useI18n();
  const session = useSession();
  return (
    <div>
      <Section title={t.cases.person.section}>
        <PersonForm key={`p${view.person.version}`} view={view} />
      </Section>
      <Section title={t.cases.household.section}>
        <p className="mb-4 max-w-3xl text-solid-gray-700">{t.cases.household.lead}</p>
        <HouseholdForm key={`h${view.person.version}`} view={view} />
      </Section>
      {session.can('person.disclose') && (
        <Section title={t.disclosure.title}>
          <p className="mb-4 max-w-3xl text-solid-gray-700">{t.disclosure.linkLead}</p>
          <Link to={`/persons/${view.person.id}/disclosure?case=${view.case.id}`}>
            {t.disclosure.link}
          </Link>
        </Section>
      )}
    </div>
  );
}
