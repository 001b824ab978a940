import type { Actor } from '../actor';
import {
  activityAllowed,
  allowedReferralActions,
  type ReferralAction,
  type ReferralParty,
  type ReferralStatus,
} from '../referrals/referral-status';
import { can } from './can';

/**
 * Who may do what with a referral (つなぎ). The sender is the case's agency: staff who may work
 * the case (policies/case-policy.ts `canWorkCase`) confirm arrival or cancel. The receiver is the
 * partner agency referred to: its staff see what was sent to their agency — nothing of another
 * agency's — answer it, and record what they did. The hand-over itself is further bounded by the
 * person's consent (referrals/referral-status.ts `handOverVisible`).
 */
export interface ReferralSubject {
  municipalityId: string;
  status: ReferralStatus;
  /** The agency referred to, when it is on the system; null for an outside destination. */
  partnerAgencyId: string | null;
  /** The case policy lets the actor work the referring case. */
  worksCase: boolean;
}

export function referralPartyOf(actor: Actor, subject: ReferralSubject): ReferralParty | null {
  if (
    subject.partnerAgencyId !== null &&
    actor.partnerAgencyId === subject.partnerAgencyId &&
    can(actor, 'referral.respond', subject)
  )
    return 'receiver';
  if (subject.worksCase && can(actor, 'case.update', subject)) return 'sender';
  return null;
}

export interface ReferralAbilities {
  /** The steps the actor may take now: the screens offer only these. */
  actions: ReferralAction[];
  /** The receiver may record what it did for the person. */
  addActivity: boolean;
}

export function referralAbilities(actor: Actor, subject: ReferralSubject): ReferralAbilities {
  const party = referralPartyOf(actor, subject);
  if (!party) return { actions: [], addActivity: false };
  return {
    actions: allowedReferralActions(subject.status, party, subject.partnerAgencyId !== null),
    addActivity: party === 'receiver' && activityAllowed(subject.status),
  };
}
