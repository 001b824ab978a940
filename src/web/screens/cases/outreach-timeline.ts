import {
  type EscalationTarget,
  escalationTargetLabels,
  type OutreachChannel,
  type OutreachOutcome,
  outreachChannelLabels,
  outreachOutcomeLabels,
} from '../../../domain/participation/outreach';
import { fill } from '../../i18n/i18n';
import type { Messages } from '../../i18n/ja';
import type { CaseView } from './case-data';

/**
 * The case timeline's words for an outreach attempt (a contact record with its channel) and for
 * an emergency passed on during outreach; null for any other entry.
 */
export function outreachTimelineText(
  entry: CaseView['timeline'][number],
  words: {
    t: Messages;
    label: (entry: { ja: string; en: string }) => string;
    partnerName: (id: string) => string;
  },
): string | null {
  const d = entry.data;
  const tl = words.t.participation.timeline;
  if (entry.kind === 'contact' && d.outreachChannel) {
    return fill(tl.outreach, {
      channel: words.label(outreachChannelLabels[d.outreachChannel as OutreachChannel]),
      outcome: words.label(outreachOutcomeLabels[d.outreachOutcome as OutreachOutcome]),
      summary: String(d.summary ?? '').slice(0, 80),
    });
  }
  if (entry.kind === 'escalation') {
    return fill(tl.escalation, {
      target:
        words.partnerName(String(d.partnerAgencyId ?? '')) ||
        String(d.escalatedToName ?? '') ||
        words.label(escalationTargetLabels[d.escalatedTo as EscalationTarget]),
    });
  }
  return null;
}
