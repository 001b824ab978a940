/**
 * The roles of DOMAIN.md §1. A user may hold several (兼務 is common in small agencies);
 * what they may do is the union of what each role allows.
 */
export const roles = [
  'support_worker',
  'chief_support_worker',
  'employment_support_worker',
  'household_budget_worker',
  'municipal_officer',
  'partner_staff',
  'admin',
  'auditor',
] as const;

export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, { ja: string; en: string }> = {
  support_worker: { ja: '相談支援員', en: 'Support worker' },
  chief_support_worker: { ja: '主任相談支援員', en: 'Chief support worker' },
  employment_support_worker: { ja: '就労支援員', en: 'Employment support worker' },
  household_budget_worker: { ja: '家計改善支援員', en: 'Household budget support worker' },
  municipal_officer: { ja: '自治体担当者', en: 'Municipal officer' },
  partner_staff: { ja: '関係機関職員', en: 'Partner agency staff' },
  admin: { ja: '管理者', en: 'Administrator' },
  auditor: { ja: '監査担当', en: 'Auditor' },
};

/** Roles whose holders work inside a 自立相談支援機関 and so must belong to one. */
export const agencyRoles: readonly Role[] = [
  'support_worker',
  'chief_support_worker',
  'employment_support_worker',
  'household_budget_worker',
];

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

export type RoleAssignmentProblem =
  | 'PARTNER_STAFF_EXCLUSIVE'
  | 'PARTNER_AGENCY_REQUIRED'
  | 'SUPPORT_AGENCY_REQUIRED'
  | 'PARTNER_AGENCY_NOT_ALLOWED';

/**
 * Which organisation a user must belong to follows from their roles: partner staff belong to a
 * partner agency and hold no other role; agency roles need a support agency.
 */
export function checkRoleAssignment(input: {
  roles: readonly Role[];
  supportAgencyId: string | null;
  partnerAgencyId: string | null;
}): RoleAssignmentProblem | null {
  const isPartner = input.roles.includes('partner_staff');
  if (isPartner && input.roles.length > 1) return 'PARTNER_STAFF_EXCLUSIVE';
  if (isPartner && !input.partnerAgencyId) return 'PARTNER_AGENCY_REQUIRED';
  if (!isPartner && input.partnerAgencyId) return 'PARTNER_AGENCY_NOT_ALLOWED';
  if (input.roles.some((r) => agencyRoles.includes(r)) && !input.supportAgencyId) {
    return 'SUPPORT_AGENCY_REQUIRED';
  }
  return null;
}
