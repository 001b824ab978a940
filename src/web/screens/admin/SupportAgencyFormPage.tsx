import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import {
  type AgencyOperation,
  agencyOperationLabels,
  agencyOperations,
  type ContractorKind,
  contractorKindLabels,
  contractorKinds,
} from '../../../domain/organisations';
import type { SupportAgencyView } from '../../../server/organisations/present';
import { api } from '../../api/client';
import { Button } from '../../components/Button';
import { Checkbox, SelectField, TextArea, TextField } from '../../components/fields';
import { QueryState } from '../../components/Loading';
import { Page, Section } from '../../components/Page';
import { bind } from '../../forms/bind';
import { Form } from '../../forms/Form';
import { FormFeedback } from '../../forms/FormFeedback';
import { useRecordForm } from '../../forms/use-record-form';
import { fill, useI18n } from '../../i18n/i18n';

interface SiteValues {
  id?: string;
  name: string;
  postalCode: string;
  address: string;
  phone: string;
  openingHours: string;
  isOutreachDesk: boolean;
}

type Values = {
  name: string;
  nameKana: string;
  operation: string;
  contractorName: string;
  contractorKind: string;
  contractStart: string;
  contractEnd: string;
  phone: string;
  email: string;
  notes: string;
  archived: boolean;
  sites: SiteValues[];
};

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));

function toValues(a: Partial<Record<string, unknown>>): Values {
  const sites = Array.isArray(a.sites) ? (a.sites as Record<string, unknown>[]) : [];
  return {
    name: text(a.name),
    nameKana: text(a.nameKana),
    operation: text(a.operation || 'direct'),
    contractorName: text(a.contractorName),
    contractorKind: text(a.contractorKind),
    contractStart: text(a.contractStart),
    contractEnd: text(a.contractEnd),
    phone: text(a.phone),
    email: text(a.email),
    notes: text(a.notes),
    archived: a.archived === true,
    sites: sites.map((s) => ({
      id: text(s.id) || undefined,
      name: text(s.name),
      postalCode: text(s.postalCode),
      address: text(s.address),
      phone: text(s.phone),
      openingHours: text(s.openingHours),
      isOutreachDesk: s.isOutreachDesk === true,
    })),
  } as Values;
}

function AgencyForm({ agency }: { agency: SupportAgencyView | null }) {
  const { t, label } = useI18n();
  const l = t.supportAgencies;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useRecordForm({
    formKey: agency ? `support-agency:${agency.id}` : 'support-agency:new',
    initial: toValues(agency ?? {}),
    version: agency?.version ?? null,
    fromRecord: toValues,
    submit: async (values, version) => {
      // The selects offer only valid values; anything else is refused by the server.
      const json = {
        ...values,
        operation: values.operation as AgencyOperation,
        contractorKind: (values.contractorKind || null) as ContractorKind | null,
        sites: values.sites.map(({ id, ...site }) => (id ? { id, ...site } : site)),
      };
      if (agency) {
        return (
          await api['support-agencies'][':id'].$put({
            param: { id: agency.id },
            json: { ...json, version: version ?? 1 },
          })
        ).json();
      }
      return (await api['support-agencies'].$post({ json })).json();
    },
    onSaved: async () => {
      await queryClient.invalidateQueries({ queryKey: ['support-agencies'] });
      navigate('/support-agencies');
    },
  });
  const labels: Record<string, string> = {
    name: l.name,
    nameKana: l.nameKana,
    operation: l.operation,
    contractorName: l.contractorName,
    contractorKind: l.contractorKind,
    contractStart: l.contractStart,
    contractEnd: l.contractEnd,
    phone: l.phone,
    email: l.email,
    notes: l.notes,
    archived: l.archived,
    sites: l.sites,
  };
  form.values.sites.forEach((_, i) => {
    const n = fill(l.siteHeading, { n: i + 1 });
    labels[`sites.${i}.name`] = `${n} ${l.siteName}`;
    labels[`sites.${i}.postalCode`] = `${n} ${l.postalCode}`;
    labels[`sites.${i}.phone`] = `${n} ${l.phone}`;
    labels[`sites.${i}.address`] = `${n} ${l.address}`;
    labels[`sites.${i}.openingHours`] = `${n} ${l.openingHours}`;
  });
  const setSite = (index: number, change: Partial<SiteValues>) =>
    form.update((v) => ({
      ...v,
      sites: v.sites.map((s, i) => (i === index ? { ...s, ...change } : s)),
    }));
  const siteField = (
    index: number,
    key: 'name' | 'postalCode' | 'address' | 'phone' | 'openingHours',
  ) => ({
    id: `sites.${index}.${key}`,
    value: form.values.sites[index]?.[key] ?? '',
    onChange: (e: { target: { value: string } }) => setSite(index, { [key]: e.target.value }),
    error: form.errors[`sites.${index}.${key}`],
  });
  const commissioned = form.values.operation === 'commissioned';

  return (
    <Form form={form} className="max-w-3xl">
      <FormFeedback form={form} labels={labels} />
      <TextField label={l.name} required {...bind(form, 'name')} />
      <TextField label={l.nameKana} {...bind(form, 'nameKana')} />
      <SelectField
        label={l.operation}
        required
        options={agencyOperations.map((o) => ({
          value: o,
          label: label(agencyOperationLabels[o]),
        }))}
        {...bind(form, 'operation')}
      />
      {commissioned && (
        <>
          <TextField label={l.contractorName} required {...bind(form, 'contractorName')} />
          <SelectField
            label={l.contractorKind}
            placeholder=""
            options={contractorKinds.map((k) => ({
              value: k,
              label: label(contractorKindLabels[k]),
            }))}
            {...bind(form, 'contractorKind')}
          />
          <div className="grid gap-x-4 sm:grid-cols-2">
            <TextField
              label={l.contractStart}
              hint={t.app.dateHint}
              {...bind(form, 'contractStart')}
            />
            <TextField label={l.contractEnd} {...bind(form, 'contractEnd')} />
          </div>
        </>
      )}
      <div className="grid gap-x-4 sm:grid-cols-2">
        <TextField label={l.phone} type="tel" {...bind(form, 'phone')} />
        <TextField label={l.email} type="email" {...bind(form, 'email')} />
      </div>
      <TextArea label={l.notes} {...bind(form, 'notes')} />
      <Section title={l.sites}>
        {form.values.sites.map((site, index) => (
          <fieldset
            key={site.id ?? `new-${index}`}
            className="mb-6 rounded-12 border border-solid-gray-300 p-4"
          >
            <legend className="px-2 text-std-17B-170">
              {fill(l.siteHeading, { n: index + 1 })}
            </legend>
            <TextField label={l.siteName} required {...siteField(index, 'name')} />
            <div className="grid gap-x-4 sm:grid-cols-2">
              <TextField
                label={l.postalCode}
                inputMode="numeric"
                {...siteField(index, 'postalCode')}
              />
              <TextField label={l.phone} type="tel" {...siteField(index, 'phone')} />
            </div>
            <TextField label={l.address} {...siteField(index, 'address')} />
            <TextField label={l.openingHours} {...siteField(index, 'openingHours')} />
            <Checkbox
              id={`sites.${index}.isOutreachDesk`}
              label={l.isOutreachDesk}
              checked={site.isOutreachDesk}
              onChange={(checked) => setSite(index, { isOutreachDesk: checked })}
            />
            <Button
              variant="tertiary"
              onClick={() =>
                form.update((v) => ({ ...v, sites: v.sites.filter((_, i) => i !== index) }))
              }
            >
              {l.removeSite}
            </Button>
          </fieldset>
        ))}
        <Button
          variant="secondary"
          onClick={() =>
            form.update((v) => ({
              ...v,
              sites: [
                ...v.sites,
                {
                  name: '',
                  postalCode: '',
                  address: '',
                  phone: '',
                  openingHours: '',
                  isOutreachDesk: false,
                },
              ],
            }))
          }
        >
          {l.addSite}
        </Button>
      </Section>
      {agency && (
        <Checkbox
          id="archived"
          label={l.archived}
          checked={form.values.archived}
          onChange={(checked) => form.set('archived', checked)}
        />
      )}
      <div className="mt-6 flex flex-wrap gap-3">
        <Button type="submit" disabled={form.submitting}>
          {form.submitting ? t.app.saving : t.app.save}
        </Button>
        <Button variant="secondary" onClick={() => navigate('/support-agencies')}>
          {t.app.back}
        </Button>
      </div>
    </Form>
  );
}

export function SupportAgencyFormPage() {
  const { t } = useI18n();
  const { id } = useParams();
  const query = useQuery({
    queryKey: ['support-agencies', id],
    queryFn: async () =>
      (await api['support-agencies'][':id'].$get({ param: { id: id ?? '' } })).json(),
    enabled: id !== undefined,
  });
  if (!id) {
    return (
      <Page title={t.supportAgencies.newTitle}>
        <AgencyForm agency={null} />
      </Page>
    );
  }
  if (!query.data) return <QueryState error={query.error} />;
  const agency = query.data;
  if (!agency.abilities.update) {
    return (
      <Page title={agency.name}>
        <p>{agency.phone}</p>
        <ul className="mt-4 list-disc pl-6">
          {agency.sites.map((s) => (
            <li key={s.id}>
              {s.name} {s.address} {s.openingHours}
            </li>
          ))}
        </ul>
      </Page>
    );
  }
  return (
    <Page title={t.supportAgencies.editTitle}>
      <AgencyForm agency={agency} />
    </Page>
  );
}
