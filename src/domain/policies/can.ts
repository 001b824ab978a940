import type { Actor, TenantOwned } from '../actor';
import { type Action, rolesAllow } from '../permissions';

/**
 * The one question every policy asks first: does a role of the actor allow the action, and does
 * the subject (when there is one) belong to the actor's municipality? Deny by default.
 */
export function can(actor: Actor, action: Action, subject?: TenantOwned): boolean {
  if (!rolesAllow(actor.roles, action)) return false;
  if (subject && subject.municipalityId !== actor.municipalityId) return false;
  return true;
}
