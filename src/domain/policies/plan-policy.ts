import type { Actor } from '../actor';
import { allowedPlanActions, isEditablePlan, type PlanStatus } from '../cases/plan-status';
import { can } from './can';
import { type CaseSubject, canWorkCase } from './case-policy';

export interface PlanAbilities {
  update: boolean;
  submit: boolean;
  return: boolean;
  adopt: boolean;
  decide: boolean;
  activate: boolean;
}

/** What the actor may do with one plan now: its status allows it, and their role does. */
export function planAbilities(
  actor: Actor,
  subject: CaseSubject,
  status: PlanStatus,
): PlanAbilities {
  const work = canWorkCase(actor, subject);
  const allowed = allowedPlanActions(status);
  return {
    update: work && isEditablePlan(status),
    submit: work && allowed.includes('submit'),
    return: work && allowed.includes('return'),
    adopt: work && allowed.includes('adopt'),
    decide: can(actor, 'supportDecision.record', subject) && allowed.includes('decide'),
    activate: work && allowed.includes('activate'),
  };
}
