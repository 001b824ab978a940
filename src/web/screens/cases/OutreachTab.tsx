import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { Link } from 'react-router';
import { type DetectionSource, detectionSourceLabels } from '../../../domain/cases/vocabulary';
import {
  type EscalationTarget,
  escalationTargetLabels,
  escalationTargets,
  type OutreachChannel,
  type OutreachOutcome,
  outreachChannelLabels,
  outreachChannels,
  outreachOutcomeLabels,
  outreachOutcomes,
} from '../../../domain/participation/outreach';
import { formatDateTimeJapan } from '../../../domain/text/wareki';
import type { OutreachView } from '../../../server/outreach/get-outreach';
import { api } from '../../api/client';
import { Button } from '../../components/Button';
import { DateField } from '../../components/DateField';
import { Disclosure } from '../../components/Disclosure';
import { SelectField, TextArea, TextField } from '../../components/fields';
import { QueryState } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { optionsOf } from '../../components/options';
import { Section } from '../../components/Page';
import { Form } from '../../forms/Form';
import { FormFeedback } from '../../forms/FormFeedback';
import { asFlat, text } from '../../forms/flat-form';
import { unwrap, useRecordForm } from '../../forms/use-record-form';
import { formatDate, formatDateTime } from '../../i18n/format';
import { fill, useI18n } from '../../i18n/i18n';
import { type CaseView, usePartners, useRefreshCase } from './case-data';

type Attempt = OutreachView['attempts'][number];
type Escalation = OutreachView['escalations'][number];
const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** A moment as the datetime-local field wants it, in Japan time: 2026-04-01T09:05. */
const localMoment = (moment: unknown) =>
  formatDateTimeJapan(moment ? String(moment) : new Date()).replace(' ', 'T');

function useOutreach(caseId: string) {
  return useQuery({
    queryKey: ['outreach', caseId],
    queryFn: async () => (await api.cases[':id'].outreach.$get({ param: { id: caseId } })).json(),
  });
}

/** After a save: the outreach history, and the case (its timeline and contact records). */
function useRefreshOutreach(caseId: string) {
  const queryClient = useQueryClient();
  const refreshCase = useRefreshCase(caseId);
  return useCallback(async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ['outreach', caseId] }),
      refreshCase(),
    ]);
  }, [queryClient, caseId, refreshCase]);
}

const unwrapAttempt = unwrap('attempt.');

function AttemptForm({ caseId, existing }: { caseId: string; existing: Attempt | null }) {
  const { t, label } = useI18n();
  const o = t.participation.outreach;
  const refresh = useRefreshOutreach(caseId);
  const toValues = (a: Record<string, unknown>) => ({
    occurredAt: localMoment(a.occurredAt),
    channel: str(a.channel) || 'letter',
    outcome: str(a.outcome) || 'no_answer',
    via: str(a.via),
    summary: str(a.summary),
    place: str(a.place),
    personState: str(a.personState),
    nextStep: str(a.nextStep),
    nextApproachOn: str(a.nextApproachOn),
  });
  const form = useRecordForm<Record<string, unknown>, unknown>({
    formKey: existing ? `outreach-attempt:${existing.id}` : `outreach-attempt:${caseId}:new`,
    errorKey: unwrapAttempt,
    initial: toValues(existing ?? {}),
    version: existing?.version ?? null,
    fromRecord: toValues,
    submit: async (values, version) => {
      // Fixed lists and typed text; the server validates them.
      type Body = Parameters<(typeof api.cases)[':id']['outreach']['attempts']['$post']>[0]['json'];
      if (existing) {
        return (
          await api.cases[':id'].outreach.attempts[':childId'].$put({
            param: { id: caseId, childId: existing.id },
            json: { version: version ?? 1, attempt: values as Body },
          })
        ).json();
      }
      return (
        await api.cases[':id'].outreach.attempts.$post({
          param: { id: caseId },
          json: values as Body,
        })
      ).json();
    },
    // An edited attempt's entry is keyed by its version: wait for the new one (see Form).
    onSaved: () => {
      if (!existing) form.reset(toValues({}), null);
      return refresh();
    },
  });
  const idPrefix = existing ? `attempt-${existing.id}-` : undefined;
  const flat = asFlat(form, idPrefix);
  const through =
    form.values.channel === 'through_family' || form.values.channel === 'through_key_person';
  return (
    <Form
      form={form}
      className="max-w-3xl"
      data-testid={existing ? 'attempt-edit' : 'attempt-form'}
    >
      <FormFeedback
        form={form}
        labels={{
          occurredAt: o.occurredAt,
          channel: o.channel,
          outcome: o.outcome,
          via: o.via,
          summary: o.summary,
          nextStep: o.nextStep,
          nextApproachOn: o.nextApproachOn,
        }}
        idPrefix={idPrefix}
      />
      <div className="grid gap-x-4 sm:grid-cols-3">
        <TextField
          label={o.occurredAt}
          required
          type="datetime-local"
          {...text(flat, 'occurredAt')}
        />
        <SelectField
          label={o.channel}
          required
          options={optionsOf(outreachChannels, outreachChannelLabels, label)}
          {...text(flat, 'channel')}
        />
        <SelectField
          label={o.outcome}
          required
          options={optionsOf(outreachOutcomes, outreachOutcomeLabels, label)}
          {...text(flat, 'outcome')}
        />
      </div>
      {through && <TextField label={o.via} hint={o.viaHint} required {...text(flat, 'via')} />}
      <TextArea label={o.summary} required rows={3} {...text(flat, 'summary')} />
      <div className="grid gap-x-4 sm:grid-cols-[2fr_1fr]">
        <TextArea label={o.nextStep} rows={2} {...text(flat, 'nextStep')} />
        <DateField label={o.nextApproachOn} {...text(flat, 'nextApproachOn')} />
      </div>
      <details className="mb-6" open={Boolean(existing?.place || existing?.personState)}>
        <summary className="cursor-pointer text-blue-1000 underline">{o.more}</summary>
        <div className="mt-3">
          <TextField label={o.place} {...text(flat, 'place')} />
          <TextArea label={o.personState} rows={2} {...text(flat, 'personState')} />
        </div>
      </details>
      <Button type="submit" disabled={form.submitting}>
        {form.submitting ? t.app.saving : existing ? t.app.save : o.add}
      </Button>
    </Form>
  );
}

const unwrapEscalation = unwrap('escalation.');

function EscalationForm({
  caseId,
  attempts,
  existing,
}: {
  caseId: string;
  attempts: Attempt[];
  existing: Escalation | null;
}) {
  const { t, label, lang } = useI18n();
  const o = t.participation.outreach;
  const partners = usePartners();
  const refresh = useRefreshOutreach(caseId);
  const toValues = (e: Record<string, unknown>) => ({
    observedAt: localMoment(e.observedAt),
    observed: str(e.observed),
    escalatedTo: str(e.escalatedTo),
    partnerAgencyId: str(e.partnerAgencyId),
    escalatedToName: str(e.escalatedToName),
    escalatedAt: localMoment(e.escalatedAt),
    response: str(e.response),
    attemptId: str(e.attemptId),
  });
  const form = useRecordForm<Record<string, unknown>, unknown>({
    formKey: existing ? `outreach-escalation:${existing.id}` : `outreach-escalation:${caseId}:new`,
    errorKey: unwrapEscalation,
    initial: toValues(existing ?? {}),
    version: existing?.version ?? null,
    fromRecord: toValues,
    submit: async (values, version) => {
      type Body = Parameters<
        (typeof api.cases)[':id']['outreach']['escalations']['$post']
      >[0]['json'];
      if (existing) {
        return (
          await api.cases[':id'].outreach.escalations[':childId'].$put({
            param: { id: caseId, childId: existing.id },
            json: { version: version ?? 1, escalation: values as Body },
          })
        ).json();
      }
      return (
        await api.cases[':id'].outreach.escalations.$post({
          param: { id: caseId },
          json: values as Body,
        })
      ).json();
    },
    // An edited escalation's entry is keyed by its version: wait for the new one.
    onSaved: () => {
      if (!existing) form.reset(toValues({}), null);
      return refresh();
    },
  });
  const idPrefix = existing ? `escalation-${existing.id}-` : undefined;
  const flat = asFlat(form, idPrefix);
  return (
    <Form form={form} className="max-w-3xl" data-testid="escalation-form">
      <FormFeedback
        form={form}
        labels={{
          observedAt: o.observedAt,
          observed: o.observed,
          escalatedTo: o.escalatedTo,
          escalatedToName: o.escalatedToName,
          escalatedAt: o.escalatedAt,
        }}
        idPrefix={idPrefix}
      />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <TextField
          label={o.observedAt}
          required
          type="datetime-local"
          {...text(flat, 'observedAt')}
        />
        <SelectField
          label={o.attempt}
          placeholder=""
          options={attempts.map((a) => ({
            value: a.id,
            label: `${formatDateTime(a.occurredAt, lang)} ${label(outreachChannelLabels[a.channel])}`,
          }))}
          {...text(flat, 'attemptId')}
        />
      </div>
      <TextArea label={o.observed} required rows={3} {...text(flat, 'observed')} />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <SelectField
          label={o.escalatedTo}
          required
          placeholder=""
          options={optionsOf(escalationTargets, escalationTargetLabels, label)}
          {...text(flat, 'escalatedTo')}
        />
        <TextField
          label={o.escalatedAt}
          required
          type="datetime-local"
          {...text(flat, 'escalatedAt')}
        />
      </div>
      <div className="grid gap-x-4 sm:grid-cols-2">
        <SelectField
          label={o.partnerAgency}
          placeholder=""
          options={partners.options}
          {...text(flat, 'partnerAgencyId')}
        />
        <TextField label={o.escalatedToName} {...text(flat, 'escalatedToName')} />
      </div>
      <TextArea label={o.response} rows={2} {...text(flat, 'response')} />
      <Button type="submit" variant={existing ? 'secondary' : 'primary'} disabled={form.submitting}>
        {form.submitting ? t.app.saving : o.saveEscalation}
      </Button>
    </Form>
  );
}

/** What the history line leaves out: the whole account, how the person seemed, the next step. */
function AttemptDetails({ attempt }: { attempt: Attempt }) {
  const { t, lang } = useI18n();
  const o = t.participation.outreach;
  return (
    <div className="text-dns-16N-130">
      {attempt.summary.length > 120 && <p className="whitespace-pre-wrap">{attempt.summary}</p>}
      {attempt.place && (
        <p>
          {o.place}：{attempt.place}
        </p>
      )}
      {attempt.personState && (
        <p className="whitespace-pre-wrap">
          {o.personState}：{attempt.personState}
        </p>
      )}
      {attempt.nextStep && (
        <p className="whitespace-pre-wrap">
          {o.nextStep}：{attempt.nextStep}
          {attempt.nextApproachOn ? `（${formatDate(attempt.nextApproachOn, lang)}）` : ''}
        </p>
      )}
    </div>
  );
}

/** One line of the outreach history, worded from its codes. */
function useHistoryText() {
  const { t, label } = useI18n();
  const h = t.participation.outreach.historyText;
  const partners = usePartners();
  return (entry: OutreachView['history'][number]): string => {
    const d = entry.data;
    switch (entry.kind) {
      case 'detection':
        return fill(h.detection, {
          source: [label(detectionSourceLabels[d.source as DetectionSource]), d.sourceDetail]
            .filter(Boolean)
            .join('・'),
        });
      case 'attempt':
        return fill(d.via ? h.attemptVia : h.attempt, {
          channel: label(outreachChannelLabels[d.channel as OutreachChannel]),
          outcome: label(outreachOutcomeLabels[d.outcome as OutreachOutcome]),
          via: str(d.via),
          summary: str(d.summary).slice(0, 120),
        });
      case 'escalation':
        return fill(h.escalation, {
          target:
            partners.name(str(d.partnerAgencyId)) ||
            str(d.escalatedToName) ||
            label(escalationTargetLabels[d.escalatedTo as EscalationTarget]),
        });
      case 'plan':
        return fill(h.plan, { n: str(d.planNo) });
      default:
        return h[entry.kind];
    }
  };
}

export function OutreachTab({ view }: { view: CaseView }) {
  const { t, label, lang } = useI18n();
  const o = t.participation.outreach;
  const caseId = view.case.id;
  const query = useOutreach(caseId);
  const historyText = useHistoryText();
  const data = query.data;
  if (!data) return <QueryState error={query.error} />;
  const next = data.nextApproach;
  return (
    <div>
      <p className="mb-6 max-w-3xl">{o.lead}</p>
      {data.consented ? (
        <Notice tone="success" title={o.consented} />
      ) : (
        <Notice tone="info">
          <p>{o.consentHint}</p>
          <Link to={`/cases/${caseId}/consent`}>{o.consentLink}</Link>
        </Notice>
      )}
      <Section title={o.next}>
        <div data-testid="next-approach">
          {!next ? (
            <p>{o.noNext}</p>
          ) : (
            <>
              {next.overdue && next.on && (
                <Notice
                  tone="warning"
                  title={fill(o.nextOverdue, { date: formatDate(next.on, lang) })}
                />
              )}
              {next.plan && <p className="whitespace-pre-wrap">{next.plan}</p>}
              {next.on && <p>{fill(o.nextOn, { date: formatDate(next.on, lang) })}</p>}
            </>
          )}
        </div>
      </Section>
      {data.abilities.update && (
        <Section title={o.add}>
          <AttemptForm caseId={caseId} existing={null} />
        </Section>
      )}
      <Section title={o.history}>
        {data.history.length === 0 && <p>{o.historyNone}</p>}
        <ol className="grid gap-2" data-testid="outreach-history">
          {data.history.map((entry) => {
            const attempt =
              entry.kind === 'attempt' ? data.attempts.find((a) => a.id === entry.id) : undefined;
            return (
              <li
                key={`${entry.kind}-${entry.id}-${attempt?.version ?? ''}`}
                className="grid gap-x-4 border-b border-solid-gray-200 pb-2 sm:grid-cols-[14rem_1fr]"
                data-kind={entry.kind}
              >
                <span className="text-dns-14N-130 text-solid-gray-700">
                  {entry.at.length > 10
                    ? formatDateTime(entry.at, lang)
                    : formatDate(entry.at, lang)}
                </span>
                <div>
                  <p>
                    {historyText(entry)}
                    {entry.data.actor
                      ? fill(o.by, { name: view.staff[str(entry.data.actor)] ?? '' })
                      : ''}
                  </p>
                  {attempt && <AttemptDetails attempt={attempt} />}
                  {attempt && data.abilities.update && (
                    <Disclosure summary={o.editAttempt}>
                      <div className="mt-3">
                        <AttemptForm caseId={caseId} existing={attempt} />
                      </div>
                    </Disclosure>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
      </Section>
      <Section title={o.escalations}>
        <p className="mb-4 max-w-3xl">{o.escalationLead}</p>
        {data.escalations.length === 0 && <p>{o.noEscalations}</p>}
        <ul className="grid gap-3" data-testid="escalation-list">
          {data.escalations.map((e) => (
            <li key={`${e.id}-${e.version}`} className="rounded-8 border-2 border-error-1 p-3">
              <p className="text-std-16B-170">
                {formatDateTime(e.escalatedAt, lang)}　
                {label(escalationTargetLabels[e.escalatedTo])}
                {e.escalatedToName ? `（${e.escalatedToName}）` : ''}
              </p>
              <p className="whitespace-pre-wrap">
                {o.observedAt}：{formatDateTime(e.observedAt, lang)}　{e.observed}
              </p>
              {e.response && (
                <p className="whitespace-pre-wrap text-dns-16N-130">
                  {o.response}：{e.response}
                </p>
              )}
              {data.abilities.update && (
                <Disclosure className="mt-2" summary={t.app.edit}>
                  <div className="mt-3">
                    <EscalationForm caseId={caseId} attempts={data.attempts} existing={e} />
                  </div>
                </Disclosure>
              )}
            </li>
          ))}
        </ul>
        {data.abilities.update && (
          <Disclosure className="mt-4" summary={o.addEscalation}>
            <div className="mt-3">
              <EscalationForm caseId={caseId} attempts={data.attempts} existing={null} />
            </div>
          </Disclosure>
        )}
      </Section>
    </div>
  );
}
