import { useQuery } from '@tanstack/react-query';
import {
  sensitiveCategories,
  sensitiveCategoryLabels,
  sexes,
  sexLabels,
} from '../../../domain/cases/vocabulary';
import { api } from '../../api/client';
import { DateField } from '../../components/DateField';
import { CheckboxGroup, SelectField, TextField } from '../../components/fields';
import { optionsOf } from '../../components/options';
import { type FlatForm, list, text } from '../../forms/flat-form';
import { useI18n } from '../../i18n/i18n';

export const personKeys = [
  'name',
  'nameKana',
  'sex',
  'birthDate',
  'postalCode',
  'addressPrefecture',
  'addressCity',
  'addressStreet',
  'addressBuilding',
  'districtId',
  'phoneHome',
  'phoneMobile',
  'email',
  'safeContact',
] as const;

/** Empty person values under a prefix (`person.` in an intake, none on the person tab). */
export function emptyPerson(prefix: string): Record<string, unknown> {
  return {
    ...Object.fromEntries(personKeys.map((k) => [`${prefix}${k}`, ''])),
    [`${prefix}sensitiveCategories`]: [],
  };
}

export function personLabels(
  t: ReturnType<typeof useI18n>['t'],
  prefix: string,
): Record<string, string> {
  const p = t.cases.person;
  return {
    [`${prefix}name`]: p.name,
    [`${prefix}nameKana`]: p.nameKana,
    [`${prefix}sex`]: p.sex,
    [`${prefix}birthDate`]: p.birthDate,
    [`${prefix}postalCode`]: p.postalCode,
    [`${prefix}addressPrefecture`]: p.addressPrefecture,
    [`${prefix}addressCity`]: p.addressCity,
    [`${prefix}addressStreet`]: p.addressStreet,
    [`${prefix}addressBuilding`]: p.addressBuilding,
    [`${prefix}districtId`]: p.district,
    [`${prefix}phoneHome`]: p.phoneHome,
    [`${prefix}phoneMobile`]: p.phoneMobile,
    [`${prefix}email`]: p.email,
    [`${prefix}safeContact`]: p.safeContact,
    [`${prefix}sensitiveCategories`]: p.sensitive,
  };
}

/** 本人の基本情報 as on the 相談受付・申込票. */
export function PersonFields({
  form,
  prefix = '',
  compact = false,
}: {
  form: FlatForm;
  prefix?: string;
  compact?: boolean;
}) {
  const { t, label } = useI18n();
  const p = t.cases.person;
  const k = (key: string) => `${prefix}${key}`;
  const municipality = useQuery({
    queryKey: ['municipality'],
    queryFn: async () => (await api.municipality.$get()).json(),
  });
  const districts = municipality.data?.districts ?? [];
  return (
    <div className="max-w-3xl">
      <div className="grid gap-x-4 sm:grid-cols-2">
        <TextField
          label={p.name}
          hint={compact ? undefined : p.nameHint}
          required
          autoComplete="off"
          {...text(form, k('name'))}
        />
        <TextField label={p.nameKana} autoComplete="off" {...text(form, k('nameKana'))} />
      </div>
      <div className="grid gap-x-4 sm:grid-cols-2">
        <SelectField
          label={p.sex}
          placeholder=""
          options={optionsOf(sexes, sexLabels, label)}
          {...text(form, k('sex'))}
        />
        <DateField label={p.birthDate} {...text(form, k('birthDate'))} />
      </div>
      {!compact && (
        <>
          <div className="grid gap-x-4 sm:grid-cols-3">
            <TextField
              label={p.postalCode}
              inputMode="numeric"
              autoComplete="off"
              {...text(form, k('postalCode'))}
            />
            <TextField
              label={p.addressPrefecture}
              autoComplete="off"
              {...text(form, k('addressPrefecture'))}
            />
            <TextField label={p.addressCity} autoComplete="off" {...text(form, k('addressCity'))} />
          </div>
          <div className="grid gap-x-4 sm:grid-cols-2">
            <TextField
              label={p.addressStreet}
              autoComplete="off"
              {...text(form, k('addressStreet'))}
            />
            <TextField
              label={p.addressBuilding}
              autoComplete="off"
              {...text(form, k('addressBuilding'))}
            />
          </div>
          <SelectField
            label={p.district}
            placeholder={p.noDistrict}
            options={districts.map((d) => ({ value: d.id, label: d.name }))}
            {...text(form, k('districtId'))}
          />
          <div className="grid gap-x-4 sm:grid-cols-2">
            <TextField
              label={p.phoneHome}
              type="tel"
              autoComplete="off"
              {...text(form, k('phoneHome'))}
            />
            <TextField
              label={p.phoneMobile}
              type="tel"
              autoComplete="off"
              {...text(form, k('phoneMobile'))}
            />
          </div>
          <TextField label={p.email} type="email" autoComplete="off" {...text(form, k('email'))} />
          <TextField
            label={p.safeContact}
            hint={p.safeContactHint}
            autoComplete="off"
            {...text(form, k('safeContact'))}
          />
          <CheckboxGroup
            label={p.sensitive}
            hint={p.sensitiveHint}
            options={optionsOf(sensitiveCategories, sensitiveCategoryLabels, label)}
            {...list(form, k('sensitiveCategories'))}
          />
        </>
      )}
    </div>
  );
}
