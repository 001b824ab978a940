import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { suggestMonitoringDates } from '../../../domain/cases/deadlines';
import { planStatusLabels } from '../../../domain/cases/plan-status';
import {
  relationshipLabels,
  serviceClasses,
  serviceClassLabels,
  statutoryProgrammeLabels,
  statutoryProgrammes,
} from '../../../domain/cases/vocabulary';
import { parseDateInput, todayInJapan } from '../../../domain/text/wareki';
import type { PlanView } from '../../../server/plans/present';
import { api } from '../../api/client';
import { Button } from '../../components/Button';
import { DateField } from '../../components/DateField';
import { Checkbox, CheckboxGroup, SelectField, TextArea, TextField } from '../../components/fields';
import { QueryState } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { optionsOf } from '../../components/options';
import { Section } from '../../components/Page';
import { RadioGroup } from '../../components/RadioGroup';
import { Form } from '../../forms/Form';
import { FormFeedback } from '../../forms/FormFeedback';
import { asFlat, flag, list, text } from '../../forms/flat-form';
import { unwrap, useRecordForm } from '../../forms/use-record-form';
import { formatDate } from '../../i18n/format';
import { fill, useI18n } from '../../i18n/i18n';
import { useResourceOptions } from '../resources/resource-data';
import { type CaseView, useCaseStep, usePartners, useRefreshCase } from './case-data';

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

interface Goal {
  id?: string;
  goal: string;
  indicator: string;
}
interface Service {
  id?: string;
  content: string;
  socialResourceId: string;
  providerPartnerAgencyId: string;
  providerName: string;
  householdMemberId: string;
  serviceClass: string;
  programme: string;
  frequency: string;
  startOn: string;
  endOn: string;
}
type PlanValues = Record<string, unknown> & { goals: Goal[]; services: Service[] };

function toValues(p: Record<string, unknown>): PlanValues {
  const goals = (p.goals as Record<string, unknown>[] | undefined) ?? [];
  const services = (p.services as Record<string, unknown>[] | undefined) ?? [];
  return {
    longTermGoal: str(p.longTermGoal),
    periodStart: str(p.periodStart),
    periodEnd: str(p.periodEnd),
    personWords: str(p.personWords),
    signatureOn: str(p.signatureOn),
    employmentSupportTarget: p.employmentSupportTarget === true,
    programmes: (p.programmes as string[] | undefined) ?? [],
    monitoringDates: ((p.monitoringDates as string[] | undefined) ?? []).join('\n'),
    budgetPlan: str(p.budgetPlan),
    workReadinessProgram: str(p.workReadinessProgram),
    changeReason: str(p.changeReason),
    goals: goals.map((g) => ({
      id: str(g.id) || undefined,
      goal: str(g.goal),
      indicator: str(g.indicator),
    })),
    services: services.map((s) => ({
      id: str(s.id) || undefined,
      content: str(s.content),
      socialResourceId: str(s.socialResourceId),
      providerPartnerAgencyId: str(s.providerPartnerAgencyId),
      providerName: str(s.providerName),
      householdMemberId: str(s.householdMemberId),
      serviceClass: str(s.serviceClass),
      programme: str(s.programme),
      frequency: str(s.frequency),
      startOn: str(s.startOn),
      endOn: str(s.endOn),
    })),
  };
}

function toBody(values: PlanValues) {
  return {
    ...values,
    monitoringDates: String(values.monitoringDates ?? '')
      .split(/[\n,、]+/)
      .map((d) => d.trim())
      .filter(Boolean),
    goals: values.goals.map(({ id, ...g }) => (id ? { id, ...g } : g)),
    services: values.services.map(({ id, ...s }) => (id ? { id, ...s } : s)),
  };
}

const unwrapPlan = unwrap('plan.');

function PlanEditor({ view, plan }: { view: CaseView; plan: PlanView }) {
  const { t, label } = useI18n();
  const p = t.cases.plan;
  const refresh = useRefreshCase(view.case.id);
  const partners = usePartners();
  const resources = useResourceOptions(plan.services.map((s) => s.socialResourceId));
  const form = useRecordForm<PlanValues, unknown>({
    formKey: `plan:${plan.id}`,
    errorKey: unwrapPlan,
    initial: toValues(plan),
    version: plan.version,
    fromRecord: toValues,
    submit: async (values, version) =>
      (
        await api.cases[':id'].plans[':childId'].$put({
          param: { id: view.case.id, childId: plan.id },
          // Fixed lists and typed text; the server validates them.
          json: {
            version: version ?? 1,
            plan: toBody(values) as Parameters<
              (typeof api.cases)[':id']['plans'][':childId']['$put']
            >[0]['json']['plan'],
          },
        })
      ).json(),
    // The saved plan comes back as a new editor (keyed by its version): the fields stay disabled
    // until it has, so nothing is typed into this one meanwhile.
    onSaved: () => refresh(),
  });
  const flat = asFlat(form);
  const setGoal = (i: number, change: Partial<Goal>) =>
    form.update((v) => ({
      ...v,
      goals: v.goals.map((g, j) => (j === i ? { ...g, ...change } : g)),
    }));
  const setService = (i: number, change: Partial<Service>) =>
    form.update((v) => ({
      ...v,
      services: v.services.map((s, j) => (j === i ? { ...s, ...change } : s)),
    }));
  const goalField = (i: number, key: 'goal' | 'indicator') => ({
    id: `goals.${i}.${key}`,
    value: form.values.goals[i]?.[key] ?? '',
    onChange: (e: { target: { value: string } }) => setGoal(i, { [key]: e.target.value }),
    error: form.errors[`goals.${i}.${key}`],
  });
  const serviceField = (i: number, key: Exclude<keyof Service, 'id'>) => ({
    id: `services.${i}.${key}`,
    value: form.values.services[i]?.[key] ?? '',
    onChange: (e: { target: { value: string } }) => setService(i, { [key]: e.target.value }),
    error: form.errors[`services.${i}.${key}`],
  });
  const members = [
    { value: '', label: p.personSelf },
    ...view.household.map((m) => ({
      value: m.id,
      label: `${m.name}（${label(relationshipLabels[m.relationship])}）`,
    })),
  ];
  const suggest = () => {
    const start = parseDateInput(String(form.values.periodStart ?? ''));
    const end = parseDateInput(String(form.values.periodEnd ?? ''));
    if (start && end) form.set('monitoringDates', suggestMonitoringDates(start, end).join('\n'));
  };
  const labels: Record<string, string> = {
    longTermGoal: p.longTermGoal,
    periodStart: p.periodStart,
    periodEnd: p.periodEnd,
    goals: p.goals,
    services: p.services,
    monitoringDates: p.monitoringDates,
    changeReason: p.changeReason,
    goal: p.goal,
    indicator: p.indicator,
    content: p.content,
    socialResourceId: t.resources.plan.resource,
    providerPartnerAgencyId: p.provider,
    providerName: p.providerName,
    householdMemberId: p.member,
    serviceClass: p.serviceClass,
    programme: p.programme,
    frequency: p.frequency,
    startOn: p.startOn,
    endOn: p.endOn,
  };
  return (
    <Form form={form} className="max-w-4xl" data-testid="plan-editor">
      <FormFeedback form={form} labels={labels} />
      {plan.revision > 0 && (
        <TextArea label={p.changeReason} required rows={2} {...text(flat, 'changeReason')} />
      )}
      <TextArea label={p.longTermGoal} required rows={2} {...text(flat, 'longTermGoal')} />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <DateField label={p.periodStart} required {...text(flat, 'periodStart')} />
        <DateField label={p.periodEnd} required {...text(flat, 'periodEnd')} />
      </div>
      <Section title={p.goals}>
        {form.errors.goals && (
          <p className="mb-2 text-dns-16B-130 text-error-1">{form.errors.goals}</p>
        )}
        {form.values.goals.map((g, i) => (
          <fieldset
            key={g.id ?? `g${i}`}
            className="mb-4 rounded-8 border border-solid-gray-300 p-3"
            data-testid="plan-goal"
          >
            <legend className="px-2 text-std-16B-170">
              {p.goal} {i + 1}
            </legend>
            <TextField label={p.goal} required {...goalField(i, 'goal')} />
            <TextField label={p.indicator} {...goalField(i, 'indicator')} />
            <Button
              variant="tertiary"
              onClick={() =>
                form.update((v) => ({ ...v, goals: v.goals.filter((_, j) => j !== i) }))
              }
            >
              {p.removeGoal}
            </Button>
          </fieldset>
        ))}
        <Button
          variant="secondary"
          onClick={() =>
            form.update((v) => ({ ...v, goals: [...v.goals, { goal: '', indicator: '' }] }))
          }
        >
          {p.addGoal}
        </Button>
      </Section>
      <Section title={p.services}>
        {form.errors.services && (
          <p className="mb-2 text-dns-16B-130 text-error-1">{form.errors.services}</p>
        )}
        {form.values.services.map((s, i) => (
          <fieldset
            key={s.id ?? `s${i}`}
            className="mb-4 rounded-8 border border-solid-gray-300 p-3"
            data-testid="plan-service"
          >
            <legend className="px-2 text-std-16B-170">{fill(p.service, { n: i + 1 })}</legend>
            <TextField label={p.content} required {...serviceField(i, 'content')} />
            <SelectField
              label={t.resources.plan.resource}
              hint={t.resources.plan.resourceHint}
              placeholder={t.resources.plan.noResource}
              options={resources.options(t.resources.plan.archivedResource)}
              {...serviceField(i, 'socialResourceId')}
              onChange={(e) => {
                const chosen = resources.find(e.target.value);
                // The class follows the resource's legal basis: suggested, still editable.
                setService(i, {
                  socialResourceId: e.target.value,
                  ...(chosen ? { serviceClass: chosen.serviceClass } : {}),
                });
              }}
            />
            <div className="grid gap-x-4 sm:grid-cols-2">
              <SelectField
                label={p.provider}
                placeholder=""
                options={partners.options}
                {...serviceField(i, 'providerPartnerAgencyId')}
              />
              <TextField label={p.providerName} {...serviceField(i, 'providerName')} />
              <SelectField
                label={p.member}
                options={members}
                {...serviceField(i, 'householdMemberId')}
              />
              <SelectField
                label={p.serviceClass}
                required
                placeholder=""
                options={optionsOf(serviceClasses, serviceClassLabels, label)}
                {...serviceField(i, 'serviceClass')}
              />
              <SelectField
                label={p.programme}
                placeholder={p.noProgramme}
                options={optionsOf(statutoryProgrammes, statutoryProgrammeLabels, label)}
                {...serviceField(i, 'programme')}
              />
              <TextField label={p.frequency} {...serviceField(i, 'frequency')} />
              <DateField label={p.startOn} {...serviceField(i, 'startOn')} />
              <DateField label={p.endOn} {...serviceField(i, 'endOn')} />
            </div>
            <Button
              variant="tertiary"
              onClick={() =>
                form.update((v) => ({ ...v, services: v.services.filter((_, j) => j !== i) }))
              }
            >
              {p.removeService}
            </Button>
          </fieldset>
        ))}
        <Button
          variant="secondary"
          onClick={() =>
            form.update((v) => ({
              ...v,
              services: [
                ...v.services,
                {
                  content: '',
                  socialResourceId: '',
                  providerPartnerAgencyId: '',
                  providerName: '',
                  householdMemberId: '',
                  serviceClass: '',
                  programme: '',
                  frequency: '',
                  startOn: '',
                  endOn: '',
                },
              ],
            }))
          }
        >
          {p.addService}
        </Button>
      </Section>
      <TextArea
        label={p.monitoringDates}
        hint={p.monitoringDatesHint}
        rows={3}
        {...text(flat, 'monitoringDates')}
      />
      <Button variant="tertiary" className="-mt-4 mb-6" onClick={suggest}>
        {p.suggest}
      </Button>
      <CheckboxGroup
        label={p.programmes}
        options={optionsOf(statutoryProgrammes, statutoryProgrammeLabels, label)}
        {...list(flat, 'programmes')}
      />
      <Checkbox
        label={p.employmentTarget}
        {...flag(flat, 'employmentSupportTarget')}
        id="employmentSupportTarget"
      />
      <div className="mt-6">
        <TextArea label={p.personWords} rows={2} {...text(flat, 'personWords')} />
        <DateField label={p.signatureOn} {...text(flat, 'signatureOn')} />
        <TextArea label={p.budgetPlan} rows={3} {...text(flat, 'budgetPlan')} />
        <TextArea label={p.workReadiness} rows={3} {...text(flat, 'workReadinessProgram')} />
      </div>
      <Button type="submit" disabled={form.submitting}>
        {form.submitting ? t.app.saving : p.save}
      </Button>
    </Form>
  );
}

function PlanSummary({ view, plan }: { view: CaseView; plan: PlanView }) {
  const { t, label, lang } = useI18n();
  const p = t.cases.plan;
  const partners = usePartners();
  const member = (id: string | null) =>
    view.household.find((m) => m.id === id)?.name ?? p.personSelf;
  return (
    <div className="max-w-4xl" data-testid="plan-summary">
      {plan.changeReason && (
        <p className="mb-2">
          <strong>{p.changeReason}</strong>：{plan.changeReason}
        </p>
      )}
      <p className="mb-2 whitespace-pre-wrap">
        <strong>{p.longTermGoal}</strong>：{plan.longTermGoal}
      </p>
      <p className="mb-4">
        <strong>{p.period}</strong>：{formatDate(plan.periodStart, lang)} 〜{' '}
        {formatDate(plan.periodEnd, lang)}
      </p>
      <h3 className="text-std-17B-170">{p.goals}</h3>
      <ol className="mb-4 list-decimal pl-6">
        {plan.goals.map((g) => (
          <li key={g.id}>
            {g.goal}
            {g.indicator && <span className="text-solid-gray-700">（{g.indicator}）</span>}
          </li>
        ))}
      </ol>
      <h3 className="text-std-17B-170">{p.services}</h3>
      <div className="mb-4 overflow-x-auto">
        <table className="w-full border-collapse text-left text-dns-16N-130">
          <thead>
            <tr className="border-b-2 border-solid-gray-300">
              <th className="p-2">{p.content}</th>
              <th className="p-2">{p.provider}</th>
              <th className="p-2">{p.member}</th>
              <th className="p-2">{p.serviceClass}</th>
              <th className="p-2">{p.frequency}</th>
            </tr>
          </thead>
          <tbody>
            {plan.services.map((s) => (
              <tr key={s.id} className="border-b border-solid-gray-200">
                <td className="p-2">{s.content}</td>
                <td className="p-2">
                  {s.socialResourceName ||
                    partners.name(s.providerPartnerAgencyId) ||
                    s.providerName}
                </td>
                <td className="p-2">{member(s.householdMemberId)}</td>
                <td className="p-2">{s.serviceClass}</td>
                <td className="p-2">{s.frequency}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="mb-2">
        <strong>{p.monitoringDates}</strong>：
        {plan.monitoringDates.map((d) => formatDate(d, lang)).join('、')}
      </p>
      <p className="mb-2">
        <strong>{p.programmes}</strong>：
        {plan.programmes.map((x) => label(statutoryProgrammeLabels[x])).join('、')}
        {plan.employmentSupportTarget && `（${p.employmentTarget}）`}
      </p>
      {plan.personWords && (
        <p className="mb-2 whitespace-pre-wrap">
          <strong>{p.personWords}</strong>：{plan.personWords}
        </p>
      )}
      {plan.decision && (
        <p className="mb-2">
          <strong>{p.decision}</strong>：{plan.decision.kind === 'decision' ? p.decide : p.confirm}
          （{formatDate(plan.decision.decidedOn, lang)}、{view.staff[plan.decision.decidedBy] ?? ''}
          ）
        </p>
      )}
    </div>
  );
}

export function PlanSteps({
  view,
  plan,
  idPrefix = '',
}: {
  view: CaseView;
  plan: PlanView;
  /** Put before every element id, where one page shows the steps of several plans. */
  idPrefix?: string;
}) {
  const { t, label } = useI18n();
  const p = t.cases.plan;
  const { error, run } = useCaseStep(view.case.id);
  const [note, setNote] = useState('');
  const [on, setOn] = useState(todayInJapan());
  const [kind, setKind] = useState<'decision' | 'confirmation'>(
    plan.programmes.length > 0 ? 'decision' : 'confirmation',
  );
  const [decided, setDecided] = useState<string[]>(plan.programmes);
  const a = plan.abilities;
  const step = (name: 'submit' | 'return' | 'adopt') =>
    run(() =>
      api.cases[':id'].plans[':childId'][':step{submit|return|adopt}'].$post({
        param: { id: view.case.id, childId: plan.id, step: name },
        json: { version: plan.version, caseVersion: view.case.version, note, on },
      }),
    );
  if (!a.submit && !a.adopt && !a.return && !a.decide && !a.activate) return null;
  return (
    <div
      className="mt-6 max-w-3xl rounded-12 border-2 border-blue-900 p-4"
      data-testid="plan-steps"
    >
      {error && (
        <Notice tone="error" title={error.message}>
          {Object.values(error.fields).length > 0 && <p>{Object.values(error.fields).join(' ')}</p>}
        </Notice>
      )}
      {a.submit && <Button onClick={() => void step('submit')}>{p.submit}</Button>}
      {(a.adopt || a.return) && (
        <div>
          <DateField
            id={`${idPrefix}adoptedOn`}
            label={p.adoptedOn}
            value={on}
            onChange={(e) => setOn(e.target.value)}
          />
          <TextArea
            id={`${idPrefix}adoptionNote`}
            label={p.adoptionNote}
            rows={2}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          <div className="flex flex-wrap gap-3">
            {a.adopt && <Button onClick={() => void step('adopt')}>{p.adopt}</Button>}
            {a.return && (
              <Button variant="secondary" onClick={() => void step('return')}>
                {p.returnPlan}
              </Button>
            )}
          </div>
        </div>
      )}
      {a.decide && (
        <div data-testid="support-decision">
          <h3 className="mb-2 text-std-20B-150">{p.decision}</h3>
          <RadioGroup
            id={`${idPrefix}decisionKind`}
            label={p.decisionKind}
            required
            inline={false}
            options={[
              { value: 'decision', label: p.decide },
              { value: 'confirmation', label: p.confirm },
            ]}
            value={kind}
            onChange={(v) => setKind(v as 'decision' | 'confirmation')}
          />
          <DateField
            id={`${idPrefix}decidedOn`}
            label={p.decidedOn}
            required
            value={on}
            onChange={(e) => setOn(e.target.value)}
            error={error?.fields.decidedOn}
          />
          {kind === 'decision' && (
            <CheckboxGroup
              id={`${idPrefix}programmesDecided`}
              label={p.programmesDecided}
              required
              options={optionsOf(statutoryProgrammes, statutoryProgrammeLabels, label)}
              value={decided}
              onChange={setDecided}
              error={error?.fields.programmesDecided}
            />
          )}
          <TextArea
            id={`${idPrefix}decisionNote`}
            label={p.decisionNote}
            rows={2}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          <Button
            onClick={() =>
              void run(() =>
                api.cases[':id'].plans[':childId'].decision.$post({
                  param: { id: view.case.id, childId: plan.id },
                  json: {
                    version: plan.version,
                    caseVersion: view.case.version,
                    kind,
                    decidedOn: on,
                    // Codes from the checkbox list; the server validates them.
                    programmesDecided: decided as (typeof statutoryProgrammes)[number][],
                    note,
                  },
                }),
              )
            }
          >
            {p.recordDecision}
          </Button>
        </div>
      )}
      {a.activate && (
        <Button
          onClick={() =>
            void run(() =>
              api.cases[':id'].plans[':childId'].activation.$post({
                param: { id: view.case.id, childId: plan.id },
                json: { version: plan.version, caseVersion: view.case.version, note: null, on },
              }),
            )
          }
        >
          {p.activate}
        </Button>
      )}
    </div>
  );
}

function PlanChange({ view }: { view: CaseView }) {
  const { t } = useI18n();
  const p = t.cases.plan;
  const [reason, setReason] = useState('');
  const { error, run } = useCaseStep(view.case.id);
  const create = () =>
    run(async () => {
      await api.cases[':id']['plan-changes'].$post({
        param: { id: view.case.id },
        json: { changeReason: reason },
      });
      setReason('');
    });
  return (
    <Section title={p.change}>
      <p className="mb-4 max-w-3xl">{p.changeLead}</p>
      {error && Object.keys(error.fields).length === 0 && (
        <Notice tone="error" title={error.message} />
      )}
      <div className="max-w-3xl">
        <TextArea
          id="planChangeReason"
          label={p.changeReason}
          required
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={error?.fields.changeReason}
        />
        <Button variant="secondary" onClick={() => void create()}>
          {p.change}
        </Button>
      </div>
    </Section>
  );
}

function planTitle(t: ReturnType<typeof useI18n>['t'], plan: { planNo: number; revision: number }) {
  const p = t.cases.plan;
  const base = plan.planNo === 1 ? p.initial : fill(p.replan, { n: plan.planNo - 1 });
  return plan.revision > 0 ? `${base}・${fill(p.revisionLabel, { n: plan.revision })}` : base;
}

export function PlanTab({ view }: { view: CaseView }) {
  const { t, label, lang } = useI18n();
  const p = t.cases.plan;
  const [selected, setSelected] = useState<string | null>(null);
  const { error, run } = useCaseStep(view.case.id);
  const current =
    view.plans.find((x) => x.id === selected) ??
    [...view.plans].reverse().find((x) => x.status !== 'superseded' && x.status !== 'closed') ??
    view.plans.at(-1);
  const plan = useQuery({
    queryKey: ['plan', current?.id, current?.status],
    queryFn: async () =>
      (
        await api.cases[':id'].plans[':childId'].$get({
          param: { id: view.case.id, childId: current?.id ?? '' },
        })
      ).json(),
    enabled: Boolean(current),
  });
  const hasDraft = view.plans.some((x) => x.revision === 0 && x.status === 'draft');
  const canCreate =
    view.abilities.update &&
    (view.case.status === 'assessing' || view.case.status === 'planning') &&
    !hasDraft;
  const canChange =
    view.abilities.update &&
    (view.case.status === 'in_support' || view.case.status === 'monitoring') &&
    !view.plans.some(
      (x) => x.revision > 0 && ['draft', 'under_review', 'adopted', 'decided'].includes(x.status),
    );
  const create = () =>
    run(async () => {
      const created = await (
        await api.cases[':id'].plans.$post({
          param: { id: view.case.id },
          json: { caseVersion: view.case.version },
        })
      ).json();
      setSelected(created.planId);
    });
  return (
    <div>
      <p className="mb-4 max-w-3xl">{p.lead}</p>
      {view.deadlines.planDueOn && !view.plans.some((x) => x.submittedOn) && (
        <p className={`mb-4 ${view.deadlines.planOverdue ? 'font-bold text-error-1' : ''}`}>
          {view.deadlines.planOverdue
            ? fill(p.overdue, { date: formatDate(view.deadlines.planDueOn, lang) })
            : fill(p.dueOn, { date: formatDate(view.deadlines.planDueOn, lang) })}
        </p>
      )}
      {error && <Notice tone="error" title={error.message} />}
      {view.plans.length === 0 && <p className="mb-4">{p.none}</p>}
      {view.plans.length > 0 && (
        <nav aria-label={p.title} className="mb-4 flex flex-wrap items-center gap-2">
          {view.plans.map((x) => (
            <button
              key={x.id}
              type="button"
              aria-current={x.id === current?.id}
              onClick={() => setSelected(x.id)}
              className={`rounded-8 border-2 px-3 py-1 ${x.id === current?.id ? 'border-blue-900 bg-blue-50' : 'border-solid-gray-300'}`}
            >
              {planTitle(t, x)}（{label(planStatusLabels[x.status])}）
            </button>
          ))}
          {current && (
            <Link to={`/cases/${view.case.id}/print/plan?plan=${current.id}`} className="ml-auto">
              {p.print}
            </Link>
          )}
        </nav>
      )}
      {canCreate && (
        <Button className="mb-6" onClick={() => void create()}>
          {view.plans.length > 0 ? p.createReplan : p.create}
        </Button>
      )}
      {current &&
        (plan.data ? (
          <Section
            title={`${planTitle(t, current)}（${label(planStatusLabels[plan.data.status])}）`}
          >
            {plan.data.abilities.update ? (
              <PlanEditor
                key={`${plan.data.id}-${plan.data.version}`}
                view={view}
                plan={plan.data}
              />
            ) : (
              <PlanSummary view={view} plan={plan.data} />
            )}
            <PlanSteps
              key={`steps-${plan.data.id}-${plan.data.version}`}
              view={view}
              plan={plan.data}
            />
          </Section>
        ) : (
          <QueryState error={plan.error} />
        ))}
      {canChange && <PlanChange view={view} />}
    </div>
  );
}
