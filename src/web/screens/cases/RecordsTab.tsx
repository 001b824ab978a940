import { Link } from 'react-router';
import { contactModeLabels, contactModes } from '../../../domain/cases/vocabulary';
import { formatDateTimeJapan } from '../../../domain/text/wareki';
import { api } from '../../api/client';
import { Button } from '../../components/Button';
import { Disclosure } from '../../components/Disclosure';
import { Checkbox, SelectField, TextArea, TextField } from '../../components/fields';
import { optionsOf } from '../../components/options';
import { Section } from '../../components/Page';
import { Form } from '../../forms/Form';
import { FormFeedback } from '../../forms/FormFeedback';
import { asFlat, flag, text } from '../../forms/flat-form';
import { unwrap, useRecordForm } from '../../forms/use-record-form';
import { formatDateTime } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { type CaseView, useRefreshCase } from './case-data';

type Contact = CaseView['contacts'][number];
const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** Now in Japan time, as the datetime-local field wants it: 2026-04-01T09:05. */
function nowLocal(): string {
  return formatDateTimeJapan(new Date()).replace(' ', 'T');
}

const unwrapContact = unwrap('contact.');

function ContactForm({
  view,
  existing,
  onDone,
}: {
  view: CaseView;
  existing: Contact | null;
  onDone?: () => void;
}) {
  const { t, label } = useI18n();
  const r = t.cases.records;
  const refresh = useRefreshCase(view.case.id);
  const toValues = (c: Record<string, unknown>) => ({
    occurredAt: c.occurredAt
      ? formatDateTimeJapan(String(c.occurredAt)).replace(' ', 'T')
      : nowLocal(),
    mode: str(c.mode) || 'interview',
    summary: str(c.summary),
    place: str(c.place),
    participants: str(c.participants),
    reached: c.reached !== false,
    taxInformation: c.taxInformation === true,
    personState: str(c.personState),
    judgement: str(c.judgement),
    nextStep: str(c.nextStep),
  });
  const form = useRecordForm<Record<string, unknown>, unknown>({
    formKey: existing ? `contact:${existing.id}` : `contact:${view.case.id}:new`,
    errorKey: unwrapContact,
    initial: toValues(existing ?? {}),
    version: existing?.version ?? null,
    fromRecord: toValues,
    submit: async (values, version) => {
      // Fixed lists and typed text; the server validates them.
      type Body = Parameters<(typeof api.cases)[':id']['contacts']['$post']>[0]['json'];
      if (existing) {
        return (
          await api.cases[':id'].contacts[':childId'].$put({
            param: { id: view.case.id, childId: existing.id },
            json: { version: version ?? 1, contact: values as Body },
          })
        ).json();
      }
      return (
        await api.cases[':id'].contacts.$post({ param: { id: view.case.id }, json: values as Body })
      ).json();
    },
    // An edited record's entry is keyed by its version: wait for the new one (see Form).
    onSaved: () => {
      if (!existing) form.reset(toValues({}), null);
      onDone?.();
      return refresh();
    },
  });
  // Each record's edit form sits on the same page as the new one.
  const idPrefix = existing ? `contact-${existing.id}-` : undefined;
  const flat = asFlat(form, idPrefix);
  return (
    <Form
      form={form}
      className="max-w-3xl"
      data-testid={existing ? 'contact-edit' : 'contact-form'}
    >
      <FormFeedback
        form={form}
        labels={{ occurredAt: r.occurredAt, mode: r.mode, summary: r.summary }}
        idPrefix={idPrefix}
      />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <TextField
          label={r.occurredAt}
          required
          type="datetime-local"
          {...text(flat, 'occurredAt')}
        />
        <SelectField
          label={r.mode}
          required
          options={optionsOf(contactModes, contactModeLabels, label)}
          {...text(flat, 'mode')}
        />
      </div>
      <TextArea label={r.summary} required rows={3} {...text(flat, 'summary')} />
      <details className="mb-6" open={Boolean(existing)}>
        <summary className="cursor-pointer text-blue-1000 underline">{r.more}</summary>
        <div className="mt-3">
          <Checkbox label={r.reached} {...flag(flat, 'reached')} />
          <Checkbox
            label={r.taxInformation}
            hint={r.taxInformationHint}
            {...flag(flat, 'taxInformation')}
          />
          <div className="grid gap-x-4 sm:grid-cols-2">
            <TextField label={r.place} {...text(flat, 'place')} />
            <TextField label={r.participants} {...text(flat, 'participants')} />
          </div>
          <TextArea label={r.personState} rows={2} {...text(flat, 'personState')} />
          <TextArea label={r.judgement} rows={2} {...text(flat, 'judgement')} />
          <TextArea label={r.nextStep} rows={2} {...text(flat, 'nextStep')} />
        </div>
      </details>
      <Button type="submit" disabled={form.submitting}>
        {form.submitting ? t.app.saving : existing ? t.app.save : r.add}
      </Button>
    </Form>
  );
}

export function RecordsTab({ view }: { view: CaseView }) {
  const { t, label, lang } = useI18n();
  const r = t.cases.records;
  return (
    <div>
      <p className="mb-4 max-w-3xl">{r.lead}</p>
      <p className="mb-6">
        <Link to={`/cases/${view.case.id}/print/records`}>{r.print}</Link>
      </p>
      {view.abilities.update && (
        <Section title={r.add}>
          <ContactForm view={view} existing={null} />
        </Section>
      )}
      <Section title={r.title}>
        {view.contacts.length === 0 && <p>{r.none}</p>}
        <ol className="grid gap-3" data-testid="contact-list">
          {view.contacts.map((c) => (
            <li key={`${c.id}-${c.version}`} className="rounded-8 border border-solid-gray-300 p-3">
              <p className="text-std-16B-170">
                {formatDateTime(c.occurredAt, lang)}　{label(contactModeLabels[c.mode])}
                {!c.reached && (
                  <span className="ml-2 rounded-4 bg-orange-50 px-2 text-dns-14B-130">
                    {r.notReached}
                  </span>
                )}
                {c.taxInformation && (
                  <span className="ml-2 rounded-4 border border-black px-2 text-dns-14B-130">
                    {r.taxMark}
                  </span>
                )}
                {c.recordedBy && (
                  <span className="ml-2 text-dns-14N-130 text-solid-gray-700">
                    {view.staff[c.recordedBy]}
                  </span>
                )}
              </p>
              <p className="whitespace-pre-wrap">{c.summary}</p>
              {c.personState && (
                <p className="whitespace-pre-wrap text-dns-16N-130">
                  {r.personState}：{c.personState}
                </p>
              )}
              {c.judgement && (
                <p className="whitespace-pre-wrap text-dns-16N-130">
                  {r.judgement}：{c.judgement}
                </p>
              )}
              {c.nextStep && (
                <p className="whitespace-pre-wrap text-dns-16N-130">
                  {r.nextStep}：{c.nextStep}
                </p>
              )}
              {view.abilities.update && (
                <Disclosure className="mt-2" summary={t.app.edit}>
                  <div className="mt-3">
                    <ContactForm view={view} existing={c} />
                  </div>
                </Disclosure>
              )}
            </li>
          ))}
        </ol>
      </Section>
    </div>
  );
}
