import { Link } from 'react-router';
import { referralAlertLabels } from '../../../domain/referrals/referral-status';
import { useSession } from '../../api/session';
import { Section } from '../../components/Page';
import { formatDate } from '../../i18n/format';
import { fill, useI18n } from '../../i18n/i18n';
import { useReferrals } from './referral-data';

/**
 * The home page's referrals. For case staff: the referrals of their cases that need them — a
 * decline or a return not yet noted, an answer or an arrival past its date — so that a case is
 * never left without an owner. For partner staff: the referrals awaiting their agency's answer.
 */
export function ReferralAlertsPanel() {
  const { t, lang, label } = useI18n();
  const a = t.referrals.alerts;
  const session = useSession();
  const partner = session.can('referral.respond');
  const query = useReferrals(partner ? { attention: true } : { attention: true, mine: true });
  const items = query.data?.items ?? [];
  return (
    <Section title={partner ? a.partnerTitle : a.title}>
      {query.data && items.length === 0 && <p>{partner ? a.partnerNone : a.none}</p>}
      <ul className="grid gap-3" data-testid="referral-alerts">
        {items.map((item) => (
          <li
            key={item.id}
            className="rounded-8 border border-solid-gray-300 p-3"
            data-testid="referral-alert"
          >
            <p className="text-std-17B-170">
              {item.alert ? (
                <span className="mr-2 text-error-1">{label(referralAlertLabels[item.alert])}</span>
              ) : null}
              {item.personName}
              {partner &&
                item.age !== null &&
                `（${fill(t.referrals.page.age, { age: item.age })}）`}
            </p>
            <p className="text-dns-16N-130">
              {[
                partner
                  ? `${t.referrals.page.from}：${item.senderAgency}`
                  : `${t.referrals.page.destination}：${item.destination}`,
                `${t.referrals.row.referredOn}：${formatDate(item.referredOn, lang)}`,
                item.dueOn ? `${t.referrals.row.dueOn}：${formatDate(item.dueOn, lang)}` : '',
              ]
                .filter(Boolean)
                .join('　')}
            </p>
            {item.responseReason && (
              <p className="whitespace-pre-wrap text-dns-16N-130">{item.responseReason}</p>
            )}
            <Link to={partner ? '/referrals' : `/cases/${item.caseId}/referrals`}>
              {partner ? a.openInbox : a.open}
            </Link>
          </li>
        ))}
      </ul>
    </Section>
  );
}
