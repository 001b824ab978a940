import {
  type PartnerActivityKind,
  partnerActivityKindLabels,
} from '../../../domain/referrals/referral-status';
import { formatDate } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';

/** What a partner agency recorded of its work with the person, newest first. */
export function ActivityList({
  items,
  nameOf,
}: {
  items: readonly {
    id: string;
    occurredOn: string;
    kind: PartnerActivityKind;
    summary: string;
    recordedBy: string;
  }[];
  nameOf: (userId: string) => string;
}) {
  const { lang, label } = useI18n();
  const sorted = [...items].sort((a, b) => (a.occurredOn < b.occurredOn ? 1 : -1));
  return (
    <ul className="mt-1 grid gap-2" data-testid="partner-activities">
      {sorted.map((a) => (
        <li key={a.id} className="rounded-4 bg-solid-gray-50 p-2" data-testid="partner-activity">
          <p className="text-dns-16B-130">
            {formatDate(a.occurredOn, lang)}　{label(partnerActivityKindLabels[a.kind])}
            <span className="ml-2 text-dns-14N-130 text-solid-gray-700">
              {nameOf(a.recordedBy)}
            </span>
          </p>
          <p className="whitespace-pre-wrap">{a.summary}</p>
        </li>
      ))}
    </ul>
  );
}
