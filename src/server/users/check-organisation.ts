import type { FieldMessageKey } from '../../domain/field-messages';
import { checkRoleAssignment, type Role } from '../../domain/roles';
import type { ScopedReader } from '../access/scoped-reader';
import { fieldError } from '../http/domain-error';

const problemFields: Record<string, { path: string; key: FieldMessageKey }> = {
  PARTNER_STAFF_EXCLUSIVE: { path: 'roles', key: 'partnerStaffExclusive' },
  PARTNER_AGENCY_REQUIRED: { path: 'partnerAgencyId', key: 'partnerAgencyRequired' },
  PARTNER_AGENCY_NOT_ALLOWED: { path: 'partnerAgencyId', key: 'partnerAgencyNotAllowed' },
  SUPPORT_AGENCY_REQUIRED: { path: 'supportAgencyId', key: 'supportAgencyRequired' },
};

/**
 * The roles decide which organisation an account belongs to (domain/roles.ts); the organisation
 * must exist in the actor's municipality.
 */
export async function checkUserOrganisation(
  reader: ScopedReader,
  input: { roles: Role[]; supportAgencyId: string | null; partnerAgencyId: string | null },
): Promise<void> {
  const problem = checkRoleAssignment(input);
  if (problem) {
    const field = problemFields[problem];
    if (field) throw fieldError(field.path, field.key);
  }
  if (input.supportAgencyId) {
    const found = await reader
      .supportAgencies()
      .select('id')
      .where('id', '=', input.supportAgencyId)
      .executeTakeFirst();
    if (!found) throw fieldError('supportAgencyId', 'unknownReference');
  }
  if (input.partnerAgencyId) {
    const found = await reader
      .partnerAgencies()
      .select('id')
      .where('id', '=', input.partnerAgencyId)
      .executeTakeFirst();
    if (!found) throw fieldError('partnerAgencyId', 'unknownReference');
  }
}
