import type { Actor, TenantOwned } from '../../domain/actor';
import type { Action } from '../../domain/permissions';
import { can } from '../../domain/policies/can';
import { forbidden } from '../http/domain-error';

/**
 * Refuses with FORBIDDEN unless the policy allows. The refusal carries what was attempted, and
 * the error boundary writes the audit row for it once the request's transaction is gone.
 */
export function authorize(
  actor: Actor,
  action: Action,
  subject?: TenantOwned,
  audited: { subjectType?: string; subjectId?: string } = {},
): void {
  if (!can(actor, action, subject)) throw forbidden({ action, ...audited });
}
