import {
  contactModeLabels,
  terminationReasonLabels,
  terminationReasons,
} from '../../../domain/cases/vocabulary';
import { todayInJapan } from '../../../domain/text/wareki';
import { api } from '../../api/client';
import { Button } from '../../components/Button';
import { DateField } from '../../components/DateField';
import { Checkbox, SelectField, TextArea, TextField } from '../../components/fields';
import { Notice } from '../../components/Notice';
import { optionsOf } from '../../components/options';
import { Section } from '../../components/Page';
import { RadioGroup } from '../../components/RadioGroup';
import { Form } from '../../forms/Form';
import { FormFeedback } from '../../forms/FormFeedback';
import { asFlat, flag, text } from '../../forms/flat-form';
import { useRecordForm } from '../../forms/use-record-form';
import { formatDate } from '../../i18n/format';
import { fill, useI18n } from '../../i18n/i18n';
import { type CaseView, useCaseStaff, useRefreshCase } from './case-data';

function ClosureForm({ view }: { view: CaseView }) {
  const { t, label } = useI18n();
  const c = t.cases.closure;
  const refresh = useRefreshCase(view.case.id);
  const staff = useCaseStaff();
  const canTerminate = view.abilities.actions.includes('terminate');
  const canInterrupt = view.abilities.actions.includes('interrupt');
  const form = useRecordForm<Record<string, unknown>, unknown>({
    formKey: `closure:${view.case.id}`,
    initial: {
      kind: canTerminate ? 'termination' : 'interruption',
      decidedOn: todayInJapan(),
      reason: '',
      reasonDetail: '',
      meetingNote: '',
      followUp: false,
      followUpBy: view.case.leadWorkerId ?? '',
      followUpMethod: '',
      followUpUntil: '',
    },
    version: view.case.version,
    submit: async (values, version) =>
      (
        await api.cases[':id'].closure.$post({
          param: { id: view.case.id },
          // Fixed lists and typed text; the server validates them.
          json: { ...values, version: version ?? view.case.version } as Parameters<
            (typeof api.cases)[':id']['closure']['$post']
          >[0]['json'],
        })
      ).json(),
    // The form is keyed by the case's version and goes once the case is closed: it waits
    // for the reloaded case (see Form).
    onSaved: () => refresh(),
  });
  const flat = asFlat(form);
  const missing = view.deadlines.interruptionMissing;
  return (
    <Form form={form} className="max-w-3xl" data-testid="closure-form">
      <FormFeedback
        form={form}
        labels={{
          kind: c.kind,
          decidedOn: c.decidedOn,
          reason: c.reason,
          followUpBy: c.followUpBy,
          followUpUntil: c.followUpUntil,
        }}
      />
      <RadioGroup
        id="kind"
        label={c.kind}
        required
        options={[
          ...(canTerminate ? [{ value: 'termination', label: c.termination }] : []),
          ...(canInterrupt ? [{ value: 'interruption', label: c.interruption }] : []),
        ]}
        value={String(form.values.kind)}
        onChange={(v) => form.set('kind', v)}
      />
      {form.values.kind === 'interruption' && missing.length > 0 && (
        <Notice
          tone="warning"
          title={fill(c.interruptionNeeds, {
            missing: missing.map((m) => label(contactModeLabels[m])).join('・'),
          })}
        />
      )}
      <DateField label={c.decidedOn} required {...text(flat, 'decidedOn')} />
      {form.values.kind === 'termination' && (
        <SelectField
          label={c.reason}
          required
          placeholder=""
          options={optionsOf(terminationReasons, terminationReasonLabels, label)}
          {...text(flat, 'reason')}
        />
      )}
      <TextArea label={c.reasonDetail} rows={2} {...text(flat, 'reasonDetail')} />
      <TextArea label={c.meetingNote} rows={2} {...text(flat, 'meetingNote')} />
      <Checkbox label={c.followUp} {...flag(flat, 'followUp')} id="followUp" />
      {form.values.followUp === true && (
        <div className="mt-4 grid gap-x-4 sm:grid-cols-2">
          <SelectField
            label={c.followUpBy}
            required
            placeholder=""
            options={staff}
            {...text(flat, 'followUpBy')}
          />
          <DateField label={c.followUpUntil} required {...text(flat, 'followUpUntil')} />
          <div className="sm:col-span-2">
            <TextField label={c.followUpMethod} {...text(flat, 'followUpMethod')} />
          </div>
        </div>
      )}
      <Button type="submit" disabled={form.submitting} className="mt-4">
        {c.submit}
      </Button>
    </Form>
  );
}

export function ClosureTab({ view }: { view: CaseView }) {
  const { t, label, lang } = useI18n();
  const c = t.cases.closure;
  const can =
    view.abilities.actions.includes('terminate') || view.abilities.actions.includes('interrupt');
  return (
    <div>
      <p className="mb-6 max-w-3xl">{c.lead}</p>
      {can && (
        <Section title={c.title}>
          <ClosureForm key={view.case.version} view={view} />
        </Section>
      )}
      {view.closures.length > 0 && (
        <Section title={c.history}>
          <ul className="grid gap-3">
            {view.closures.map((x) => (
              <li
                key={x.id}
                className="rounded-8 border border-solid-gray-300 p-3"
                data-testid="closure"
              >
                <p className="text-std-16B-170">
                  {formatDate(x.decidedOn, lang)}
                  {'　'}
                  {x.kind === 'termination' ? c.termination : c.interruption}
                  {x.reason && `：${label(terminationReasonLabels[x.reason])}`}
                </p>
                {x.reasonDetail && <p className="whitespace-pre-wrap">{x.reasonDetail}</p>}
                {x.meetingNote && (
                  <p className="whitespace-pre-wrap">
                    {c.meetingNote}：{x.meetingNote}
                  </p>
                )}
                {x.followUp && (
                  <p>
                    {fill(c.followUpSummary, {
                      who: x.followUpBy ? (view.staff[x.followUpBy] ?? '') : '',
                      method: x.followUpMethod ?? '',
                      until: formatDate(x.followUpUntil, lang),
                    })}
                  </p>
                )}
              </li>
            ))}
          </ul>
        </Section>
      )}
    </div>
  );
}
