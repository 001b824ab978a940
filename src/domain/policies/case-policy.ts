import type { Actor } from '../actor';
import { allowedCaseActions, type CaseAction, type CaseStatus } from '../cases/case-status';
import { can } from './can';

/**
 * Who may see and work a case. The municipality is responsible for every case, so its officers
 * read them all (they decide support); staff of a support agency read and work the cases of their
 * agency; someone from elsewhere works a case only when put on its team (e.g. the household budget
 * worker of a commissioned agency). Partner staff, administrators and auditors see no case here.
 */
export interface CaseSubject {
  municipalityId: string;
  supportAgencyId: string;
  status: CaseStatus;
  teamUserIds: readonly string[];
}

function inAgencyOrTeam(actor: Actor, subject: CaseSubject): boolean {
  return (
    actor.supportAgencyId === subject.supportAgencyId || subject.teamUserIds.includes(actor.userId)
  );
}

export function canReadCase(actor: Actor, subject: CaseSubject): boolean {
  if (!can(actor, 'case.read', subject)) return false;
  return actor.roles.includes('municipal_officer') || inAgencyOrTeam(actor, subject);
}

export function canWorkCase(actor: Actor, subject: CaseSubject): boolean {
  return can(actor, 'case.update', subject) && inAgencyOrTeam(actor, subject);
}

export interface CaseAbilities {
  read: boolean;
  update: boolean;
  assign: boolean;
  reviewAssessment: boolean;
  decideSupport: boolean;
  /** The status changes the actor may make now: the screens offer only these. */
  actions: CaseAction[];
}

/** Transitions that are the municipality's, not the agency's. */
const municipalActions: readonly CaseAction[] = ['decide_support'];

export function caseAbilities(actor: Actor, subject: CaseSubject): CaseAbilities {
  const work = canWorkCase(actor, subject);
  const decide = can(actor, 'supportDecision.record', subject);
  return {
    read: canReadCase(actor, subject),
    update: work,
    assign: work && can(actor, 'case.assign', subject),
    reviewAssessment: work && can(actor, 'assessment.review', subject),
    decideSupport: decide,
    actions: allowedCaseActions(subject.status).filter((a) =>
      municipalActions.includes(a) ? decide : work,
    ),
  };
}
