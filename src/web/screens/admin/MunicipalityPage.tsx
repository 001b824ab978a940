import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  type MunicipalityKind,
  municipalityKindLabels,
  municipalityKinds,
} from '../../../domain/organisations';
import type { MunicipalityView } from '../../../server/organisations/present';
import { ApiError } from '../../api/api-error';
import { api } from '../../api/client';
import { Button } from '../../components/Button';
import { SelectField, TextField } from '../../components/fields';
import { QueryState } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { Page, Section } from '../../components/Page';
import { bind } from '../../forms/bind';
import { Form } from '../../forms/Form';
import { FormFeedback } from '../../forms/FormFeedback';
import { useRecordForm } from '../../forms/use-record-form';
import { formatDate } from '../../i18n/format';
import { fill, useI18n } from '../../i18n/i18n';

type BasicsValues = {
  code: string;
  name: string;
  nameKana: string;
  prefecture: string;
  kind: string;
  population: string;
  populationAsOf: string;
};

function toValues(m: Record<string, unknown>): BasicsValues {
  return {
    code: String(m.code ?? ''),
    name: String(m.name ?? ''),
    nameKana: String(m.nameKana ?? ''),
    prefecture: String(m.prefecture ?? ''),
    kind: String(m.kind ?? ''),
    population: String(m.population ?? ''),
    populationAsOf: String(m.populationAsOf ?? ''),
  };
}

function BasicsForm({ municipality }: { municipality: MunicipalityView }) {
  const { t, label } = useI18n();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const form = useRecordForm({
    formKey: 'municipality',
    initial: toValues(municipality),
    version: municipality.version,
    fromRecord: toValues,
    submit: async (values, version) =>
      (
        await api.municipality.$put({
          json: {
            ...values,
            version: version ?? 1,
            // The select offers only valid kinds; an empty choice is refused by the server.
            kind: values.kind as MunicipalityKind,
            code: values.code || null,
            populationAsOf: values.populationAsOf || null,
          },
        })
      ).json(),
    onSaved: (updated) => {
      setSaved(true);
      form.reset(toValues(updated), updated.version);
      queryClient.setQueryData(['municipality'], updated);
    },
  });
  const labels = {
    name: t.municipality.name,
    nameKana: t.municipality.nameKana,
    code: t.municipality.code,
    prefecture: t.municipality.prefecture,
    kind: t.municipality.kind,
    population: t.municipality.population,
    populationAsOf: t.municipality.populationAsOf,
  };
  return (
    <Form form={form} className="max-w-2xl">
      {saved && !form.dirty && <Notice tone="success" title={t.app.saved} />}
      <FormFeedback form={form} labels={labels} />
      <TextField label={labels.name} required {...bind(form, 'name')} />
      <TextField label={labels.nameKana} required {...bind(form, 'nameKana')} />
      <TextField label={labels.prefecture} required {...bind(form, 'prefecture')} />
      <SelectField
        label={labels.kind}
        required
        options={municipalityKinds.map((k) => ({
          value: k,
          label: label(municipalityKindLabels[k]),
        }))}
        {...bind(form, 'kind')}
      />
      <TextField
        label={labels.code}
        hint={t.municipality.codeHint}
        inputMode="numeric"
        {...bind(form, 'code')}
      />
      <TextField
        label={labels.population}
        hint={t.municipality.populationHint}
        required
        inputMode="numeric"
        {...bind(form, 'population')}
      />
      <TextField
        label={labels.populationAsOf}
        hint={t.app.dateHint}
        {...bind(form, 'populationAsOf')}
      />
      <Button type="submit" disabled={form.submitting}>
        {form.submitting ? t.app.saving : t.app.save}
      </Button>
    </Form>
  );
}

function Districts({ municipality }: { municipality: MunicipalityView }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [nameKana, setNameKana] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const editable = municipality.abilities.update;
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['municipality'] });

  const add = async () => {
    setError(null);
    try {
      await api.municipality.districts.$post({
        json: { name, nameKana, sortOrder: String(municipality.districts.length) },
      });
      setName('');
      setNameKana('');
      await refresh();
    } catch (e) {
      if (e instanceof ApiError) setError(e);
      else throw e;
    }
  };

  const remove = async (id: string, districtName: string) => {
    if (!window.confirm(fill(t.municipality.removeDistrictConfirm, { name: districtName }))) return;
    setError(null);
    try {
      await api.municipality.districts[':id'].$delete({ param: { id } });
      await refresh();
    } catch (e) {
      if (e instanceof ApiError) setError(e);
      else throw e;
    }
  };

  return (
    <Section title={t.municipality.districts}>
      <p className="mb-4">{t.municipality.districtsLead}</p>
      {error && Object.keys(error.fields).length === 0 && (
        <Notice tone="error" title={error.message} />
      )}
      <table className="mb-6 w-full max-w-2xl border-collapse text-left">
        <thead>
          <tr className="border-b-2 border-solid-gray-300">
            <th className="p-2">{t.municipality.districtName}</th>
            <th className="p-2">{t.municipality.districtKana}</th>
            {editable && <th className="p-2">{t.app.actions}</th>}
          </tr>
        </thead>
        <tbody>
          {municipality.districts.map((d) => (
            <tr key={d.id} className="border-b border-solid-gray-200">
              <td className="p-2">{d.name}</td>
              <td className="p-2">{d.nameKana}</td>
              {editable && (
                <td className="p-2">
                  <Button variant="tertiary" onClick={() => void remove(d.id, d.name)}>
                    {t.app.remove}
                  </Button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {editable && (
        <div className="grid max-w-2xl gap-x-4 sm:grid-cols-2">
          <TextField
            id="district-name"
            label={t.municipality.districtName}
            required
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={error?.fields.name}
          />
          <TextField
            id="district-kana"
            label={t.municipality.districtKana}
            value={nameKana}
            onChange={(e) => setNameKana(e.target.value)}
            error={error?.fields.nameKana}
          />
          <div>
            <Button variant="secondary" onClick={() => void add()}>
              {t.municipality.addDistrict}
            </Button>
          </div>
        </div>
      )}
    </Section>
  );
}

export function MunicipalityPage() {
  const { t, label, lang } = useI18n();
  const query = useQuery({
    queryKey: ['municipality'],
    queryFn: async () => (await api.municipality.$get()).json(),
  });
  const m = query.data;
  if (!m) return <QueryState error={query.error} />;
  return (
    <Page title={t.municipality.title}>
      <Section title={t.municipality.basics}>
        {m.abilities.update ? (
          <BasicsForm municipality={m} />
        ) : (
          <dl className="grid max-w-2xl grid-cols-[auto_1fr] gap-x-6 gap-y-2">
            <dt className="text-solid-gray-700">{t.municipality.name}</dt>
            <dd>
              {m.name}（{m.nameKana}）
            </dd>
            <dt className="text-solid-gray-700">{t.municipality.prefecture}</dt>
            <dd>{m.prefecture}</dd>
            <dt className="text-solid-gray-700">{t.municipality.kind}</dt>
            <dd>{label(municipalityKindLabels[m.kind])}</dd>
            <dt className="text-solid-gray-700">{t.municipality.population}</dt>
            <dd>
              {m.population.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-GB')}
              {m.populationAsOf && `（${formatDate(m.populationAsOf, lang)}）`}
            </dd>
          </dl>
        )}
      </Section>
      <Districts municipality={m} />
    </Page>
  );
}
