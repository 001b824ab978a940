import { useState } from 'react';
import { Link } from 'react-router';
import {
  canReferFrom,
  type ReferralAction,
  referralActionLabels,
  referralAlertLabels,
  referralEventLabels,
} from '../../../domain/referrals/referral-status';
import { todayInJapan } from '../../../domain/text/wareki';
import { api } from '../../api/client';
import { Button } from '../../components/Button';
import { DateField } from '../../components/DateField';
import { SelectField, TextArea } from '../../components/fields';
import { Notice } from '../../components/Notice';
import { Section } from '../../components/Page';
import { StepFieldset } from '../../components/StepFieldset';
import { formatDate, formatDateTime } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { type CaseView, useCaseStep, usePartners } from '../cases/case-data';
import { ActivityList } from './ActivityList';
import { NewReferralForm } from './NewReferralForm';
import { ReferralStatusBadge } from './ReferralStatusBadge';

type CaseReferral = CaseView['referrals'][number];

/** The sender's steps as the confirm form offers them, with the status each records. */
const confirmSteps: { action: ReferralAction; status: 'arrived' | 'not_arrived' | 'cancelled' }[] =
  [
    { action: 'confirm_arrival', status: 'arrived' },
    { action: 'confirm_not_arrived', status: 'not_arrived' },
    { action: 'cancel', status: 'cancelled' },
  ];

function ConfirmForm({ view, referral }: { view: CaseView; referral: CaseReferral }) {
  const { t, label } = useI18n();
  const r = t.referrals.confirm;
  const steps = confirmSteps.filter((s) => referral.abilities.actions.includes(s.action));
  const [status, setStatus] = useState<string>(steps[0]?.status ?? 'arrived');
  const [on, setOn] = useState(todayInJapan());
  const [note, setNote] = useState('');
  const { error, run, busy } = useCaseStep(view.case.id);
  if (steps.length === 0) return null;
  const id = (name: string) => `referral-${referral.id}-${name}`;
  const submit = () =>
    run(async () => {
      await api.cases[':id'].referrals[':childId'].$put({
        param: { id: view.case.id, childId: referral.id },
        json: {
          version: referral.version,
          status: status as 'arrived',
          confirmedOn: status === 'cancelled' ? '' : on,
          note,
        },
      });
    });
  return (
    <StepFieldset
      busy={busy}
      className="mt-4 max-w-2xl rounded-8 border border-solid-gray-300 p-4"
      data-testid="referral-confirm"
    >
      <legend className="px-2 text-std-17B-170">{r.title}</legend>
      {error && <Notice tone="error" title={error.message} />}
      <div className="grid gap-x-4 sm:grid-cols-2">
        <SelectField
          id={id('status')}
          label={r.outcome}
          options={steps.map((s) => ({
            value: s.status,
            label: label(referralActionLabels[s.action]),
          }))}
          value={status}
          onChange={(e) => setStatus(e.target.value)}
        />
        {status !== 'cancelled' && (
          <DateField
            id={id('on')}
            label={r.on}
            value={on}
            onChange={(e) => setOn(e.target.value)}
            error={error?.fields.confirmedOn}
          />
        )}
      </div>
      <TextArea
        id={id('note')}
        label={r.note}
        rows={2}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        error={error?.fields.note}
      />
      <Button variant="secondary" onClick={() => void submit()}>
        {r.submit}
      </Button>
    </StepFieldset>
  );
}

function NotedButton({ view, referral }: { view: CaseView; referral: CaseReferral }) {
  const { t } = useI18n();
  const { error, run } = useCaseStep(view.case.id);
  return (
    <div className="mt-2">
      {error && <Notice tone="error" title={error.message} />}
      <p className="mb-2">{t.referrals.noted.lead}</p>
      <Button
        variant="secondary"
        onClick={() =>
          void run(() =>
            api.cases[':id'].referrals[':childId'].noted.$post({
              param: { id: view.case.id, childId: referral.id },
              json: { version: referral.version },
            }),
          )
        }
      >
        {t.referrals.noted.submit}
      </Button>
    </div>
  );
}

function ReferralCard({ view, referral }: { view: CaseView; referral: CaseReferral }) {
  const { t, lang, label } = useI18n();
  const r = t.referrals.row;
  const partners = usePartners();
  const destination = partners.name(referral.partnerAgencyId) || referral.destinationName || '';
  const events = view.referralEvents.filter((e) => e.referralId === referral.id);
  const activities = view.partnerActivities.filter((a) => a.referralId === referral.id);
  const documents = view.attachments.filter((a) => referral.attachmentIds.includes(a.id));
  const staff = (id: string | null) => (id ? (view.staff[id] ?? '') : '');
  return (
    <li className="mb-6 rounded-8 border border-solid-gray-300 p-4" data-testid="referral">
      <div className="flex flex-wrap items-center gap-2">
        <p className="text-std-20B-150" data-testid="referral-destination">
          {destination}
        </p>
        <ReferralStatusBadge status={referral.status} />
        {!referral.partnerAgencyId && (
          <span className="rounded-4 bg-solid-gray-50 px-2 text-dns-14B-130">{r.outside}</span>
        )}
        {referral.accompanied && (
          <span className="rounded-4 bg-blue-50 px-2 text-dns-14B-130">{r.accompanied}</span>
        )}
        {referral.toPublicAssistance && (
          <span className="rounded-4 bg-blue-50 px-2 text-dns-14B-130">{r.publicAssistance}</span>
        )}
      </div>
      {referral.alert && (
        <Notice tone="warning" title={label(referralAlertLabels[referral.alert])}>
          {referral.responseReason && (
            <p className="whitespace-pre-wrap">
              {r.response}：{referral.responseReason}
            </p>
          )}
          {(referral.alert === 'declined' || referral.alert === 'returned') &&
            view.abilities.update && <NotedButton view={view} referral={referral} />}
        </Notice>
      )}
      <dl className="mt-3 grid max-w-3xl grid-cols-[auto_1fr] gap-x-6 gap-y-1">
        <dt className="text-solid-gray-700">{r.referredOn}</dt>
        <dd>{formatDate(referral.referredOn, lang)}</dd>
        {referral.dueOn && (
          <>
            <dt className="text-solid-gray-700">{r.dueOn}</dt>
            <dd>{formatDate(referral.dueOn, lang)}</dd>
          </>
        )}
        {referral.followUpOn && (
          <>
            <dt className="text-solid-gray-700">{r.followUpOn}</dt>
            <dd>{formatDate(referral.followUpOn, lang)}</dd>
          </>
        )}
        {referral.confirmedOn && (
          <>
            <dt className="text-solid-gray-700">{r.confirmedOn}</dt>
            <dd>{formatDate(referral.confirmedOn, lang)}</dd>
          </>
        )}
        {referral.reason && (
          <>
            <dt className="text-solid-gray-700">{r.reason}</dt>
            <dd className="whitespace-pre-wrap">{referral.reason}</dd>
          </>
        )}
        {referral.handOverSummary && (
          <>
            <dt className="text-solid-gray-700">{r.handOver}</dt>
            <dd className="whitespace-pre-wrap">{referral.handOverSummary}</dd>
          </>
        )}
        {documents.length > 0 && (
          <>
            <dt className="text-solid-gray-700">{r.documents}</dt>
            <dd>
              <ul>
                {documents.map((d) => (
                  <li key={d.id}>
                    <a href={`/api/cases/${view.case.id}/attachments/${d.id}`}>{d.fileName}</a>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {referral.respondedAt && referral.responseReason && !referral.alert && (
          <>
            <dt className="text-solid-gray-700">{r.response}</dt>
            <dd className="whitespace-pre-wrap">{referral.responseReason}</dd>
          </>
        )}
      </dl>
      <h3 className="mt-4 text-std-17B-170">{r.history}</h3>
      <ol className="mt-1" data-testid="referral-history">
        {events.map((e) => (
          <li key={e.id} className="text-dns-16N-130">
            {formatDateTime(e.occurredAt, lang)}　{label(referralEventLabels[e.event])}
            {e.actor && `（${staff(e.actor)}）`}
            {e.reason && <span className="ml-2 whitespace-pre-wrap">{e.reason}</span>}
          </li>
        ))}
      </ol>
      {activities.length > 0 && (
        <>
          <h3 className="mt-4 text-std-17B-170">{r.activities}</h3>
          <ActivityList items={activities} nameOf={staff} />
        </>
      )}
      <ConfirmForm view={view} referral={referral} />
    </li>
  );
}

function ContinueHere({ view }: { view: CaseView }) {
  const { t } = useI18n();
  const { error, run } = useCaseStep(view.case.id);
  return (
    <Notice tone="info">
      <p>{t.referrals.tab.referredOut}</p>
      {error && <p className="text-error-1">{error.message}</p>}
      <Button
        variant="secondary"
        className="mt-2"
        onClick={() =>
          void run(() =>
            api.cases[':id'].transitions.$post({
              param: { id: view.case.id },
              json: { version: view.case.version, action: 'triage_continue', reason: '' },
            }),
          )
        }
      >
        {t.referrals.tab.continueHere}
      </Button>
    </Notice>
  );
}

/**
 * The case's referrals (つなぎ): each with its status, the agency's answer, its history and what
 * the agency recorded; the follow-up until the person has arrived; a new referral during support.
 * A declined or returned referral asks the worker to decide what next.
 */
export function ReferralsTab({ view }: { view: CaseView }) {
  const { t } = useI18n();
  const tr = t.referrals.tab;
  const referrals = [...view.referrals].reverse();
  const answeredNo = view.referrals.some((r) => r.status === 'declined' || r.status === 'returned');
  return (
    <div>
      <p className="mb-6 max-w-3xl">{tr.lead}</p>
      {view.case.status === 'referred_out' &&
        answeredNo &&
        view.abilities.actions.includes('triage_continue') && <ContinueHere view={view} />}
      <Section title={tr.listTitle}>
        {referrals.length === 0 ? (
          <p>{tr.none}</p>
        ) : (
          <ul data-testid="referrals">
            {referrals.map((r) => (
              <ReferralCard key={`${r.id}-${r.version}`} view={view} referral={r} />
            ))}
          </ul>
        )}
      </Section>
      {view.abilities.update && (
        <Section title={tr.newTitle}>
          {canReferFrom(view.case.status) ? (
            <NewReferralForm key={view.referrals.length} view={view} />
          ) : (
            <p>
              {tr.notReferable}{' '}
              <Link to={`/cases/${view.case.id}/intake`}>{t.cases.case.tabs.intake}</Link>
            </p>
          )}
        </Section>
      )}
    </div>
  );
}
