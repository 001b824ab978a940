import { useState } from 'react';
import { Link } from 'react-router';
import {
  referralActionLabels,
  referralAlertLabels,
} from '../../../domain/referrals/referral-status';
import { api } from '../../api/client';
import { useSession } from '../../api/session';
import { Button } from '../../components/Button';
import { Checkbox, TextArea } from '../../components/fields';
import { QueryState } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { Page, Section } from '../../components/Page';
import { StepFieldset } from '../../components/StepFieldset';
import { formatDate } from '../../i18n/format';
import { fill, useI18n } from '../../i18n/i18n';
import { ForbiddenPage } from '../errors/ErrorPages';
import { ReferralStatusBadge } from './ReferralStatusBadge';
import { type ReferralListItem, useReferralStep, useReferrals } from './referral-data';

/** The receiver's answers, in the order the buttons show them. */
const answers = ['accept', 'decline', 'return'] as const;
type Answer = (typeof answers)[number];

/** The receiver's answer to one referral: accept, decline or return, the last two with the reason. */
function AnswerForm({ item }: { item: ReferralListItem }) {
  const { t, label } = useI18n();
  const r = t.referrals.respond;
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const { error, run, busy } = useReferralStep();
  const actions = answers.filter((a) => item.abilities.actions.includes(a));
  if (actions.length === 0) return null;
  const id = `answer-${item.id}-reason`;
  const answer = (response: Answer) =>
    run(async () => {
      await api.referrals[':id'].response.$post({
        param: { id: item.id },
        json: { version: item.version, response, reason },
      });
      setDone(
        response === 'accept' ? r.accepted : response === 'decline' ? r.declined : r.returned,
      );
    });
  return (
    <StepFieldset busy={busy} className="mt-3 max-w-2xl" data-testid="answer">
      <legend className="text-std-17B-170">{r.title}</legend>
      {done && <Notice tone="success" title={done} />}
      {error && Object.keys(error.fields).length === 0 && (
        <Notice tone="error" title={error.message} />
      )}
      <TextArea
        id={id}
        label={r.reason}
        hint={r.reasonHint}
        rows={2}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={error?.fields.reason}
      />
      <div className="flex flex-wrap gap-3">
        {actions.map((a) => (
          <Button
            key={a}
            variant={a === 'accept' ? 'primary' : 'secondary'}
            onClick={() => void answer(a)}
          >
            {label(referralActionLabels[a])}
          </Button>
        ))}
      </div>
    </StepFieldset>
  );
}

/** Partner staff: the referrals sent to their agency, answered from here. */
function PartnerInbox() {
  const { t, lang } = useI18n();
  const p = t.referrals.page;
  const [awaiting, setAwaiting] = useState(false);
  const query = useReferrals({ attention: awaiting });
  const items = query.data?.items ?? [];
  return (
    <Page title={p.title} lead={p.partnerLead}>
      <Checkbox
        id="awaiting-only"
        label={p.awaitingOnly}
        checked={awaiting}
        onChange={setAwaiting}
      />
      <Section title={p.inbox}>
        {!query.data ? (
          <QueryState error={query.error} />
        ) : items.length === 0 ? (
          <p>{p.none}</p>
        ) : (
          <ul className="grid gap-4" data-testid="inbox">
            {items.map((item) => (
              <li
                key={`${item.id}-${item.version}`}
                className="rounded-8 border border-solid-gray-300 p-4"
                data-testid="inbox-item"
              >
                <div className="flex flex-wrap items-center gap-3">
                  <Link to={`/shared-cases/${item.caseId}`} className="text-std-20B-150">
                    {item.personName}
                  </Link>
                  {item.personKana && <span>{item.personKana}</span>}
                  {item.age !== null && <span>{fill(p.age, { age: item.age })}</span>}
                  <ReferralStatusBadge status={item.status} />
                </div>
                <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-6 gap-y-1">
                  <dt className="text-solid-gray-700">{p.from}</dt>
                  <dd>
                    {item.senderAgency}
                    {item.senderName && `（${item.senderName}）`}
                  </dd>
                  <dt className="text-solid-gray-700">{t.referrals.row.referredOn}</dt>
                  <dd>{formatDate(item.referredOn, lang)}</dd>
                  {item.dueOn && (
                    <>
                      <dt className="text-solid-gray-700">{t.referrals.row.dueOn}</dt>
                      <dd>{formatDate(item.dueOn, lang)}</dd>
                    </>
                  )}
                  <dt className="text-solid-gray-700">{t.referrals.row.reason}</dt>
                  <dd className="whitespace-pre-wrap" data-testid="inbox-reason">
                    {item.reason}
                  </dd>
                  {item.responseReason && (
                    <>
                      <dt className="text-solid-gray-700">{t.referrals.row.response}</dt>
                      <dd className="whitespace-pre-wrap">{item.responseReason}</dd>
                    </>
                  )}
                </dl>
                <p className="mt-2">
                  <Link to={`/shared-cases/${item.caseId}`}>{p.openShared}</Link>
                </p>
                <AnswerForm item={item} />
              </li>
            ))}
          </ul>
        )}
      </Section>
    </Page>
  );
}

/** Case staff: referrals sent from their cases, those needing them first. */
function SentReferrals() {
  const { t, lang, label } = useI18n();
  const p = t.referrals.page;
  const [attention, setAttention] = useState(true);
  const [mine, setMine] = useState(true);
  const query = useReferrals({ attention, mine });
  const items = query.data?.items ?? [];
  return (
    <Page title={p.title} lead={p.staffLead}>
      <div className="flex flex-wrap gap-6">
        <Checkbox
          id="attention-only"
          label={p.attentionOnly}
          checked={attention}
          onChange={setAttention}
        />
        <Checkbox id="mine-only" label={p.mineOnly} checked={mine} onChange={setMine} />
      </div>
      {!query.data ? (
        <QueryState error={query.error} />
      ) : items.length === 0 ? (
        <p className="mt-4">{p.none}</p>
      ) : (
        <table className="mt-4 w-full border-collapse text-left" data-testid="sent-referrals">
          <thead>
            <tr className="border-b-2 border-solid-gray-300">
              <th className="p-2">{p.person}</th>
              <th className="p-2">{p.destination}</th>
              <th className="p-2">{p.status}</th>
              <th className="p-2">{t.referrals.row.referredOn}</th>
              <th className="p-2">{t.referrals.row.followUpOn}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id} className="border-b border-solid-gray-200">
                <td className="p-2">
                  <Link to={`/cases/${item.caseId}/referrals`}>{item.personName}</Link>
                  <div className="text-dns-14N-130 text-solid-gray-700">{item.caseNumber}</div>
                </td>
                <td className="p-2">{item.destination}</td>
                <td className="p-2">
                  <ReferralStatusBadge status={item.status} />
                  {item.alert && (
                    <div className="text-dns-14B-130 text-error-1">
                      {label(referralAlertLabels[item.alert])}
                    </div>
                  )}
                </td>
                <td className="p-2">{formatDate(item.referredOn, lang)}</td>
                <td className="p-2">{formatDate(item.followUpOn, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}

/**
 * つなぎ: for partner staff, the referrals sent to their agency (their inbox, answered here); for
 * case staff, the referrals sent from their cases that need them.
 */
export function ReferralsPage() {
  const session = useSession();
  if (session.can('referral.respond')) return <PartnerInbox />;
  if (session.can('case.read')) return <SentReferrals />;
  return <ForbiddenPage />;
}
