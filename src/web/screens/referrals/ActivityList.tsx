import type { ReactNode } from 'react';
import {
  type PartnerActivityKind,
  partnerActivityKindLabels,
} from '../../../domain/referrals/referral-status';
import { formatDate } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';

interface ActivityItem {
  id: string;
  occurredOn: string;
  kind: PartnerActivityKind;
  summary: string;
  recordedBy: string;
}

/**
 * What a partner agency recorded of its work with the person, newest first; the agency's own
 * page adds a way to correct each record (`edit`).
 */
export function ActivityList<T extends ActivityItem>({
  items,
  nameOf,
  edit,
}: {
  items: readonly T[];
  nameOf: (userId: string) => string;
  edit?: (item: T) => ReactNode;
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
          {edit?.(a)}
        </li>
      ))}
    </ul>
  );
}
