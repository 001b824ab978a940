import { agenciesWithoutConsent } from '../../domain/cases/consent';
import { consentRecordsOf } from '../consent/consent-records';
import { isUniqueViolation } from '../db/errors';
import type { ActorContext, AppDeps } from '../http/context';
import { fieldError } from '../http/domain-error';
import {
  assertOpen,
  auditMultiAgency,
  isLeadTaken,
  leadTaken,
  loadMultiAgencyCaseToManage,
  today,
} from './multi-agency-access';
import { assertAgencyExists, assertHouseholdMember } from './references';
import type { MemberInput } from './schema';

/**
 * An agency joins the household's case with its role (役割分担): whom it supports and what it
 * does. A partner agency joins only within the person's consent — it will read the joint plan —
 * and the refusal names the agency. Made the lead, it takes the lead from whoever had it.
 */
export async function addMember(deps: AppDeps, ctx: ActorContext, id: string, input: MemberInput) {
  const action = 'multi_agency.member.add';
  const loaded = await loadMultiAgencyCaseToManage(deps, ctx, id, action);
  assertOpen(loaded);
  const { row, anchor } = loaded;
  const db = deps.database.db;
  await assertAgencyExists(
    db,
    row.municipality_id,
    { partner: input.partnerAgencyId, support: input.supportAgencyId },
    { partner: 'partnerAgencyId', support: 'supportAgencyId' },
  );
  const householdMemberId = input.supports === 'member' ? input.householdMemberId : null;
  await assertHouseholdMember(db, anchor.person_id, householdMemberId);
  if (input.joinedOn < row.referred_on) {
    throw fieldError('joinedOn', 'notBeforeMultiAgencyReferral', { date: row.referred_on });
  }
  if (input.partnerAgencyId) {
    const missing = agenciesWithoutConsent(
      await consentRecordsOf(db, anchor.id),
      [input.partnerAgencyId],
      today(deps),
    );
    if (missing.length > 0) {
      const agency = await db
        .selectFrom('partner_agency')
        .select('name')
        .where('id', '=', input.partnerAgencyId)
        .executeTakeFirstOrThrow();
      throw fieldError('partnerAgencyId', 'consentNotCoveringAgency', { agency: agency.name });
    }
  }
  const same = await db
    .selectFrom('multi_agency_member')
    .select('id')
    .where('multi_agency_case_id', '=', id)
    .where('left_on', 'is', null)
    .where('supports', '=', input.supports)
    .where((eb) =>
      input.partnerAgencyId
        ? eb('partner_agency_id', '=', input.partnerAgencyId)
        : eb('support_agency_id', '=', input.supportAgencyId),
    )
    .where((eb) =>
      householdMemberId
        ? eb('household_member_id', '=', householdMemberId)
        : eb('household_member_id', 'is', null),
    )
    .executeTakeFirst();
  if (same) throw fieldError('partnerAgencyId', 'memberAlreadyInvolved');
  return db
    .transaction()
    .execute(async (trx) => {
      if (input.lead) {
        await trx
          .updateTable('multi_agency_member')
          .set((eb) => ({ lead: false, version: eb('version', '+', 1), updated_at: deps.now() }))
          .where('multi_agency_case_id', '=', id)
          .where('lead', '=', true)
          .execute();
      }
      const member = await trx
        .insertInto('multi_agency_member')
        .values({
          municipality_id: row.municipality_id,
          multi_agency_case_id: id,
          partner_agency_id: input.partnerAgencyId,
          support_agency_id: input.supportAgencyId,
          supports: input.supports,
          household_member_id: householdMemberId,
          role: input.role,
          contact_name: input.contactName,
          lead: input.lead,
          tie_strength: input.tieStrength,
          joined_on: input.joinedOn,
          created_at: deps.now(),
          updated_at: deps.now(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await auditMultiAgency(
        trx,
        ctx,
        loaded,
        action,
        { type: 'multi_agency_member', id: member.id },
        {
          partnerAgencyId: input.partnerAgencyId,
          supportAgencyId: input.supportAgencyId,
          lead: input.lead,
        },
      );
      return member;
    })
    .catch((error: unknown) => {
      // Another request made another agency the lead meanwhile: not this agency's duplicate.
      if (isLeadTaken(error)) throw leadTaken();
      // Another request added the same agency for the same person first.
      if (isUniqueViolation(error)) throw fieldError('partnerAgencyId', 'memberAlreadyInvolved');
      throw error;
    });
}
