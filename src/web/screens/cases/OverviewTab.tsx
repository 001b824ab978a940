import { useState } from 'react';
import { Link } from 'react-router';
import {
  type CaseAction,
  type CaseStatus,
  caseActionLabels,
  caseStatusLabels,
  type StatusOnlyAction,
  statusOnlyActions,
} from '../../../domain/cases/case-status';
import {
  type ContactMode,
  consultationTopicLabels,
  contactModeLabels,
  type EmergencyKind,
  type EvaluationDecision,
  emergencyKindLabels,
  evaluationDecisionLabels,
  type TerminationReason,
  terminationReasonLabels,
} from '../../../domain/cases/vocabulary';
import { api } from '../../api/client';
import { Button } from '../../components/Button';
import { SelectField, TextArea } from '../../components/fields';
import { Notice } from '../../components/Notice';
import { Section } from '../../components/Page';
import { formatDate, formatDateTime } from '../../i18n/format';
import { fill, useI18n } from '../../i18n/i18n';
import { referralTimelineText } from '../referrals/referral-text';
import { type CaseView, useCaseStaff, useCaseStep, usePartners } from './case-data';
import { outreachTimelineText } from './outreach-timeline';

/** Where each action is done, when it needs more than a reason. */
const actionTab: Partial<Record<CaseAction, string>> = {
  record_intake: 'intake',
  triage_continue: 'intake',
  triage_refer_out: 'intake',
  triage_info_only: 'intake',
  record_application: 'consent',
  start_assessment: 'assessment',
  start_planning: 'plan',
  submit_plan: 'plan',
  return_plan: 'plan',
  adopt_plan: 'plan',
  decide_support: 'plan',
  start_support: 'plan',
  replan: 'monitoring',
  continue_support: 'monitoring',
  terminate: 'closure',
  interrupt: 'closure',
};

const isStatusOnly = (a: CaseAction): a is StatusOnlyAction =>
  (statusOnlyActions as readonly string[]).includes(a) &&
  a !== 'start_assessment' &&
  a !== 'start_support';

function SimpleAction({ view, action }: { view: CaseView; action: StatusOnlyAction }) {
  const { t, label } = useI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const { error, run } = useCaseStep(view.case.id);
  const take = () =>
    run(async () => {
      await api.cases[':id'].transitions.$post({
        param: { id: view.case.id },
        json: { version: view.case.version, action, reason },
      });
      setOpen(false);
      setReason('');
    });
  const name = label(caseActionLabels[action]);
  if (!open) {
    return (
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {name}
      </Button>
    );
  }
  return (
    <div
      className="w-full max-w-2xl rounded-8 border-2 border-blue-900 p-4"
      data-testid={`confirm-${action}`}
    >
      <p className="mb-2">{fill(t.cases.case.confirmAction, { action: name })}</p>
      {error && Object.keys(error.fields).length === 0 && (
        <Notice tone="error" title={error.message} />
      )}
      <TextArea
        id={`reason-${action}`}
        label={t.cases.case.reason}
        hint={action === 'reopen' ? t.cases.case.reasonHint : undefined}
        required={action === 'reopen'}
        rows={2}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={error?.fields.reason}
      />
      <div className="flex gap-3">
        <Button onClick={() => void take()}>{t.cases.case.run}</Button>
        <Button variant="tertiary" onClick={() => setOpen(false)}>
          {t.app.cancel}
        </Button>
      </div>
    </div>
  );
}

function Assignment({ view }: { view: CaseView }) {
  const { t } = useI18n();
  const options = useCaseStaff();
  const [lead, setLead] = useState(view.case.leadWorkerId ?? '');
  const { error, run } = useCaseStep(view.case.id);
  const save = () =>
    run(async () => {
      await api.cases[':id'].assignment.$put({
        param: { id: view.case.id },
        json: { version: view.case.version, leadWorkerId: lead, teamUserIds: view.team },
      });
    });
  return (
    <Section title={t.cases.case.assign}>
      {error && <Notice tone="error" title={error.message} />}
      <div className="flex max-w-2xl flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1">
          <SelectField
            id="leadWorkerId"
            label={t.cases.case.leadWorker}
            options={options}
            value={lead}
            onChange={(e) => setLead(e.target.value)}
            error={error?.fields.leadWorkerId}
          />
        </div>
        <Button variant="secondary" className="mb-6" onClick={() => void save()}>
          {t.cases.case.saveAssign}
        </Button>
      </div>
    </Section>
  );
}

/** One line of the timeline, worded from its codes. */
function useTimelineText() {
  const { t, label, lang } = useI18n();
  const tl = t.cases.timeline;
  const partners = usePartners();
  return (entry: CaseView['timeline'][number], view: CaseView): string => {
    const d = entry.data;
    const by = d.actor ? fill(tl.by, { name: view.staff[String(d.actor)] ?? '' }) : '';
    switch (entry.kind) {
      case 'transition': {
        if (d.action === 'open_intake') return tl.openIntake + by;
        if (d.action === 'open_detection') return tl.openDetection + by;
        const action = d.action as CaseAction;
        const text = caseActionLabels[action] ? label(caseActionLabels[action]) : String(d.action);
        const to = label(caseStatusLabels[d.to as CaseStatus]);
        return `${text} → ${to}${d.reason ? `（${d.reason}）` : ''}${by}`;
      }
      case 'contact':
        return (
          (outreachTimelineText(entry, { t, label, partnerName: partners.name }) ??
            fill(d.reached ? tl.contact : tl.contactNotReached, {
              mode: label(contactModeLabels[d.mode as ContactMode]),
              summary: String(d.summary ?? '').slice(0, 80),
            })) + by
        );
      case 'escalation':
        return (outreachTimelineText(entry, { t, label, partnerName: partners.name }) ?? '') + by;
      case 'consent':
        return tl.consent;
      case 'consent_withdrawn':
        return tl.consentWithdrawn;
      case 'emergency':
        return fill(tl.emergency, {
          kind: label(emergencyKindLabels[d.emergencyKind as EmergencyKind]),
        });
      case 'referral_event':
      case 'partner_activity':
        return referralTimelineText(entry, {
          t,
          lang,
          label,
          partnerName: partners.name,
          staffName: (id) => view.staff[id] ?? '',
        });
      case 'assessment':
        return fill(tl.assessment, { n: String(d.versionNo) });
      case 'plan_change':
        return fill(tl.planChange, { plan: String(d.planNo), revision: String(d.revision) });
      case 'decision':
        return (
          fill(tl.decision, {
            kind: d.decisionKind === 'decision' ? t.cases.plan.decide : t.cases.plan.confirm,
          }) + by
        );
      case 'monitoring':
        return tl.monitoring;
      case 'evaluation':
        return fill(tl.evaluation, {
          decision: label(evaluationDecisionLabels[d.decision as EvaluationDecision]),
        });
      case 'closure':
        return fill(tl.closure, {
          kind:
            d.closureKind === 'termination'
              ? t.cases.closure.termination
              : t.cases.closure.interruption,
          reason: d.reason ? label(terminationReasonLabels[d.reason as TerminationReason]) : '',
        });
    }
  };
}

export function OverviewTab({ view }: { view: CaseView }) {
  const { t, lang, label } = useI18n();
  const c = t.cases;
  const timelineText = useTimelineText();
  const actions = view.abilities.actions;
  return (
    <div>
      {view.deadlines.planOverdue && view.deadlines.planDueOn && (
        <Notice
          tone="warning"
          title={fill(c.plan.overdue, { date: formatDate(view.deadlines.planDueOn, lang) })}
        />
      )}
      <Section title={c.case.nextSteps}>
        {actions.length === 0 ? (
          <p>{c.case.noNextSteps}</p>
        ) : (
          <div className="flex flex-wrap gap-3" data-testid="next-steps">
            {actions.map((action) =>
              isStatusOnly(action) ? (
                <SimpleAction key={action} view={view} action={action} />
              ) : (
                <Link
                  key={action}
                  to={`/cases/${view.case.id}/${actionTab[action] ?? ''}`}
                  className="inline-flex min-h-11 items-center rounded-8 border-2 border-blue-900 px-4 py-2 text-std-16B-170 text-blue-900 no-underline hover:bg-blue-50"
                >
                  {label(caseActionLabels[action])}
                </Link>
              ),
            )}
          </div>
        )}
      </Section>
      <dl className="mb-8 grid max-w-2xl grid-cols-[auto_1fr] gap-x-6 gap-y-2">
        <dt className="text-solid-gray-700">{c.case.opened}</dt>
        <dd>{formatDate(view.case.openedOn, lang)}</dd>
        {view.case.intakeOn && (
          <>
            <dt className="text-solid-gray-700">{c.case.intakeOn}</dt>
            <dd>{formatDate(view.case.intakeOn, lang)}</dd>
          </>
        )}
        {view.intake && (
          <>
            <dt className="text-solid-gray-700">{c.intake.mainTopic}</dt>
            <dd>{label(consultationTopicLabels[view.intake.mainTopic])}</dd>
          </>
        )}
        {view.case.closedOn && (
          <>
            <dt className="text-solid-gray-700">{c.case.closedOn}</dt>
            <dd>{formatDate(view.case.closedOn, lang)}</dd>
          </>
        )}
      </dl>
      <Section title={c.case.timeline}>
        <ol className="grid gap-2" data-testid="timeline">
          {view.timeline.map((entry) => (
            <li
              key={`${entry.kind}-${entry.id}`}
              className="grid gap-x-4 border-b border-solid-gray-200 pb-2 sm:grid-cols-[14rem_1fr]"
            >
              <span className="text-dns-14N-130 text-solid-gray-700">
                {entry.at.length > 10 ? formatDateTime(entry.at, lang) : formatDate(entry.at, lang)}
              </span>
              <span>{timelineText(entry, view)}</span>
            </li>
          ))}
        </ol>
      </Section>
      {view.abilities.assign && <Assignment view={view} />}
    </div>
  );
}
