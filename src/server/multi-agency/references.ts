import type { Kysely } from 'kysely';
import { rolesAllow } from '../../domain/permissions';
import type { Database } from '../db/schema';
import { fieldError } from '../http/domain-error';

/**
 * Checks of what a multi-agency request names: an agency of the municipality, a coordinator who
 * may coordinate, a member of the person's household. A wrong one is the field's error.
 */
export async function assertAgencyExists(
  db: Kysely<Database>,
  municipalityId: string,
  ids: { partner: string | null; support: string | null },
  paths: { partner: string; support: string },
): Promise<void> {
  const partnerId = ids.partner;
  const supportId = ids.support;
  if (partnerId) {
    const found = await db
      .selectFrom('partner_agency')
      .select('id')
      .where('id', '=', partnerId)
      .where('municipality_id', '=', municipalityId)
      .executeTakeFirst();
    if (!found) throw fieldError(paths.partner, 'unknownReference');
  }
  if (supportId) {
    const found = await db
      .selectFrom('support_agency')
      .select('id')
      .where('id', '=', supportId)
      .where('municipality_id', '=', municipalityId)
      .executeTakeFirst();
    if (!found) throw fieldError(paths.support, 'unknownReference');
  }
}

/** The coordinator: a member of staff of the municipality who may keep multi-agency cases. */
export async function assertCoordinator(
  db: Kysely<Database>,
  municipalityId: string,
  userId: string,
): Promise<void> {
  const user = await db
    .selectFrom('app_user')
    .select('roles')
    .where('id', '=', userId)
    .where('municipality_id', '=', municipalityId)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  if (!user || !rolesAllow(user.roles, 'multiAgency.manage')) {
    throw fieldError('coordinatorId', 'unknownReference');
  }
}

/** A member of the person's household. */
export async function assertHouseholdMember(
  db: Kysely<Database>,
  personId: string,
  memberId: string | null,
  path = 'householdMemberId',
): Promise<void> {
  if (!memberId) return;
  const found = await db
    .selectFrom('household_member')
    .select('id')
    .where('id', '=', memberId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  if (!found) throw fieldError(path, 'unknownReference');
}
