import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  employmentTypeLabels,
  employmentTypes,
  evaluationDecisionLabels,
  evaluationDecisions,
  goalAchievementLabels,
  goalAchievements,
  improvementItemLabels,
  improvementItems,
} from '../../../domain/cases/vocabulary';
import { todayInJapan } from '../../../domain/text/wareki';
import { api } from '../../api/client';
import { Button } from '../../components/Button';
import { DateField } from '../../components/DateField';
import { Checkbox, CheckboxGroup, SelectField, TextArea, TextField } from '../../components/fields';
import { optionsOf } from '../../components/options';
import { Section } from '../../components/Page';
import { RadioGroup } from '../../components/RadioGroup';
import { Form } from '../../forms/Form';
import { FormFeedback } from '../../forms/FormFeedback';
import { asFlat, flag, list, text } from '../../forms/flat-form';
import { useRecordForm } from '../../forms/use-record-form';
import { formatDate } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { type CaseView, useRefreshCase } from './case-data';

const nextActions = ['continue', 'plan_change', 'evaluate_early'] as const;
const nextActionLabels = {
  continue: { ja: '現在のプランで続ける', en: 'Continue the plan' },
  plan_change: { ja: 'プラン変更を検討する', en: 'Consider a plan change' },
  evaluate_early: { ja: '早めに評価する', en: 'Evaluate early' },
} as const;

function MonitoringForm({
  view,
  monitoring,
}: {
  view: CaseView;
  monitoring: CaseView['monitoring'][number] | null;
}) {
  const { t, label } = useI18n();
  const m = t.cases.monitoring;
  const refresh = useRefreshCase(view.case.id);
  const form = useRecordForm<Record<string, unknown>, unknown>({
    formKey: monitoring ? `monitoring:${monitoring.id}` : `monitoring:${view.case.id}:new`,
    initial: {
      doneOn: todayInJapan(),
      servicesDelivered: '',
      progress: '',
      changes: '',
      nextAction: 'continue',
    },
    version: monitoring?.version ?? null,
    submit: async (values, version) => {
      // Fixed lists and typed text; the server validates them.
      type Body = Parameters<(typeof api.cases)[':id']['monitoring']['$post']>[0]['json'];
      if (monitoring) {
        return (
          await api.cases[':id'].monitoring[':childId'].$put({
            param: { id: view.case.id, childId: monitoring.id },
            json: { ...(values as Body), version: version ?? monitoring.version },
          })
        ).json();
      }
      return (
        await api.cases[':id'].monitoring.$post({
          param: { id: view.case.id },
          json: values as Body,
        })
      ).json();
    },
    // A recorded entry is done: its form goes once the case is read again. Wait for that, so
    // nothing is typed into it meanwhile (see Form).
    onSaved: () => refresh(),
  });
  const flat = asFlat(form);
  return (
    <Form form={form} className="max-w-3xl" data-testid="monitoring-form">
      <FormFeedback
        form={form}
        labels={{ doneOn: m.doneOn, progress: m.progress, nextAction: m.nextAction }}
      />
      <DateField label={m.doneOn} required {...text(flat, 'doneOn')} />
      <TextArea label={m.servicesDelivered} rows={2} {...text(flat, 'servicesDelivered')} />
      <TextArea label={m.progress} required rows={3} {...text(flat, 'progress')} />
      <TextArea label={m.changes} rows={2} {...text(flat, 'changes')} />
      <RadioGroup
        id="nextAction"
        label={m.nextAction}
        required
        options={nextActions.map((a) => ({ value: a, label: label(nextActionLabels[a]) }))}
        value={String(form.values.nextAction)}
        onChange={(v) => form.set('nextAction', v)}
      />
      <Button type="submit" disabled={form.submitting}>
        {m.record}
      </Button>
    </Form>
  );
}

function EvaluationForm({ view }: { view: CaseView }) {
  const { t, label } = useI18n();
  const m = t.cases.monitoring;
  const refresh = useRefreshCase(view.case.id);
  const active = view.plans.find((p) => p.status === 'active');
  const plan = useQuery({
    queryKey: ['plan', active?.id, 'active'],
    queryFn: async () =>
      (
        await api.cases[':id'].plans[':childId'].$get({
          param: { id: view.case.id, childId: active?.id ?? '' },
        })
      ).json(),
    enabled: Boolean(active),
  });
  const goals = plan.data?.goals ?? [];
  const form = useRecordForm<Record<string, unknown>, unknown>({
    formKey: `evaluation:${active?.id ?? view.case.id}`,
    initial: {
      evaluatedOn: todayInJapan(),
      supportReview: '',
      personView: '',
      employed: false,
      employmentStartedOn: '',
      employmentType: '',
      incomeIncreased: false,
      incomeNote: '',
      improvements: [],
      decision: '',
    },
    version: view.case.version,
    submit: async (values, version) => {
      const body = {
        ...values,
        caseVersion: version ?? view.case.version,
        goals: goals.map((g) => ({
          planGoalId: g.id,
          achievement: String(values[`goal.${g.id}`] ?? ''),
          comment: String(values[`goalComment.${g.id}`] ?? ''),
        })),
      };
      for (const key of Object.keys(body))
        if (key.startsWith('goal.') || key.startsWith('goalComment.'))
          delete (body as Record<string, unknown>)[key];
      // Fixed lists and typed text; the server validates them.
      return (
        await api.cases[':id'].evaluations.$post({
          param: { id: view.case.id },
          json: body as Parameters<(typeof api.cases)[':id']['evaluations']['$post']>[0]['json'],
        })
      ).json();
    },
    // The form is keyed by the case's version: it waits for the reloaded case.
    onSaved: () => refresh(),
  });
  const flat = asFlat(form);
  if (!active) return null;
  return (
    <Form form={form} className="max-w-3xl" data-testid="evaluation-form">
      <p className="mb-4">{m.evaluationLead}</p>
      <FormFeedback
        form={form}
        labels={{
          evaluatedOn: m.evaluatedOn,
          decision: m.decision,
          employmentStartedOn: m.employmentStartedOn,
          employmentType: m.employmentType,
        }}
      />
      <DateField label={m.evaluatedOn} required {...text(flat, 'evaluatedOn')} />
      <h3 className="mb-2 text-std-20B-150">{m.goalAchievement}</h3>
      {goals.map((g, i) => (
        <fieldset key={g.id} className="mb-4 rounded-8 border border-solid-gray-300 p-3">
          <legend className="px-2 text-std-16B-170">{g.goal}</legend>
          <RadioGroup
            id={`goals.${i}.achievement`}
            label={m.goalAchievement}
            required
            options={optionsOf(goalAchievements, goalAchievementLabels, label)}
            value={String(form.values[`goal.${g.id}`] ?? '')}
            onChange={(v) => form.set(`goal.${g.id}`, v)}
            error={form.errors[`goals.${i}.achievement`]}
          />
          <TextField
            id={`goalComment.${g.id}`}
            label={m.comment}
            value={String(form.values[`goalComment.${g.id}`] ?? '')}
            onChange={(e) => form.set(`goalComment.${g.id}`, e.target.value)}
          />
        </fieldset>
      ))}
      <TextArea label={m.supportReview} rows={3} {...text(flat, 'supportReview')} />
      <TextArea label={m.personView} rows={2} {...text(flat, 'personView')} />
      <h3 className="mb-2 text-std-20B-150">{m.outcomes}</h3>
      <Checkbox label={m.employed} {...flag(flat, 'employed')} id="employed" />
      {form.values.employed === true && (
        <div className="grid gap-x-4 sm:grid-cols-2">
          <DateField
            label={m.employmentStartedOn}
            required
            {...text(flat, 'employmentStartedOn')}
          />
          <SelectField
            label={m.employmentType}
            required
            placeholder=""
            options={optionsOf(employmentTypes, employmentTypeLabels, label)}
            {...text(flat, 'employmentType')}
          />
        </div>
      )}
      <Checkbox label={m.incomeIncreased} {...flag(flat, 'incomeIncreased')} id="incomeIncreased" />
      {form.values.incomeIncreased === true && (
        <TextField label={m.incomeNote} {...text(flat, 'incomeNote')} />
      )}
      <div className="mt-4">
        <CheckboxGroup
          label={m.improvements}
          options={optionsOf(improvementItems, improvementItemLabels, label)}
          {...list(flat, 'improvements')}
        />
      </div>
      <RadioGroup
        id="decision"
        label={m.decision}
        required
        options={optionsOf(evaluationDecisions, evaluationDecisionLabels, label)}
        value={String(form.values.decision ?? '')}
        onChange={(v) => form.set('decision', v)}
        error={form.errors.decision}
      />
      <Button type="submit" disabled={form.submitting}>
        {m.submitEvaluation}
      </Button>
    </Form>
  );
}

export function MonitoringTab({ view }: { view: CaseView }) {
  const { t, label, lang } = useI18n();
  const m = t.cases.monitoring;
  const open = view.monitoring.filter((x) => !x.doneOn);
  // One form at a time (their fields share names): the next due one, unless another is chosen.
  const [chosen, setChosen] = useState<string | null>(null);
  const editing = chosen ?? open[0]?.id ?? null;
  const done = view.monitoring.filter((x) => x.doneOn);
  const inSupport = view.case.status === 'in_support' || view.case.status === 'monitoring';
  return (
    <div>
      <p className="mb-6 max-w-3xl">{m.lead}</p>
      <Section title={m.scheduled}>
        {view.monitoring.length === 0 && <p>{m.none}</p>}
        <ul className="grid gap-4">
          {open.map((x) => (
            <li
              key={`${x.id}-${x.version}`}
              className="rounded-8 border border-solid-gray-300 p-4"
              data-testid="monitoring-due"
            >
              <p className="mb-2 text-std-17B-170">
                {m.dueOn}：{formatDate(x.dueOn, lang)}
              </p>
              {view.abilities.update &&
                (editing === x.id ? (
                  <MonitoringForm view={view} monitoring={x} />
                ) : (
                  <Button variant="secondary" onClick={() => setChosen(x.id)}>
                    {m.recordThis}
                  </Button>
                ))}
            </li>
          ))}
          {done.map((x) => (
            <li key={x.id} className="rounded-8 border border-solid-gray-200 bg-solid-gray-50 p-3">
              <p>
                {m.dueOn}：{formatDate(x.dueOn, lang)}　{m.done}：{formatDate(x.doneOn, lang)}
              </p>
              {x.progress && <p className="whitespace-pre-wrap">{x.progress}</p>}
              {x.nextAction && (
                <p className="text-dns-14N-130">{label(nextActionLabels[x.nextAction])}</p>
              )}
            </li>
          ))}
        </ul>
        {inSupport && view.abilities.update && (
          <div className="mt-4">
            {editing === 'ad-hoc' ? (
              <MonitoringForm view={view} monitoring={null} />
            ) : (
              <Button variant="secondary" onClick={() => setChosen('ad-hoc')}>
                {m.adHoc}
              </Button>
            )}
          </div>
        )}
      </Section>
      {view.case.status === 'evaluation' && view.abilities.update && (
        <Section title={m.evaluationTitle}>
          <EvaluationForm key={view.case.version} view={view} />
        </Section>
      )}
      {view.evaluations.length > 0 && (
        <Section title={m.history}>
          <ul className="grid gap-3">
            {view.evaluations.map((e) => (
              <li
                key={e.id}
                className="rounded-8 border border-solid-gray-300 p-3"
                data-testid="evaluation"
              >
                <p className="text-std-16B-170">
                  {formatDate(e.evaluatedOn, lang)}　{label(evaluationDecisionLabels[e.decision])}
                </p>
                {e.employed && (
                  <p>
                    {m.employed}（{formatDate(e.employmentStartedOn, lang)}、
                    {e.employmentType ? label(employmentTypeLabels[e.employmentType]) : ''}）
                  </p>
                )}
                {e.improvements.length > 0 && (
                  <p>{e.improvements.map((i) => label(improvementItemLabels[i])).join('・')}</p>
                )}
                {e.supportReview && <p className="whitespace-pre-wrap">{e.supportReview}</p>}
              </li>
            ))}
          </ul>
        </Section>
      )}
    </div>
  );
}
