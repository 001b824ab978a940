import { agenciesWithoutConsent, type ConsentRecord, consentCovering } from '../cases/consent';
import { type MeetingType, meetingTypeRules } from './meeting-types';

/**
 * An agenda (DOMAIN.md §4): cases, each with its type, a time slot, the reporter and the partners
 * who join for that case only; a 進行表 laid out from it; per case the discussion, the three plan
 * checks, the decision and the homework.
 */
export const itemKinds = [
  'new_plan',
  'replan',
  'plan_change',
  'evaluation',
  'termination',
  'interruption',
  'sharing',
] as const;
export type ItemKind = (typeof itemKinds)[number];

export const itemKindLabels: Record<ItemKind, { ja: string; en: string }> = {
  new_plan: { ja: '新規', en: 'New plan' },
  replan: { ja: '再プラン', en: 'Re-plan' },
  plan_change: { ja: 'プラン変更', en: 'Plan change' },
  evaluation: { ja: '評価', en: 'Evaluation' },
  termination: { ja: '終結', en: 'Termination' },
  interruption: { ja: '中断', en: 'Interruption' },
  sharing: { ja: '情報共有・検討', en: 'Sharing and discussion' },
};

/** Kinds that put a plan before the meeting. */
export const planKinds: readonly ItemKind[] = ['new_plan', 'replan', 'plan_change'];

export const itemDecisions = [
  'adopted',
  'adopted_with_changes',
  'returned',
  'termination_approved',
  'interruption_confirmed',
  'replan_requested',
  'continued',
  'noted',
] as const;
export type ItemDecision = (typeof itemDecisions)[number];

export const itemDecisionLabels: Record<ItemDecision, { ja: string; en: string }> = {
  adopted: { ja: '了承', en: 'Adopted' },
  adopted_with_changes: { ja: '修正の上了承', en: 'Adopted with changes' },
  returned: { ja: '差し戻し', en: 'Returned' },
  termination_approved: { ja: '終結を了承', en: 'Termination approved' },
  interruption_confirmed: { ja: '中断を確認', en: 'Interruption confirmed' },
  replan_requested: { ja: '再プランを求める', en: 'Re-plan requested' },
  continued: { ja: '支援継続を確認', en: 'Support continues' },
  noted: { ja: '共有・確認', en: 'Shared and noted' },
};

/** The decisions that fit each kind of item. */
export const decisionsFor: Record<ItemKind, readonly ItemDecision[]> = {
  new_plan: ['adopted', 'adopted_with_changes', 'returned'],
  replan: ['adopted', 'adopted_with_changes', 'returned'],
  plan_change: ['adopted', 'adopted_with_changes', 'returned'],
  evaluation: ['continued', 'replan_requested', 'termination_approved'],
  termination: ['termination_approved', 'returned'],
  interruption: ['interruption_confirmed', 'returned'],
  sharing: ['noted'],
};

/** The phases of one case (seed 000: 浜松市's 進行表) and their default minutes (30 in all). */
export const phases = ['introduction', 'report', 'questions', 'discussion', 'summary'] as const;
export type Phase = (typeof phases)[number];
export type PhaseMinutes = Record<Phase, number>;

export const defaultPhaseMinutes: PhaseMinutes = {
  introduction: 2,
  report: 5,
  questions: 5,
  discussion: 13,
  summary: 5,
};

export const phaseLabels: Record<Phase, { ja: string; en: string }> = {
  introduction: { ja: '出席者の紹介・資料の確認', en: 'Introductions and papers' },
  report: { ja: 'ケース概要の報告・プランの共有', en: 'Case report and plan' },
  questions: { ja: '質疑応答', en: 'Questions' },
  discussion: { ja: 'ディスカッション', en: 'Discussion' },
  summary: { ja: 'まとめ（決定事項・宿題の確認）', en: 'Summary: decisions and homework' },
};

/** "09:00" ↔ minutes since midnight. */
export function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

export function timeOf(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

export interface TimetableSlot {
  start: string;
  end: string;
  phases: { phase: Phase; start: string; end: string }[];
}

/**
 * The 進行表: items one after another from the meeting's start, each for its own minutes, and
 * within it the phases at the series' minutes; when an item is given more or less time than the
 * phases add up to, the discussion takes the difference (never below zero).
 */
export function layOutTimetable(
  startsAt: string,
  items: readonly { minutes: number }[],
  phaseMinutes: PhaseMinutes = defaultPhaseMinutes,
): TimetableSlot[] {
  let at = minutesOf(startsAt);
  const planned = phases.reduce((sum, p) => sum + phaseMinutes[p], 0);
  return items.map((item) => {
    const start = at;
    const end = start + item.minutes;
    let t = start;
    const laid = phases.map((phase) => {
      const length =
        phase === 'discussion'
          ? Math.max(0, phaseMinutes.discussion + item.minutes - planned)
          : phaseMinutes[phase];
      const from = Math.min(t, end);
      t = Math.min(t + length, end);
      return { phase, start: timeOf(from), end: timeOf(t) };
    });
    at = end;
    return { start: timeOf(start), end: timeOf(end), phases: laid };
  });
}

export type ConsentGate =
  | { ok: true; basis: 'consent'; consentId: string }
  | { ok: true; basis: 'law' | 'internal' }
  | { ok: false; reason: 'NO_CONSENT'; missingAgencyIds: string[] }
  | { ok: false; reason: 'PARTNERS_AT_INTERNAL_MEETING'; missingAgencyIds: string[] };

/**
 * May this person's case be discussed at a meeting of this type with these organisations present,
 * on this date? At a body resting on consent, one consent must cover every partner organisation
 * present for the item (members and those joining for this case); at a body under the law, the
 * members' duty of confidentiality is the basis; a case conference admits no partner at all.
 */
export function consentGate(
  type: MeetingType,
  consents: readonly ConsentRecord[],
  partnerAgencyIds: readonly string[],
  on: string,
): ConsentGate {
  const rule = meetingTypeRules[type];
  if (rule.sharing === 'law') return { ok: true, basis: 'law' };
  if (rule.sharing === 'internal') {
    return partnerAgencyIds.length === 0
      ? { ok: true, basis: 'internal' }
      : {
          ok: false,
          reason: 'PARTNERS_AT_INTERNAL_MEETING',
          missingAgencyIds: [...partnerAgencyIds],
        };
  }
  const covering = consentCovering(consents, partnerAgencyIds, on);
  if (covering) return { ok: true, basis: 'consent', consentId: covering.id };
  // No consent at all, or none that covers every organisation: name those not covered.
  return {
    ok: false,
    reason: 'NO_CONSENT',
    missingAgencyIds: agenciesWithoutConsent(consents, partnerAgencyIds, on),
  };
}
