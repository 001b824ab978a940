import type { Lang } from '../../../domain/errors';
import {
  type PartnerActivityKind,
  partnerActivityKindLabels,
  type ReferralEvent,
  referralEventLabels,
} from '../../../domain/referrals/referral-status';
import { formatDate } from '../../i18n/format';
import { fill } from '../../i18n/i18n';
import type { Messages } from '../../i18n/ja';

type Entry = { kind: string; data: Record<string, string | number | boolean | null> };

/**
 * A timeline line of a referral step or of a partner agency's record, worded from its codes
 * (the case timeline, cases/OverviewTab.tsx).
 */
export function referralTimelineText(
  entry: Entry,
  words: {
    t: Messages;
    lang: Lang;
    label: (entry: { ja: string; en: string }) => string;
    partnerName: (id: string) => string;
    staffName: (id: string) => string;
  },
): string {
  const tl = words.t.referrals.timeline;
  const d = entry.data;
  const by = d.actor ? fill(tl.by, { name: words.staffName(String(d.actor)) }) : '';
  if (entry.kind === 'partner_activity') {
    return (
      fill(tl.activity, {
        agency: words.partnerName(String(d.partnerAgencyId ?? '')),
        kind: words.label(partnerActivityKindLabels[d.activityKind as PartnerActivityKind]),
        summary: String(d.summary ?? '').slice(0, 80),
      }) + by
    );
  }
  const destination =
    words.partnerName(String(d.partnerAgencyId ?? '')) || String(d.destinationName ?? '');
  return (
    fill(tl.event, {
      event: words.label(referralEventLabels[d.event as ReferralEvent]),
      destination,
    }) +
    (d.toPublicAssistance && d.event === 'sent' ? tl.publicAssistance : '') +
    (d.confirmedOn
      ? fill(tl.confirmedOn, { date: formatDate(String(d.confirmedOn), words.lang) })
      : '') +
    (d.reason ? `（${String(d.reason).slice(0, 80)}）` : '') +
    by
  );
}
