/**
 * 参加支援 (DOMAIN.md §5, seed 001): a person matched to a place to work, learn or belong —
 * 居場所, 中間的就労, volunteering, work experience, learning support — hosted by someone in the
 * area who agrees what the person will do there and what is adjusted for them (仕事の切り出し).
 * The places are rows of the social-resource directory; the match is the case's.
 */
type Labels<T extends string> = Record<T, { ja: string; en: string }>;

// The kinds of place (居場所, 中間的就労 …) are the directory's words: ../resources/vocabulary.ts.
export {
  type ParticipationKind,
  participationKindLabels,
  participationKinds,
} from '../resources/vocabulary';

export const matchStatuses = ['proposed', 'trial', 'active', 'ended'] as const;
export type MatchStatus = (typeof matchStatuses)[number];
export const matchStatusLabels: Labels<MatchStatus> = {
  proposed: { ja: '提案中', en: 'Proposed' },
  trial: { ja: 'お試し参加中', en: 'On trial' },
  active: { ja: '参加中', en: 'Taking part' },
  ended: { ja: '終了', en: 'Ended' },
};

export const matchActions = ['start_trial', 'start', 'end'] as const;
export type MatchAction = (typeof matchActions)[number];
export const matchActionLabels: Labels<MatchAction> = {
  start_trial: { ja: 'お試し参加を始める', en: 'Start a trial' },
  start: { ja: '参加を始める', en: 'Start taking part' },
  end: { ja: '終了する', en: 'End' },
};

/**
 * from → action → to. A proposal may go straight to taking part (a place the person already
 * knows), and may end before it starts (the person or the host says no).
 */
export const matchTransitions: Record<MatchStatus, Partial<Record<MatchAction, MatchStatus>>> = {
  proposed: { start_trial: 'trial', start: 'active', end: 'ended' },
  trial: { start: 'active', end: 'ended' },
  active: { end: 'ended' },
  ended: {},
};

export function allowedMatchActions(status: MatchStatus): MatchAction[] {
  return matchActions.filter((a) => matchTransitions[status][a] !== undefined);
}

export function nextMatchStatus(status: MatchStatus, action: MatchAction): MatchStatus | null {
  return matchTransitions[status][action] ?? null;
}

/** Why a match ended. */
export const matchEndReasons = [
  'moved_on',
  'goal_reached',
  'person_withdrew',
  'not_suited',
  'host_ended',
  'health',
  'declined_before_start',
  'other',
] as const;
export type MatchEndReason = (typeof matchEndReasons)[number];
export const matchEndReasonLabels: Labels<MatchEndReason> = {
  moved_on: { ja: '次の段階へ（就職・別の場へ）', en: 'Moved on (work or another place)' },
  goal_reached: { ja: '目標を達成した', en: 'Goal reached' },
  person_withdrew: { ja: '本人の希望でやめた', en: 'The person chose to stop' },
  not_suited: { ja: '本人に合わなかった', en: 'Did not suit the person' },
  host_ended: { ja: '受け入れ先の事情', en: 'The host could not go on' },
  health: { ja: '体調・病状のため', en: 'Health' },
  declined_before_start: { ja: '開始前に見送った', en: 'Not started after all' },
  other: { ja: 'その他', en: 'Other' },
};

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];
export const weekdayLabels: Labels<Weekday> = {
  mon: { ja: '月', en: 'Mon' },
  tue: { ja: '火', en: 'Tue' },
  wed: { ja: '水', en: 'Wed' },
  thu: { ja: '木', en: 'Thu' },
  fri: { ja: '金', en: 'Fri' },
  sat: { ja: '土', en: 'Sat' },
  sun: { ja: '日', en: 'Sun' },
};

/** Who a follow-up was with: the person, the host, or both together (三者面談). */
export const followUpParties = ['person', 'host', 'both'] as const;
export type FollowUpParty = (typeof followUpParties)[number];
export const followUpPartyLabels: Labels<FollowUpParty> = {
  person: { ja: '本人', en: 'The person' },
  host: { ja: '受け入れ先', en: 'The host' },
  both: { ja: '本人と受け入れ先（三者）', en: 'The person and the host together' },
};

/**
 * The capacity rule. A place's capacity (定員) counts the people on trial or taking part there —
 * a proposal holds no place yet. A place with no capacity recorded is never full. When it is
 * full, a trial or a start is refused unless the worker records that the host agreed to take one
 * more: informal places often can, but only the host may say so.
 */
export function occupiesPlace(status: MatchStatus): boolean {
  return status === 'trial' || status === 'active';
}

export interface Occupancy {
  capacity: number | null;
  occupied: number;
  /** Places left; null when the capacity is not recorded. */
  remaining: number | null;
  full: boolean;
}

export function occupancy(capacity: number | null, occupied: number): Occupancy {
  const remaining = capacity === null ? null : Math.max(capacity - occupied, 0);
  return { capacity, occupied, remaining, full: remaining === 0 };
}

/**
 * Whether the step may take a place: only a step from not occupying to occupying is counted
 * (trial → active keeps the place the trial already held).
 */
export function stepNeedsPlace(from: MatchStatus, to: MatchStatus): boolean {
  return !occupiesPlace(from) && occupiesPlace(to);
}
