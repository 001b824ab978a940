import type { Actor } from '../actor';
import {
  allowedMultiAgencyActions,
  isOpenMultiAgencyStatus,
  type MultiAgencyAction,
  type MultiAgencyStatus,
} from '../multi-agency/multi-agency-case';
import { can } from './can';
import { type CaseSubject, canReadCase, canWorkCase } from './case-policy';

/**
 * Who may see and work a household's multi-agency case (多機関協働, DOMAIN.md §5).
 *
 * - Staff who may read the person's case read it as their own case work; the coordinator reads the
 *   cases they coordinate even when the person's case belongs to another agency.
 * - Partner staff read the roles and the joint plan of an open case their agency still takes part
 *   in, and only while the person's consent covers their agency; an ended or returned case, or
 *   anything else, is refused (403, audited).
 * - The coordinator, the municipality's officers and the staff who work the person's case keep it:
 *   members, roles, lead, joint plan, review, end.
 */
export interface MultiAgencySubject {
  municipalityId: string;
  status: MultiAgencyStatus;
  coordinatorId: string | null;
  /** The person's support case the multi-agency case rests on. */
  anchor: CaseSubject;
  /** Partner agencies involved now (not those that have left). */
  memberPartnerAgencyIds: readonly string[];
  /** An active consent of the person covers the actor's organisation. */
  consentCoversActor: boolean;
}

export type MultiAgencyReadAccess =
  | { allowed: true; basis: 'own_case' | 'consent' }
  | { allowed: false; code: 'FORBIDDEN' | 'MEETING_OUTSIDE_CONSENT' };

export function multiAgencyReadAccess(
  actor: Actor,
  subject: MultiAgencySubject,
): MultiAgencyReadAccess {
  if (actor.municipalityId !== subject.municipalityId) return { allowed: false, code: 'FORBIDDEN' };
  if (canReadCase(actor, subject.anchor)) return { allowed: true, basis: 'own_case' };
  if (subject.coordinatorId === actor.userId && can(actor, 'multiAgency.manage', subject)) {
    return { allowed: true, basis: 'own_case' };
  }
  const partner = actor.partnerAgencyId;
  if (actor.roles.includes('partner_staff') && partner) {
    if (
      !isOpenMultiAgencyStatus(subject.status) ||
      !subject.memberPartnerAgencyIds.includes(partner)
    ) {
      return { allowed: false, code: 'FORBIDDEN' };
    }
    return subject.consentCoversActor
      ? { allowed: true, basis: 'consent' }
      : { allowed: false, code: 'MEETING_OUTSIDE_CONSENT' };
  }
  return { allowed: false, code: 'FORBIDDEN' };
}

/** Keeps the case: the coordinator, the municipality's officers, and the person's own workers. */
export function canManageMultiAgencyCase(actor: Actor, subject: MultiAgencySubject): boolean {
  if (!can(actor, 'multiAgency.manage', subject)) return false;
  return (
    subject.coordinatorId === actor.userId ||
    actor.roles.includes('municipal_officer') ||
    canWorkCase(actor, subject.anchor)
  );
}

/** Refers a household from the person's case: their own workers, or the municipality's officer. */
export function canReferToMultiAgency(actor: Actor, anchor: CaseSubject): boolean {
  if (!can(actor, 'multiAgency.manage', anchor)) return false;
  return actor.roles.includes('municipal_officer') || canWorkCase(actor, anchor);
}

export interface MultiAgencyAbilities {
  read: boolean;
  manage: boolean;
  /** Members, roles, lead and joint plan may be changed now. */
  edit: boolean;
  /** The steps the actor may take now: the screens offer only these. */
  actions: MultiAgencyAction[];
}

export function multiAgencyAbilities(
  actor: Actor,
  subject: MultiAgencySubject,
): MultiAgencyAbilities {
  const manage = canManageMultiAgencyCase(actor, subject);
  return {
    read: multiAgencyReadAccess(actor, subject).allowed,
    manage,
    edit: manage && isOpenMultiAgencyStatus(subject.status),
    actions: manage ? allowedMultiAgencyActions(subject.status) : [],
  };
}
