import type { ContactMode } from './vocabulary';

/**
 * 中断 (DOMAIN.md §3 step 13; seed 002: "一時的に連絡が途絶えた場合は…連絡票を自宅に置く、親しい
 * 人に連絡する等") is decided only after contact has been tried, and failed, in more than one way
 * since the person was last reached: at least a home visit, and a letter or asking people close
 * to them. The decision itself is then confirmed at the 支援調整会議.
 */
export interface ContactAttempt {
  mode: ContactMode;
  occurredAt: string;
  reached: boolean;
}

export const interruptionRequires: readonly ContactMode[] = ['visit'];
export const interruptionRequiresOneOf: readonly ContactMode[] = ['letter', 'inquiry'];

export function missingAttemptsForInterruption(contacts: readonly ContactAttempt[]): ContactMode[] {
  const lastReached = contacts
    .filter((c) => c.reached)
    .map((c) => c.occurredAt)
    .sort()
    .at(-1);
  const since = contacts.filter((c) => !c.reached && (!lastReached || c.occurredAt > lastReached));
  const tried = new Set(since.map((c) => c.mode));
  const missing: ContactMode[] = interruptionRequires.filter((m) => !tried.has(m));
  if (!interruptionRequiresOneOf.some((m) => tried.has(m)))
    missing.push(...interruptionRequiresOneOf);
  return missing;
}
