import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import {
  type PartnerField,
  partnerFieldLabels,
  partnerFields,
} from '../../../domain/organisations';
import type { PartnerAgencyView } from '../../../server/organisations/present';
import { api } from '../../api/client';
import { Button } from '../../components/Button';
import { Checkbox, SelectField, TextArea, TextField } from '../../components/fields';
import { QueryState } from '../../components/Loading';
import { Page, Section } from '../../components/Page';
import { bind } from '../../forms/bind';
import { Form } from '../../forms/Form';
import { FormFeedback } from '../../forms/FormFeedback';
import { useRecordForm } from '../../forms/use-record-form';
import { useI18n } from '../../i18n/i18n';

const textKeys = [
  'name',
  'nameKana',
  'field',
  'legalBasis',
  'area',
  'services',
  'openingHours',
  'howToRefer',
  'postalCode',
  'address',
  'phone',
  'fax',
  'email',
  'liaisonName',
  'liaisonTitle',
  'liaisonPhone',
  'notes',
] as const;

type Values = Record<(typeof textKeys)[number], string> & { archived: boolean };

function toValues(p: Partial<Record<string, unknown>>): Values {
  const values = Object.fromEntries(textKeys.map((k) => [k, String(p[k] ?? '')])) as Record<
    (typeof textKeys)[number],
    string
  >;
  return { ...values, archived: p.archived === true };
}

function PartnerForm({ partner }: { partner: PartnerAgencyView | null }) {
  const { t, label } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const l = t.partnerAgencies;
  const r = t.resources.partners;
  const form = useRecordForm({
    formKey: partner ? `partner-agency:${partner.id}` : 'partner-agency:new',
    initial: toValues(partner ?? {}),
    version: partner?.version ?? null,
    fromRecord: toValues,
    submit: async (values, version) => {
      // The select offers only valid fields; an empty choice is refused by the server.
      const json = { ...values, field: values.field as PartnerField };
      if (partner) {
        return (
          await api['partner-agencies'][':id'].$put({
            param: { id: partner.id },
            json: { ...json, version: version ?? 1 },
          })
        ).json();
      }
      return (await api['partner-agencies'].$post({ json })).json();
    },
    onSaved: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['partner-agencies'] });
      navigate('/partner-agencies', { state: { saved: saved.name } });
    },
  });
  const labels: Record<string, string> = {
    name: l.name,
    nameKana: l.nameKana,
    field: l.field,
    legalBasis: l.legalBasis,
    area: r.area,
    services: r.services,
    openingHours: r.openingHours,
    howToRefer: r.howToRefer,
    postalCode: l.postalCode,
    address: l.address,
    phone: l.phone,
    fax: l.fax,
    email: l.email,
    liaisonName: l.liaisonName,
    liaisonTitle: l.liaisonTitle,
    liaisonPhone: l.liaisonPhone,
    notes: l.notes,
    archived: l.archived,
  };
  return (
    <Form form={form} className="max-w-3xl">
      <FormFeedback form={form} labels={labels} />
      <TextField label={l.name} required autoComplete="off" {...bind(form, 'name')} />
      <TextField label={l.nameKana} autoComplete="off" {...bind(form, 'nameKana')} />
      <SelectField
        label={l.field}
        required
        placeholder=""
        options={partnerFields.map((f) => ({ value: f, label: label(partnerFieldLabels[f]) }))}
        {...bind(form, 'field')}
      />
      <TextField label={l.legalBasis} {...bind(form, 'legalBasis')} />
      <TextField label={r.area} {...bind(form, 'area')} />
      <Section title={r.referral}>
        <TextArea label={r.services} rows={3} {...bind(form, 'services')} />
        <TextField label={r.openingHours} {...bind(form, 'openingHours')} />
        <TextArea
          label={r.howToRefer}
          hint={r.howToReferHint}
          rows={3}
          {...bind(form, 'howToRefer')}
        />
      </Section>
      <Section title={l.contact}>
        <TextField
          label={l.postalCode}
          inputMode="numeric"
          autoComplete="off"
          {...bind(form, 'postalCode')}
        />
        <TextField label={l.address} {...bind(form, 'address')} />
        <div className="grid gap-x-4 sm:grid-cols-2">
          <TextField label={l.phone} type="tel" {...bind(form, 'phone')} />
          <TextField label={l.fax} type="tel" {...bind(form, 'fax')} />
        </div>
        <TextField label={l.email} type="email" {...bind(form, 'email')} />
      </Section>
      <Section title={l.liaison}>
        <div className="grid gap-x-4 sm:grid-cols-2">
          <TextField label={l.liaisonName} {...bind(form, 'liaisonName')} />
          <TextField label={l.liaisonTitle} {...bind(form, 'liaisonTitle')} />
        </div>
        <TextField label={l.liaisonPhone} type="tel" {...bind(form, 'liaisonPhone')} />
      </Section>
      <TextArea label={l.notes} {...bind(form, 'notes')} />
      {partner && (
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
        <Button variant="secondary" onClick={() => navigate('/partner-agencies')}>
          {t.app.back}
        </Button>
      </div>
    </Form>
  );
}

function PartnerDetails({ partner }: { partner: PartnerAgencyView }) {
  const { t, label } = useI18n();
  const l = t.partnerAgencies;
  const r = t.resources.partners;
  const rows: [string, string | null][] = [
    [l.nameKana, partner.nameKana],
    [l.field, label(partnerFieldLabels[partner.field])],
    [l.legalBasis, partner.legalBasis],
    [r.area, partner.area],
    [r.services, partner.services],
    [r.openingHours, partner.openingHours],
    [r.howToRefer, partner.howToRefer],
    [l.postalCode, partner.postalCode],
    [l.address, partner.address],
    [l.phone, partner.phone],
    [l.fax, partner.fax],
    [l.email, partner.email],
    [l.liaisonName, partner.liaisonName],
    [l.liaisonTitle, partner.liaisonTitle],
    [l.liaisonPhone, partner.liaisonPhone],
    [l.notes, partner.notes],
  ];
  return (
    <dl className="grid max-w-3xl grid-cols-[auto_1fr] gap-x-6 gap-y-2">
      {rows.map(([name, value]) => (
        <div key={name} className="contents">
          <dt className="text-solid-gray-700">{name}</dt>
          <dd className="whitespace-pre-wrap">{value || '—'}</dd>
        </div>
      ))}
    </dl>
  );
}

export function PartnerAgencyFormPage() {
  const { t } = useI18n();
  const { id } = useParams();
  const query = useQuery({
    queryKey: ['partner-agencies', id],
    queryFn: async () =>
      (await api['partner-agencies'][':id'].$get({ param: { id: id ?? '' } })).json(),
    enabled: id !== undefined,
  });
  if (!id) {
    return (
      <Page title={t.partnerAgencies.newTitle}>
        <PartnerForm partner={null} />
      </Page>
    );
  }
  if (!query.data) return <QueryState error={query.error} />;
  const partner = query.data;
  return (
    <Page title={partner.abilities.update ? t.partnerAgencies.editTitle : partner.name}>
      {partner.abilities.update ? (
        <PartnerForm partner={partner} />
      ) : (
        <PartnerDetails partner={partner} />
      )}
    </Page>
  );
}
