import { useState } from 'react';
import { todayInJapan } from '../../../domain/text/wareki';
import { ApiError } from '../../api/api-error';
import { api, apiFetch } from '../../api/client';
import { Button } from '../../components/Button';
import { DateField } from '../../components/DateField';
import { Checkbox, CheckboxGroup, TextArea, TextField } from '../../components/fields';
import { Notice } from '../../components/Notice';
import { Section } from '../../components/Page';
import { RadioGroup } from '../../components/RadioGroup';
import { Form } from '../../forms/Form';
import { FormFeedback } from '../../forms/FormFeedback';
import { asFlat, flag, list, text } from '../../forms/flat-form';
import { useRecordForm } from '../../forms/use-record-form';
import { formatDate } from '../../i18n/format';
import { fill, useI18n } from '../../i18n/i18n';
import { type CaseView, useCaseStep, usePartners, useRefreshCase } from './case-data';

const purposes = [
  'coordination_meeting',
  'partner_liaison',
  'employment_support',
  'household_budget',
  'housing',
  'statistics',
  'other',
] as const;
export const purposeLabels: Record<(typeof purposes)[number], { ja: string; en: string }> = {
  coordination_meeting: { ja: '支援調整会議での検討', en: 'Review at the coordination meeting' },
  partner_liaison: { ja: '関係機関との連絡調整', en: 'Liaison with partner agencies' },
  employment_support: { ja: '就労支援', en: 'Employment support' },
  household_budget: { ja: '家計改善支援', en: 'Household budget support' },
  housing: { ja: '住まいの確保', en: 'Securing housing' },
  statistics: { ja: '統計（個人が特定されない形）', en: 'Statistics (not identifying)' },
  other: { ja: 'その他', en: 'Other' },
};

function ConsentForm({ view }: { view: CaseView }) {
  const { t, label } = useI18n();
  const c = t.cases.consent;
  const refresh = useRefreshCase(view.case.id);
  const partners = usePartners();
  const [uploaded, setUploaded] = useState<string | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const form = useRecordForm<Record<string, unknown>, unknown>({
    formKey: `consent:${view.case.id}`,
    initial: {
      givenOn: todayInJapan(),
      signedBy: 'person',
      proxyName: '',
      proxyRelation: '',
      explanationGiven: false,
      scope: 'all',
      partnerAgencyIds: [],
      purposes: ['coordination_meeting', 'partner_liaison'],
      purposeOther: '',
      scanAttachmentId: '',
    },
    version: view.case.version,
    submit: async (values, version) => {
      const { scope, ...rest } = values;
      return (
        await api.cases[':id'].consents.$post({
          param: { id: view.case.id },
          // Fixed lists, flags and typed text; the server validates them.
          json: {
            ...rest,
            allAgencies: scope === 'all',
            version: version ?? view.case.version,
          } as Parameters<(typeof api.cases)[':id']['consents']['$post']>[0]['json'],
        })
      ).json();
    },
    // A new form (keyed by the case's version) follows the reload: this one waits for it.
    onSaved: () => refresh(),
  });
  const flat = asFlat(form);
  const upload = async (file: File | undefined) => {
    if (!file) return;
    setUploadError(null);
    const body = new FormData();
    body.set('file', file);
    try {
      const response = await apiFetch(`/api/cases/${view.case.id}/attachments`, {
        method: 'POST',
        body,
      });
      const saved = (await response.json()) as { id: string; fileName: string };
      form.set('scanAttachmentId', saved.id);
      setUploaded(saved.fileName);
    } catch (e) {
      if (e instanceof ApiError) setUploadError(e.fields.file ?? e.message);
      else throw e;
    }
  };
  const labels = {
    givenOn: c.givenOn,
    signedBy: c.signedBy,
    proxyName: c.proxyName,
    explanationGiven: c.explanationGiven,
    partnerAgencyIds: c.agencies,
    purposes: c.purposes,
  };
  return (
    <Form form={form} className="max-w-3xl" data-testid="consent-form">
      <FormFeedback form={form} labels={labels} />
      <DateField label={c.givenOn} required {...text(flat, 'givenOn')} />
      <RadioGroup
        id="signedBy"
        label={c.signedBy}
        required
        options={[
          { value: 'person', label: c.person },
          { value: 'proxy', label: c.proxy },
        ]}
        value={String(form.values.signedBy)}
        onChange={(v) => form.set('signedBy', v)}
      />
      {form.values.signedBy === 'proxy' && (
        <div className="grid gap-x-4 sm:grid-cols-2">
          <TextField label={c.proxyName} required {...text(flat, 'proxyName')} />
          <TextField label={c.proxyRelation} {...text(flat, 'proxyRelation')} />
        </div>
      )}
      <div className="mb-6">
        <Checkbox
          label={c.explanationGiven}
          {...flag(flat, 'explanationGiven')}
          id="explanationGiven"
        />
        {form.errors.explanationGiven && (
          <p className="text-dns-16B-130 text-error-1">{form.errors.explanationGiven}</p>
        )}
      </div>
      <RadioGroup
        id="scope"
        label={c.scope}
        required
        inline={false}
        options={[
          { value: 'all', label: c.allAgencies },
          { value: 'named', label: c.namedAgencies },
        ]}
        value={String(form.values.scope)}
        onChange={(v) => form.set('scope', v)}
      />
      {form.values.scope === 'named' && (
        <CheckboxGroup
          label={c.agencies}
          required
          options={partners.options}
          {...list(flat, 'partnerAgencyIds')}
        />
      )}
      <CheckboxGroup
        label={c.purposes}
        options={purposes.map((p) => ({ value: p, label: label(purposeLabels[p]) }))}
        {...list(flat, 'purposes')}
      />
      {(form.values.purposes as string[]).includes('other') && (
        <TextField label={c.purposeOther} {...text(flat, 'purposeOther')} />
      )}
      <div className="mb-6">
        <label htmlFor="scan" className="text-std-17B-170">
          {c.scan}
        </label>
        <p className="text-dns-16N-130 text-solid-gray-700">{c.scanHint}</p>
        <input
          id="scan"
          type="file"
          accept="application/pdf,image/jpeg,image/png"
          className="mt-2"
          onChange={(e) => void upload(e.target.files?.[0])}
        />
        {uploaded && <p role="status">{fill(c.uploaded, { name: uploaded })}</p>}
        {uploadError && <p className="text-dns-16B-130 text-error-1">{uploadError}</p>}
      </div>
      <Button type="submit" disabled={form.submitting}>
        {c.submit}
      </Button>
    </Form>
  );
}

function Withdraw({ view, consent }: { view: CaseView; consent: CaseView['consents'][number] }) {
  const { t } = useI18n();
  const c = t.cases.consent;
  const [open, setOpen] = useState(false);
  const [on, setOn] = useState(todayInJapan());
  const [reason, setReason] = useState('');
  const { error, run } = useCaseStep(view.case.id);
  const save = () =>
    run(async () => {
      await api.cases[':id'].consents[':childId'].withdrawal.$post({
        param: { id: view.case.id, childId: consent.id },
        json: { version: consent.version, withdrawnOn: on, reason },
      });
    });
  if (!open) {
    return (
      <Button variant="tertiary" onClick={() => setOpen(true)}>
        {c.withdraw}
      </Button>
    );
  }
  return (
    <div className="mt-3 max-w-2xl">
      {error && Object.keys(error.fields).length === 0 && (
        <Notice tone="error" title={error.message} />
      )}
      <DateField
        id={`withdraw-${consent.id}-on`}
        label={c.withdrawnOn}
        required
        value={on}
        onChange={(e) => setOn(e.target.value)}
        error={error?.fields.withdrawnOn}
      />
      <TextArea
        id={`withdraw-${consent.id}-reason`}
        label={c.withdrawalReason}
        rows={2}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <Button variant="danger" onClick={() => void save()}>
        {c.withdraw}
      </Button>
    </div>
  );
}

export function ConsentTab({ view }: { view: CaseView }) {
  const { t, lang, label } = useI18n();
  const c = t.cases.consent;
  const partners = usePartners();
  const canRecord =
    view.abilities.update &&
    !['detected', 'intake', 'closed', 'referred_out', 'info_only'].includes(view.case.status);
  return (
    <div>
      <p className="mb-6 max-w-3xl">{c.lead}</p>
      <Section title={c.title}>
        {view.consents.length === 0 && <p>{c.none}</p>}
        <ul className="grid gap-4">
          {view.consents.map((consent) => (
            <li
              key={consent.id}
              className="rounded-8 border border-solid-gray-300 p-4"
              data-testid="consent"
            >
              <p className="text-std-17B-170">
                {formatDate(consent.givenOn, lang)}
                {'　'}
                {consent.withdrawnOn ? (
                  <span className="text-error-1">
                    {fill(c.withdrawn, { date: formatDate(consent.withdrawnOn, lang) })}
                  </span>
                ) : (
                  <span className="text-success-2">{c.active}</span>
                )}
              </p>
              <p>
                {c.signedBy}：
                {consent.signedBy === 'person'
                  ? c.person
                  : `${c.proxy}（${consent.proxyName ?? ''} ${consent.proxyRelation ?? ''}）`}
              </p>
              <p>
                {c.scope}：
                {consent.allAgencies
                  ? c.allAgencies
                  : consent.partnerAgencyIds.map((id) => partners.name(id)).join('、')}
              </p>
              <p>
                {c.purposes}：{consent.purposes.map((p) => label(purposeLabels[p])).join('、')}
              </p>
              {consent.obtainedBy && (
                <p>
                  {c.obtainedBy}：{view.staff[consent.obtainedBy] ?? ''}
                </p>
              )}
              {consent.scanAttachmentId && (
                <a
                  href={`/api/cases/${view.case.id}/attachments/${consent.scanAttachmentId}`}
                  target="_blank"
                  rel="noreferrer"
                >
                  {c.viewScan}
                </a>
              )}
              {!consent.withdrawnOn && view.abilities.update && (
                <Withdraw view={view} consent={consent} />
              )}
            </li>
          ))}
        </ul>
      </Section>
      {canRecord && (
        <Section title={c.add}>
          <ConsentForm key={view.case.version} view={view} />
        </Section>
      )}
    </div>
  );
}
