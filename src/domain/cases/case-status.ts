/**
 * The statuses a case passes through (DOMAIN.md §3) and the one transition table that says which
 * action moves it where. The path is the normal one, not a cage: an emergency skips ahead, and a
 * case can go back (a plan returned by the meeting, a re-plan, a reopened case). Status is never
 * inferred from which dates happen to be filled in: it is stored, and it changes only here.
 */
export const caseStatuses = [
  'detected',
  'intake',
  'referred_out',
  'info_only',
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
  'terminated',
  'interrupted',
  'follow_up',
  'closed',
  'reopened',
] as const;

export type CaseStatus = (typeof caseStatuses)[number];

export const caseActions = [
  'record_intake',
  'triage_continue',
  'triage_refer_out',
  'triage_info_only',
  'record_application',
  'start_assessment',
  'start_planning',
  'submit_plan',
  'return_plan',
  'adopt_plan',
  'decide_support',
  'start_support',
  'start_monitoring',
  'finish_monitoring',
  'start_evaluation',
  'replan',
  'continue_support',
  'terminate',
  'interrupt',
  'start_follow_up',
  'close',
  'reopen',
] as const;

export type CaseAction = (typeof caseActions)[number];

/** Statuses in which support goes on and an interruption or termination may be decided. */
const active: readonly CaseStatus[] = [
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
];

/**
 * from → action → to. Typed over every status, so a status added above without its row here is a
 * compile error.
 */
export const caseTransitions: Record<CaseStatus, Partial<Record<CaseAction, CaseStatus>>> = {
  detected: { record_intake: 'intake', close: 'closed' },
  intake: {
    triage_continue: 'continuing',
    triage_refer_out: 'referred_out',
    triage_info_only: 'info_only',
  },
  referred_out: { close: 'closed', triage_continue: 'continuing' },
  info_only: { close: 'closed', triage_continue: 'continuing' },
  continuing: { record_application: 'applied', terminate: 'terminated', interrupt: 'interrupted' },
  applied: { start_assessment: 'assessing', terminate: 'terminated', interrupt: 'interrupted' },
  assessing: { start_planning: 'planning', terminate: 'terminated', interrupt: 'interrupted' },
  planning: {
    submit_plan: 'plan_review',
    start_assessment: 'assessing',
    terminate: 'terminated',
    interrupt: 'interrupted',
  },
  plan_review: {
    adopt_plan: 'plan_adopted',
    return_plan: 'planning',
    terminate: 'terminated',
    interrupt: 'interrupted',
  },
  plan_adopted: {
    decide_support: 'support_decided',
    terminate: 'terminated',
    interrupt: 'interrupted',
  },
  support_decided: {
    start_support: 'in_support',
    terminate: 'terminated',
    interrupt: 'interrupted',
  },
  in_support: {
    start_monitoring: 'monitoring',
    start_evaluation: 'evaluation',
    terminate: 'terminated',
    interrupt: 'interrupted',
  },
  monitoring: {
    finish_monitoring: 'in_support',
    start_evaluation: 'evaluation',
    terminate: 'terminated',
    interrupt: 'interrupted',
  },
  evaluation: {
    replan: 'planning',
    continue_support: 'in_support',
    terminate: 'terminated',
    interrupt: 'interrupted',
  },
  terminated: { start_follow_up: 'follow_up', close: 'closed', reopen: 'reopened' },
  interrupted: { close: 'closed', reopen: 'reopened' },
  follow_up: { close: 'closed', reopen: 'reopened' },
  closed: { reopen: 'reopened' },
  reopened: {
    record_application: 'applied',
    start_assessment: 'assessing',
    terminate: 'terminated',
    interrupt: 'interrupted',
  },
};

/**
 * Status changes that carry nothing but a reason; the others come with a record of their own
 * (an intake, a triage, a consent, a plan step, an evaluation, a closure).
 */
export const statusOnlyActions = [
  'start_assessment',
  'start_support',
  'start_monitoring',
  'finish_monitoring',
  'start_evaluation',
  'start_follow_up',
  'close',
  'reopen',
  'triage_continue',
] as const satisfies readonly CaseAction[];

export type StatusOnlyAction = (typeof statusOnlyActions)[number];

export function nextStatus(from: CaseStatus, action: CaseAction): CaseStatus | undefined {
  return caseTransitions[from][action];
}

/** The actions allowed from a status, in the order of the table. */
export function allowedCaseActions(from: CaseStatus): CaseAction[] {
  return caseActions.filter((a) => caseTransitions[from][a] !== undefined);
}

export function isActive(status: CaseStatus): boolean {
  return active.includes(status);
}

/** Statuses where the case is over (until reopened). */
export const endedStatuses: readonly CaseStatus[] = [
  'terminated',
  'interrupted',
  'closed',
  'referred_out',
  'info_only',
];

export const caseStatusLabels: Record<CaseStatus, { ja: string; en: string }> = {
  detected: { ja: '把握（相談前）', en: 'Lead (before consultation)' },
  intake: { ja: '相談受付', en: 'Intake' },
  referred_out: { ja: '他機関へつなぎ', en: 'Referred out' },
  info_only: { ja: '情報提供のみで終了', en: 'Information only' },
  continuing: { ja: '継続支援（申込前）', en: 'Continuing (before application)' },
  applied: { ja: '利用申込済み', en: 'Applied' },
  assessing: { ja: 'アセスメント中', en: 'Assessing' },
  planning: { ja: 'プラン作成中', en: 'Planning' },
  plan_review: { ja: '支援調整会議待ち', en: 'Awaiting plan review' },
  plan_adopted: { ja: '支援決定待ち', en: 'Awaiting support decision' },
  support_decided: { ja: '支援決定済み', en: 'Support decided' },
  in_support: { ja: '支援中', en: 'In support' },
  monitoring: { ja: 'モニタリング中', en: 'Monitoring' },
  evaluation: { ja: 'プラン評価中', en: 'Evaluation' },
  terminated: { ja: '終結', en: 'Terminated' },
  interrupted: { ja: '中断', en: 'Interrupted' },
  follow_up: { ja: 'フォローアップ中', en: 'Follow-up' },
  closed: { ja: '完了', en: 'Closed' },
  reopened: { ja: '再開', en: 'Reopened' },
};

export const caseActionLabels: Record<CaseAction, { ja: string; en: string }> = {
  record_intake: { ja: '相談受付を記録する', en: 'Record the intake' },
  triage_continue: { ja: '継続支援とする', en: 'Continue support here' },
  triage_refer_out: { ja: '他機関へつなぐ', en: 'Refer to another agency' },
  triage_info_only: { ja: '情報提供のみで終了する', en: 'End with information only' },
  record_application: { ja: '利用申込・同意を記録する', en: 'Record application and consent' },
  start_assessment: { ja: 'アセスメントを始める', en: 'Start the assessment' },
  start_planning: { ja: 'プラン作成に進む', en: 'Go on to the plan' },
  submit_plan: { ja: 'プラン案を支援調整会議に提出する', en: 'Submit the plan for review' },
  return_plan: { ja: 'プラン案を差し戻す', en: 'Return the plan' },
  adopt_plan: { ja: 'プランの了承を記録する', en: 'Record the plan as adopted' },
  decide_support: { ja: '支援決定を記録する', en: 'Record the support decision' },
  start_support: { ja: '支援を開始する', en: 'Start support' },
  start_monitoring: { ja: 'モニタリングを始める', en: 'Start monitoring' },
  finish_monitoring: { ja: 'モニタリングを終える', en: 'Finish monitoring' },
  start_evaluation: { ja: 'プラン評価を始める', en: 'Start the evaluation' },
  replan: { ja: '再プランを作成する', en: 'Re-plan' },
  continue_support: { ja: '現在のプランで支援を続ける', en: 'Continue with this plan' },
  terminate: { ja: '終結する', en: 'Terminate' },
  interrupt: { ja: '中断する', en: 'Interrupt' },
  start_follow_up: { ja: 'フォローアップを始める', en: 'Start follow-up' },
  close: { ja: '完了とする', en: 'Close' },
  reopen: { ja: '再開する', en: 'Reopen' },
};
