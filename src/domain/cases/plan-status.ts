/**
 * A plan's own statuses (DOMAIN.md §3). A first plan and each re-plan is a numbered plan; a small
 * correction (プラン変更) is a new revision of the same plan, which goes through the same review
 * and, once in force, supersedes the revision before it.
 */
export const planStatuses = [
  'draft',
  'under_review',
  'adopted',
  'decided',
  'active',
  'evaluated',
  'superseded',
  'closed',
] as const;

export type PlanStatus = (typeof planStatuses)[number];

export const planActions = [
  'submit',
  'return',
  'adopt',
  'decide',
  'activate',
  'evaluate',
  'supersede',
  'close',
] as const;
export type PlanAction = (typeof planActions)[number];

export const planTransitions: Record<PlanStatus, Partial<Record<PlanAction, PlanStatus>>> = {
  draft: { submit: 'under_review', close: 'closed' },
  under_review: { adopt: 'adopted', return: 'draft', close: 'closed' },
  adopted: { decide: 'decided', close: 'closed' },
  decided: { activate: 'active', close: 'closed' },
  active: { evaluate: 'evaluated', supersede: 'superseded', close: 'closed' },
  evaluated: { supersede: 'superseded', close: 'closed' },
  superseded: {},
  closed: {},
};

export function nextPlanStatus(from: PlanStatus, action: PlanAction): PlanStatus | undefined {
  return planTransitions[from][action];
}

export function allowedPlanActions(from: PlanStatus): PlanAction[] {
  return planActions.filter((a) => planTransitions[from][a] !== undefined);
}

/** A plan that can still be edited: only a draft. Anything reviewed is changed by a new revision. */
export function isEditablePlan(status: PlanStatus): boolean {
  return status === 'draft';
}

export const planStatusLabels: Record<PlanStatus, { ja: string; en: string }> = {
  draft: { ja: '案（作成中）', en: 'Draft' },
  under_review: { ja: '支援調整会議で検討中', en: 'Under review' },
  adopted: { ja: '了承済み（支援決定待ち）', en: 'Adopted' },
  decided: { ja: '支援決定済み', en: 'Decided' },
  active: { ja: '実施中', en: 'In force' },
  evaluated: { ja: '評価済み', en: 'Evaluated' },
  superseded: { ja: '旧版', en: 'Superseded' },
  closed: { ja: '終了', en: 'Closed' },
};
