import type { ContactMode } from '../cases/vocabulary';
import { formatDateTimeJapan } from '../text/wareki';

/**
 * アウトリーチ等を通じた継続的支援 (DOMAIN.md §5, seed 001): reaching someone who does not come by
 * themselves — a young person withdrawn at home, an older person who no longer opens the door —
 * takes months of attempts before they agree to support. Each attempt is a 支援経過記録 like any
 * other contact (the one record of who tried what, when); these lists say how it was tried, what
 * came of it, and where an emergency was passed on.
 */
type Labels<T extends string> = Record<T, { ja: string; en: string }>;

/** How the attempt was made. */
export const outreachChannels = [
  'letter',
  'visit',
  'chat',
  'phone',
  'through_family',
  'through_key_person',
] as const;
export type OutreachChannel = (typeof outreachChannels)[number];
export const outreachChannelLabels: Labels<OutreachChannel> = {
  letter: { ja: '手紙・連絡票', en: 'Letter or note' },
  visit: { ja: '訪問', en: 'Home visit' },
  chat: { ja: 'チャット・SNS・メール', en: 'Chat, social media or e-mail' },
  phone: { ja: '電話', en: 'Phone' },
  through_family: { ja: '家族を通じて', en: 'Through the family' },
  through_key_person: {
    ja: 'キーパーソンを通じて（民生委員・友人等）',
    en: 'Through a key person (welfare commissioner, friend …)',
  },
};

/**
 * The way each channel counts among contact records: a chat is written (メール), a word passed
 * through the family or a key person is asking people close to the person (親しい人への確認) —
 * which is also what an interruption asks to have been tried (cases/interruption.ts).
 */
export const contactModeOfChannel: Record<OutreachChannel, ContactMode> = {
  letter: 'letter',
  visit: 'visit',
  chat: 'mail',
  phone: 'phone',
  through_family: 'inquiry',
  through_key_person: 'inquiry',
};

/** What came of it, from the person's side. */
export const outreachOutcomes = ['reached', 'partial', 'no_answer', 'refused'] as const;
export type OutreachOutcome = (typeof outreachOutcomes)[number];
export const outreachOutcomeLabels: Labels<OutreachOutcome> = {
  reached: { ja: '本人と会えた・話せた', en: 'Met or spoke with the person' },
  partial: {
    ja: '一部反応あり（手紙を読んだ、ドア越しに返事等）',
    en: 'Some response (read the letter, answered through the door …)',
  },
  no_answer: { ja: '反応なし・不在', en: 'No answer' },
  refused: { ja: '本人が拒否', en: 'The person refused' },
};

/**
 * Whether the attempt reached the person, as the contact record keeps it: any answer — even a
 * refusal, even a word through the door — is a contact; only silence is not.
 */
export function outcomeReached(outcome: OutreachOutcome): boolean {
  return outcome !== 'no_answer';
}

/** Where an emergency seen during outreach was passed on (緊急時の対応). */
export const escalationTargets = [
  'police',
  'emergency_services',
  'health_centre',
  'public_assistance',
  'child_guidance',
  'elder_care_centre',
  'other',
] as const;
export type EscalationTarget = (typeof escalationTargets)[number];
export const escalationTargetLabels: Labels<EscalationTarget> = {
  police: { ja: '警察', en: 'Police' },
  emergency_services: { ja: '消防・救急', en: 'Fire and ambulance' },
  health_centre: { ja: '保健センター・保健所', en: 'Public health centre' },
  public_assistance: { ja: '福祉事務所（生活保護）', en: 'Welfare office (public assistance)' },
  child_guidance: { ja: '児童相談所・こども家庭センター', en: 'Child guidance centre' },
  elder_care_centre: {
    ja: '地域包括支援センター（高齢者）',
    en: 'Community general support centre (older people)',
  },
  other: { ja: 'その他', en: 'Other' },
};

/** The latest attempt's plan for the next one, and whether its day has passed without it. */
export interface NextApproach {
  /** What is planned next (the attempt's 次回の方針). */
  plan: string | null;
  on: string | null;
  overdue: boolean;
}

export interface AttemptForNext {
  occurredAt: string;
  nextStep: string | null;
  nextApproachOn: string | null;
}

/**
 * A consent given on or after the latest attempt settles it: the approach reached its aim, and
 * what follows is the support itself (contacts, the plan).
 */
export function nextApproach(
  attempts: readonly AttemptForNext[],
  today: string,
  consentedOn: string | null = null,
): NextApproach | null {
  const latest = [...attempts].sort((a, b) => (a.occurredAt < b.occurredAt ? -1 : 1)).at(-1);
  if (!latest || (!latest.nextStep && !latest.nextApproachOn)) return null;
  if (consentedOn && formatDateTimeJapan(latest.occurredAt).slice(0, 10) <= consentedOn)
    return null;
  return {
    plan: latest.nextStep,
    on: latest.nextApproachOn,
    overdue: latest.nextApproachOn !== null && latest.nextApproachOn < today,
  };
}
