import type { Role } from './roles';

/**
 * The role × action table. It is the only place that says which role may do what; the server
 * enforces it through the policies in ./policies and sends each user's actions to the client,
 * which only reflects them. Deny by default: an action a role does not list is refused.
 */
export const actions = [
  /** See the organisations of one's municipality: agencies, sites, partner agencies, districts. */
  'directory.read',
  'municipality.update',
  'supportAgency.manage',
  'partnerAgency.manage',
  /** See staff accounts (names, roles, sign-in state). */
  'user.read',
  'user.manage',
  'audit.read',
  'audit.export',
] as const;

export type Action = (typeof actions)[number];

const staff: readonly Role[] = [
  'support_worker',
  'chief_support_worker',
  'employment_support_worker',
  'household_budget_worker',
  'municipal_officer',
  'admin',
  'auditor',
];

export const permissionTable: Record<Action, readonly Role[]> = {
  'directory.read': [...staff, 'partner_staff'],
  'municipality.update': ['admin'],
  'supportAgency.manage': ['admin'],
  // The chief support worker builds the local network (DOMAIN.md §1), so keeps the partner list.
  'partnerAgency.manage': ['admin', 'chief_support_worker'],
  'user.read': ['admin'],
  'user.manage': ['admin'],
  'audit.read': ['admin', 'auditor'],
  'audit.export': ['admin', 'auditor'],
};

export function rolesAllow(roles: readonly Role[], action: Action): boolean {
  const allowed = permissionTable[action];
  return roles.some((role) => allowed.includes(role));
}

/** Every action the given roles allow, for the client's navigation. */
export function allowedActions(roles: readonly Role[]): Action[] {
  return actions.filter((action) => rolesAllow(roles, action));
}
