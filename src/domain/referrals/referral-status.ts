import type { CaseStatus } from '../cases/case-status';

/**
 * つなぎ (DOMAIN.md §2, §3 step 2, §5): a hand-over from a case to another agency, followed until
 * the person is known to have arrived — no たらい回し. The statuses a referral passes through and
 * the one table that says who may move it where. The sending agency keeps the case (and its lead
 * worker) until arrival is confirmed; the receiving agency, when it works on the system, answers:
 * it accepts, declines, or returns the person (つなぎもどし) with a reason.
 */
export const referralStatuses = [
  'pending',
  'accepted',
  'declined',
  'returned',
  'arrived',
  'not_arrived',
  'cancelled',
] as const;

export type ReferralStatus = (typeof referralStatuses)[number];

export const referralActions = [
  'accept',
  'decline',
  'return',
  'confirm_arrival',
  'confirm_not_arrived',
  'cancel',
] as const;

export type ReferralAction = (typeof referralActions)[number];

/** Who takes an action: the agency that referred (the case's workers) or the one referred to. */
export type ReferralParty = 'sender' | 'receiver';

export const referralActionParty: Record<ReferralAction, ReferralParty> = {
  accept: 'receiver',
  decline: 'receiver',
  return: 'receiver',
  confirm_arrival: 'sender',
  confirm_not_arrived: 'sender',
  cancel: 'sender',
};

/**
 * from → action → to. Typed over every status, so a status added above without its row here is a
 * compile error. The sender may confirm arrival while the referral is still pending: many
 * receiving windows (the 生活保護 window, an outside agency) do not answer through the system.
 */
export const referralTransitions: Record<
  ReferralStatus,
  Partial<Record<ReferralAction, ReferralStatus>>
> = {
  pending: {
    accept: 'accepted',
    decline: 'declined',
    return: 'returned',
    confirm_arrival: 'arrived',
    confirm_not_arrived: 'not_arrived',
    cancel: 'cancelled',
  },
  accepted: {
    confirm_arrival: 'arrived',
    confirm_not_arrived: 'not_arrived',
    return: 'returned',
  },
  declined: {},
  returned: {},
  arrived: {},
  not_arrived: {},
  cancelled: {},
};

/** The receiver must say why it declines or returns a person: the sender decides what next. */
export const reasonRequired: readonly ReferralAction[] = ['decline', 'return'];

/** Referrals still under way: someone must act on them. */
export const openReferralStatuses: readonly ReferralStatus[] = ['pending', 'accepted'];

export function isOpenReferral(status: ReferralStatus): boolean {
  return openReferralStatuses.includes(status);
}

export function nextReferralStatus(
  from: ReferralStatus,
  action: ReferralAction,
): ReferralStatus | undefined {
  return referralTransitions[from][action];
}

/**
 * The actions a party may take from a status. The receiver answers only when the destination is
 * an agency on the system; a referral to an outside destination (a name only) is followed by the
 * sender alone.
 */
export function allowedReferralActions(
  from: ReferralStatus,
  party: ReferralParty,
  destinationOnSystem: boolean,
): ReferralAction[] {
  if (party === 'receiver' && !destinationOnSystem) return [];
  return referralActions.filter(
    (a) => referralActionParty[a] === party && referralTransitions[from][a] !== undefined,
  );
}

/** What the history records for each step: the creation, then the status each action leads to. */
export const referralEvents = [
  'sent',
  'accepted',
  'declined',
  'returned',
  'arrived',
  'not_arrived',
  'cancelled',
] as const;

export type ReferralEvent = (typeof referralEvents)[number];

export function eventOf(action: ReferralAction): ReferralEvent {
  const to = referralTransitions.pending[action] ?? referralTransitions.accepted[action];
  if (!to || to === 'pending') throw new Error(`no event for ${action}`);
  return to;
}

/**
 * A case may refer during support, not only at the triage: while the agency works with the
 * person, after a referral out (to refer again when the first was declined), and in follow-up.
 * Before the triage the triage itself refers; a closed case is reopened first.
 */
const referableStatuses: readonly CaseStatus[] = [
  'referred_out',
  'continuing',
  'applied',
  'assessing',
  'planning',
  'plan_review',
  'plan_adopted',
  'support_decided',
  'in_support',
  'monitoring',
  'evaluation',
  'follow_up',
  'reopened',
];

export function canReferFrom(status: CaseStatus): boolean {
  return referableStatuses.includes(status);
}

/** Why a referral needs the sending worker's attention, if it does. */
export type ReferralAlert = 'declined' | 'returned' | 'arrival_overdue' | 'response_overdue';

export interface ReferralFacts {
  status: ReferralStatus;
  /** The day the receiver should answer by (pending past it: overdue). */
  dueOn: string | null;
  /** The day the sender checks the person arrived (unconfirmed past it: overdue). */
  followUpOn: string | null;
  /** The sender has taken note of a decline or return and decided what next. */
  noted: boolean;
}

/**
 * A case is never left without an owner: a declined or returned referral stays on the sending
 * worker's list until they have noted it (and continued the support or referred again); a
 * referral not answered by its due date, or whose arrival is not confirmed by the follow-up
 * date, is overdue. Dates are ISO; "past" means strictly before today.
 */
export function referralAlert(r: ReferralFacts, today: string): ReferralAlert | null {
  if ((r.status === 'declined' || r.status === 'returned') && !r.noted) return r.status;
  if (isOpenReferral(r.status) && r.followUpOn !== null && r.followUpOn < today)
    return 'arrival_overdue';
  if (r.status === 'pending' && r.dueOn !== null && r.dueOn < today) return 'response_overdue';
  return null;
}

/**
 * The hand-over (summary and documents) shows to the receiving agency only while the person's
 * consent covers it, and not once the sender has cancelled the referral.
 */
export function handOverVisible(status: ReferralStatus, consentCovers: boolean): boolean {
  return consentCovers && status !== 'cancelled';
}

/** The receiver records what it did for the person once it has taken them on. */
export function activityAllowed(status: ReferralStatus): boolean {
  return status === 'accepted' || status === 'arrived';
}

export const referralStatusLabels: Record<ReferralStatus, { ja: string; en: string }> = {
  pending: { ja: '回答待ち', en: 'Awaiting answer' },
  accepted: { ja: '受入れ', en: 'Accepted' },
  declined: { ja: 'お断り', en: 'Declined' },
  returned: { ja: 'つなぎもどし', en: 'Returned' },
  arrived: { ja: 'つながった（到着確認）', en: 'Arrived' },
  not_arrived: { ja: 'つながらなかった', en: 'Did not arrive' },
  cancelled: { ja: '取消し', en: 'Cancelled' },
};

export const referralActionLabels: Record<ReferralAction, { ja: string; en: string }> = {
  accept: { ja: '受け入れる', en: 'Accept' },
  decline: { ja: 'お断りする', en: 'Decline' },
  return: { ja: 'つなぎもどす', en: 'Return to the sender' },
  confirm_arrival: { ja: 'つながったことを確認した', en: 'Confirm arrival' },
  confirm_not_arrived: { ja: 'つながらなかった', en: 'Did not arrive' },
  cancel: { ja: 'つなぎを取り消す', en: 'Cancel the referral' },
};

export const referralEventLabels: Record<ReferralEvent, { ja: string; en: string }> = {
  sent: { ja: 'つなぎを依頼', en: 'Referred' },
  accepted: { ja: '受入れ', en: 'Accepted' },
  declined: { ja: 'お断り', en: 'Declined' },
  returned: { ja: 'つなぎもどし', en: 'Returned' },
  arrived: { ja: '到着を確認', en: 'Arrival confirmed' },
  not_arrived: { ja: 'つながらなかった', en: 'Did not arrive' },
  cancelled: { ja: '取消し', en: 'Cancelled' },
};

export const referralAlertLabels: Record<ReferralAlert, { ja: string; en: string }> = {
  declined: { ja: 'つなぎ先がお断りしました', en: 'The agency declined' },
  returned: { ja: 'つなぎもどしがありました', en: 'The agency returned the person' },
  arrival_overdue: {
    ja: '到着確認の予定日を過ぎています',
    en: 'Arrival not confirmed by the follow-up date',
  },
  response_overdue: {
    ja: 'つなぎ先の回答期限を過ぎています',
    en: 'No answer by the due date',
  },
};

/** What partner staff record of their own work with the person (関係機関の支援記録). */
export const partnerActivityKinds = [
  'interview',
  'visit',
  'phone',
  'accompaniment',
  'meeting',
  'service',
  'other',
] as const;

export type PartnerActivityKind = (typeof partnerActivityKinds)[number];

export const partnerActivityKindLabels: Record<PartnerActivityKind, { ja: string; en: string }> = {
  interview: { ja: '面談', en: 'Interview' },
  visit: { ja: '訪問', en: 'Home visit' },
  phone: { ja: '電話', en: 'Phone' },
  accompaniment: { ja: '同行', en: 'Accompaniment' },
  meeting: { ja: '会議・調整', en: 'Meeting or coordination' },
  service: { ja: 'サービス・制度の利用開始', en: 'Service started' },
  other: { ja: 'その他', en: 'Other' },
};
