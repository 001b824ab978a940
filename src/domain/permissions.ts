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
  /** See cases and the personal data in them (row visibility: policies/case-policy.ts). */
  'case.read',
  /** Open a case: a lead (把握) or an intake. */
  'case.create',
  /** Record in a case: intake, consent, assessment, plans, contacts, monitoring, evaluation, closure. */
  'case.update',
  /** Change who leads a case and who is on its team. */
  'case.assign',
  /** The chief's review of an assessment (主任相談支援員のコメント). */
  'assessment.review',
  /** 支援決定・確認: the municipality's decision; it cannot be delegated to a commissioned agency. */
  'supportDecision.record',
  /** See the meetings one takes part in, and the items one may see there (policies/meeting-policy.ts). */
  'meeting.read',
  /** Set up meeting bodies and their members, schedule meetings, build agendas, take attendance. */
  'meeting.manage',
  /** Record what a meeting discussed and decided, with homework and missing resources. */
  'meeting.record',
  /** One's own tasks: homework from meetings. */
  'task.update',
  /**
   * Partner staff: see the referrals sent to their agency and the case items shared with it,
   * accept, decline or return a referral, and add what they did (policies/referral-policy.ts).
   */
  'referral.respond',
  /** Keep the social-resource directory (社会資源) and the places of 参加支援 and 地域づくり. */
  'socialResource.manage',
  /** Raise and follow resource gaps (不足する社会資源 / 地域課題) until something is built. */
  'resourceGap.manage',
  /** Coordinate a household's multi-agency case (多機関協働): agencies, roles, lead, joint plan. */
  'multiAgency.manage',
  /** Community bases and activities (地域づくり) and the issues spotted there. */
  'community.manage',
  /**
   * 開示: everything held on one person, as a document and as JSON, to answer a request for
   * disclosure (個人情報の開示請求). Row visibility as for reading a case.
   */
  'person.disclose',
  /** See the statistics (national indicators, breakdowns): aggregates, no personal data. */
  'statistics.read',
  /** Set the 目安値 and the districts' populations the statistics are measured against. */
  'statistics.manage',
  /** Export per-person statistics (one row per person, like the national statistics input). */
  'statistics.export',
] as const;

export type Action = (typeof actions)[number];

/** The roles that work cases inside a 自立相談支援機関. */
const supportRoles: readonly Role[] = [
  'support_worker',
  'chief_support_worker',
  'employment_support_worker',
  'household_budget_worker',
];

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
  'case.read': [...supportRoles, 'municipal_officer'],
  'case.create': supportRoles,
  'case.update': supportRoles,
  'case.assign': ['chief_support_worker'],
  'assessment.review': ['chief_support_worker'],
  'supportDecision.record': ['municipal_officer'],
  'meeting.read': [...supportRoles, 'municipal_officer', 'partner_staff'],
  'meeting.manage': [...supportRoles, 'municipal_officer'],
  'meeting.record': [...supportRoles, 'municipal_officer'],
  'task.update': [...supportRoles, 'municipal_officer', 'partner_staff'],
  'referral.respond': ['partner_staff'],
  'socialResource.manage': [...supportRoles, 'municipal_officer', 'admin'],
  'resourceGap.manage': [...supportRoles, 'municipal_officer'],
  'multiAgency.manage': [...supportRoles, 'municipal_officer'],
  'community.manage': [...supportRoles, 'municipal_officer'],
  // The municipality answers 開示請求; the chief of the agency that holds the records prepares them.
  'person.disclose': ['municipal_officer', 'chief_support_worker'],
  'statistics.read': [...supportRoles, 'municipal_officer', 'admin'],
  'statistics.manage': ['municipal_officer', 'admin'],
  'statistics.export': ['chief_support_worker', 'municipal_officer'],
};

export function rolesAllow(roles: readonly Role[], action: Action): boolean {
  const allowed = permissionTable[action];
  return roles.some((role) => allowed.includes(role));
}

/** Every action the given roles allow, for the client's navigation. */
export function allowedActions(roles: readonly Role[]): Action[] {
  return actions.filter((action) => rolesAllow(roles, action));
}
