/**
 * 多機関協働 (DOMAIN.md §5; seed 001 for 重層的支援体制整備事業, seed 004 for a household supported by
 * five agencies). A household whose needs no single agency can meet is referred, with the person's
 * consent, to the coordinator, who accepts it — or returns it to the referrer (つなぎもどし) after
 * consulting them — writes a role-sharing plan (which agency does what, who is 主担当), takes it to
 * the 重層的支援会議, and at the end names the agency that carries on.
 *
 * The status is stored and changes only through this table; codes are stored, labels may be
 * reworded.
 */
export const multiAgencyStatuses = ['referred', 'accepted', 'active', 'ended', 'returned'] as const;
export type MultiAgencyStatus = (typeof multiAgencyStatuses)[number];

export const multiAgencyActions = ['accept', 'return', 'agree_plan', 'end'] as const;
export type MultiAgencyAction = (typeof multiAgencyActions)[number];

/** from → action → to. Typed over every status, so a new status without its row does not compile. */
export const multiAgencyTransitions: Record<
  MultiAgencyStatus,
  Partial<Record<MultiAgencyAction, MultiAgencyStatus>>
> = {
  referred: { accept: 'accepted', return: 'returned' },
  // Accepted, but the coordinator may still find after the first hearings that it does not fit.
  accepted: { agree_plan: 'active', return: 'returned', end: 'ended' },
  active: { end: 'ended' },
  ended: {},
  returned: {},
};

export function nextMultiAgencyStatus(
  from: MultiAgencyStatus,
  action: MultiAgencyAction,
): MultiAgencyStatus | undefined {
  return multiAgencyTransitions[from][action];
}

export function allowedMultiAgencyActions(from: MultiAgencyStatus): MultiAgencyAction[] {
  return multiAgencyActions.filter((a) => multiAgencyTransitions[from][a] !== undefined);
}

/** Still being worked: members, roles and the joint plan may change. */
export function isOpenMultiAgencyStatus(status: MultiAgencyStatus): boolean {
  return status === 'referred' || status === 'accepted' || status === 'active';
}

export const multiAgencyStatusLabels: Record<MultiAgencyStatus, { ja: string; en: string }> = {
  referred: { ja: 'つなぎ受付（受理前）', en: 'Referred' },
  accepted: { ja: '受理・役割分担の検討中', en: 'Accepted' },
  active: { ja: '協働中（プラン了承済み）', en: 'Active (plan agreed)' },
  ended: { ja: '終結', en: 'Ended' },
  returned: { ja: 'つなぎもどし', en: 'Returned to the referrer' },
};

export const multiAgencyActionLabels: Record<MultiAgencyAction, { ja: string; en: string }> = {
  accept: { ja: '受理する', en: 'Accept' },
  return: { ja: 'つなぎもどす', en: 'Return to the referrer' },
  agree_plan: { ja: 'プラン了承', en: 'Plan agreed' },
  end: { ja: '終結する', en: 'End' },
};

/**
 * How strong a tie is, as an ecomap draws it: a thick line, a plain one, a dashed one, or a
 * strained (stressful, conflicted) one.
 */
export const tieStrengths = ['strong', 'normal', 'weak', 'strained'] as const;
export type TieStrength = (typeof tieStrengths)[number];

export const tieStrengthLabels: Record<TieStrength, { ja: string; en: string }> = {
  strong: { ja: '強い', en: 'Strong' },
  normal: { ja: '普通', en: 'Normal' },
  weak: { ja: '弱い', en: 'Weak' },
  strained: { ja: 'ストレス・対立がある', en: 'Strained' },
};

/** Whom an agency of a multi-agency case supports: the person, the whole household, or a member. */
export const supportTargets = ['person', 'household', 'member'] as const;
export type SupportTarget = (typeof supportTargets)[number];

/** What the 重層的支援会議 said about the role-sharing plan. */
export const reviewOutcomes = ['agreed', 'agreed_with_changes', 'continued', 'rework'] as const;
export type ReviewOutcome = (typeof reviewOutcomes)[number];

export const reviewOutcomeLabels: Record<ReviewOutcome, { ja: string; en: string }> = {
  agreed: { ja: '了承', en: 'Agreed' },
  agreed_with_changes: { ja: '修正の上了承', en: 'Agreed with changes' },
  continued: { ja: '支援継続を確認', en: 'Support continues' },
  rework: { ja: '役割分担を再検討', en: 'Rework the role sharing' },
};

/**
 * The outcomes a review may record in each status: a first plan is agreed (or sent back to be
 * reworked); a plan in force is confirmed, changed, or reworked.
 */
export const reviewOutcomesFor: Record<MultiAgencyStatus, readonly ReviewOutcome[]> = {
  referred: [],
  accepted: ['agreed', 'agreed_with_changes', 'rework'],
  active: ['continued', 'agreed_with_changes', 'rework'],
  ended: [],
  returned: [],
};

/** The action an outcome takes on the case, if any: the first agreement puts the plan in force. */
export function reviewAction(
  status: MultiAgencyStatus,
  outcome: ReviewOutcome,
): MultiAgencyAction | null {
  if (status === 'accepted' && (outcome === 'agreed' || outcome === 'agreed_with_changes')) {
    return 'agree_plan';
  }
  return null;
}
