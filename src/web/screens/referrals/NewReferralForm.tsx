import { consentCovering } from '../../../domain/cases/consent';
import { todayInJapan } from '../../../domain/text/wareki';
import { api } from '../../api/client';
import { Button } from '../../components/Button';
import { DateField } from '../../components/DateField';
import { Checkbox, CheckboxGroup, SelectField, TextArea, TextField } from '../../components/fields';
import { Notice } from '../../components/Notice';
import { Form } from '../../forms/Form';
import { FormFeedback } from '../../forms/FormFeedback';
import { asFlat, flag, list, text } from '../../forms/flat-form';
import { useRecordForm } from '../../forms/use-record-form';
import { formatDate } from '../../i18n/format';
import { fill, useI18n } from '../../i18n/i18n';
import { type CaseView, usePartners, useRefreshCase } from '../cases/case-data';

type Body = Parameters<(typeof api.cases)[':id']['referrals']['$post']>[0]['json'];

/**
 * A referral during support: the agency from the directory (or an outside name), the reason, the
 * hand-over and documents within consent, whether the worker goes along, the 生活保護 window
 * flag, and the dates in 和暦 or 西暦. The consent rule is the domain's (`consentCovering`): the
 * form says at once whether the chosen agency may receive a hand-over; the server decides.
 */
export function NewReferralForm({ view }: { view: CaseView }) {
  const { t, lang } = useI18n();
  const f = t.referrals.form;
  const refresh = useRefreshCase(view.case.id);
  const partners = usePartners();
  const today = todayInJapan();
  const form = useRecordForm<Record<string, unknown>, unknown>({
    formKey: `referral:${view.case.id}:new`,
    initial: {
      partnerAgencyId: '',
      destinationName: '',
      reason: '',
      handOverSummary: '',
      attachmentIds: [],
      accompanied: false,
      toPublicAssistance: false,
      referredOn: today,
      dueOn: '',
      followUpOn: '',
    },
    version: null,
    submit: async (values) => {
      const onSystem = Boolean(values.partnerAgencyId);
      // An outside destination carries no hand-over: what is hidden is not sent.
      const body = onSystem
        ? values
        : { ...values, handOverSummary: '', attachmentIds: [], dueOn: '' };
      return (
        await api.cases[':id'].referrals.$post({
          param: { id: view.case.id },
          json: body as Body,
        })
      ).json();
    },
    // A new form (keyed by the number of referrals) follows the reload: wait for it.
    onSaved: () => refresh(),
  });
  const flat = asFlat(form, 'referral-');
  const partnerId = String(form.values.partnerAgencyId ?? '');
  const covering = partnerId
    ? consentCovering(
        view.consents.map((c) => ({
          id: c.id,
          givenOn: c.givenOn,
          withdrawnOn: c.withdrawnOn,
          allAgencies: c.allAgencies,
          partnerAgencyIds: c.partnerAgencyIds,
        })),
        [partnerId],
        today,
      )
    : undefined;
  const labels = {
    partnerAgencyId: f.partnerAgency,
    destinationName: f.destinationName,
    reason: f.reason,
    handOverSummary: f.handOverSummary,
    attachmentIds: f.documents,
    referredOn: f.referredOn,
    dueOn: f.dueOn,
    followUpOn: f.followUpOn,
  };
  return (
    <Form form={form} className="max-w-3xl" data-testid="referral-new">
      <p className="mb-4">{t.referrals.tab.newLead}</p>
      <FormFeedback form={form} labels={labels} idPrefix="referral-" />
      <SelectField
        label={f.partnerAgency}
        placeholder=""
        options={partners.options}
        {...text(flat, 'partnerAgencyId')}
      />
      {partnerId ? (
        <Notice tone={covering ? 'info' : 'warning'}>
          <p data-testid="referral-consent">
            {covering
              ? fill(f.consentCovers, { date: formatDate(covering.givenOn, lang) })
              : f.consentMissing}
          </p>
        </Notice>
      ) : (
        <TextField
          label={f.destinationName}
          hint={f.destinationHint}
          {...text(flat, 'destinationName')}
        />
      )}
      <TextArea label={f.reason} required rows={2} {...text(flat, 'reason')} />
      {partnerId && (
        <>
          <TextArea
            label={f.handOverSummary}
            hint={f.handOverHint}
            rows={5}
            {...text(flat, 'handOverSummary')}
          />
          {view.attachments.length > 0 ? (
            <CheckboxGroup
              label={f.documents}
              options={view.attachments.map((a) => ({ value: a.id, label: a.fileName }))}
              {...list(flat, 'attachmentIds')}
            />
          ) : (
            <p className="mb-6 text-solid-gray-700">{f.noDocuments}</p>
          )}
        </>
      )}
      <Checkbox label={f.accompanied} {...flag(flat, 'accompanied')} />
      <Checkbox
        label={f.toPublicAssistance}
        hint={f.toPublicAssistanceHint}
        {...flag(flat, 'toPublicAssistance')}
      />
      <div className="mt-4 grid gap-x-4 sm:grid-cols-3">
        <DateField label={f.referredOn} {...text(flat, 'referredOn')} />
        {partnerId && <DateField label={f.dueOn} hint={f.dueOnHint} {...text(flat, 'dueOn')} />}
        <DateField
          label={f.followUpOn}
          hint={f.followUpOnHint}
          required
          {...text(flat, 'followUpOn')}
        />
      </div>
      <Button type="submit" disabled={form.submitting}>
        {f.submit}
      </Button>
    </Form>
  );
}
