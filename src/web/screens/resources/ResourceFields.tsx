import { serviceClasses, serviceClassLabels } from '../../../domain/cases/vocabulary';
import {
  formalities,
  formalityLabels,
  participationKindLabels,
  participationKinds,
  resourceCategories,
  resourceCategoryLabels,
} from '../../../domain/resources/vocabulary';
import { Checkbox, CheckboxGroup, SelectField, TextArea, TextField } from '../../components/fields';
import { optionsOf } from '../../components/options';
import { Section } from '../../components/Page';
import { RadioGroup } from '../../components/RadioGroup';
import { type FlatForm, flag, list, text } from '../../forms/flat-form';
import { useI18n } from '../../i18n/i18n';
import { useDistricts, usePartnerOptions } from './resource-data';

/** The labels of the resource form's fields, for the error summary and the conflict table. */
export function useResourceLabels(prefix = '') {
  const { t } = useI18n();
  const d = t.resources.directory;
  const labels: Record<string, string> = {
    name: d.name,
    nameKana: d.nameKana,
    category: d.category,
    serviceClass: d.serviceClass,
    formality: d.formality,
    formal: d.formality,
    providerPartnerAgencyId: d.providerPartner,
    providerName: d.providerName,
    description: d.description,
    capacity: d.capacity,
    capacityNote: d.capacityNote,
    area: d.area,
    districtId: d.district,
    postalCode: d.postalCode,
    address: d.address,
    phone: d.phone,
    email: d.email,
    contactName: d.contactName,
    hours: d.hours,
    fee: d.fee,
    tags: d.tags,
    participationKinds: d.participationKinds,
    accommodations: d.accommodations,
    isCommunityBase: d.isCommunityBase,
    coordinatorName: d.coordinatorName,
  };
  return Object.fromEntries(Object.entries(labels).map(([k, v]) => [`${prefix}${k}`, v]));
}

/**
 * The fields of one social resource. `prefix` puts them under a name in the form's values and in
 * the server's error paths (`resource.name` when a gap's last step registers the resource).
 */
export function ResourceFields({ form, prefix = '' }: { form: FlatForm; prefix?: string }) {
  const { t, label } = useI18n();
  const d = t.resources.directory;
  const districts = useDistricts();
  const partners = usePartnerOptions();
  const k = (key: string) => `${prefix}${key}`;
  const formalError = form.errors[k('formal')] ?? form.errors[k('formality')];
  return (
    <>
      <TextField label={d.name} required autoComplete="off" {...text(form, k('name'))} />
      <TextField label={d.nameKana} autoComplete="off" {...text(form, k('nameKana'))} />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <SelectField
          label={d.category}
          required
          placeholder=""
          options={optionsOf(resourceCategories, resourceCategoryLabels, label)}
          {...text(form, k('category'))}
        />
        <SelectField
          label={d.serviceClass}
          required
          placeholder=""
          options={optionsOf(serviceClasses, serviceClassLabels, label)}
          {...text(form, k('serviceClass'))}
        />
      </div>
      <p className="-mt-4 mb-6 text-dns-16N-130 text-solid-gray-700">{d.serviceClassHint}</p>
      <RadioGroup
        id={`${form.idPrefix ?? ''}${k('formality')}`}
        label={d.formality}
        required
        options={optionsOf(formalities, formalityLabels, label)}
        value={String(form.values[k('formality')] ?? '')}
        onChange={(v) => form.set(k('formality'), v)}
        error={formalError}
      />
      <TextArea label={d.description} rows={3} {...text(form, k('description'))} />
      <Section title={d.provider}>
        <div className="grid gap-x-4 sm:grid-cols-2">
          <SelectField
            label={d.providerPartner}
            placeholder=""
            options={partners}
            {...text(form, k('providerPartnerAgencyId'))}
          />
          <TextField label={d.providerName} {...text(form, k('providerName'))} />
          <TextField label={d.capacity} inputMode="numeric" {...text(form, k('capacity'))} />
          <TextField label={d.capacityNote} {...text(form, k('capacityNote'))} />
          <TextField label={d.hours} {...text(form, k('hours'))} />
          <TextField label={d.fee} {...text(form, k('fee'))} />
        </div>
      </Section>
      <Section title={d.contact}>
        <div className="grid gap-x-4 sm:grid-cols-2">
          <TextField label={d.area} {...text(form, k('area'))} />
          <SelectField
            label={d.district}
            placeholder=""
            options={districts.map((x) => ({ value: x.id, label: x.name }))}
            {...text(form, k('districtId'))}
          />
          <TextField label={d.postalCode} inputMode="numeric" {...text(form, k('postalCode'))} />
          <TextField label={d.address} {...text(form, k('address'))} />
          <TextField label={d.phone} type="tel" {...text(form, k('phone'))} />
          <TextField label={d.email} type="email" {...text(form, k('email'))} />
          <TextField label={d.contactName} {...text(form, k('contactName'))} />
        </div>
        <TextField label={d.tags} hint={d.tagsHint} {...text(form, k('tags'))} />
      </Section>
      <Section title={d.participation}>
        <CheckboxGroup
          label={d.participationKinds}
          options={optionsOf(participationKinds, participationKindLabels, label)}
          {...list(form, k('participationKinds'))}
        />
        <TextArea label={d.accommodations} rows={3} {...text(form, k('accommodations'))} />
        <Checkbox label={d.isCommunityBase} {...flag(form, k('isCommunityBase'))} />
        <TextField label={d.coordinatorName} {...text(form, k('coordinatorName'))} />
      </Section>
    </>
  );
}
