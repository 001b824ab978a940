import type { Kysely } from 'kysely';
import type { ConsentRecord } from '../../domain/cases/consent';
import type { Database } from '../db/schema';

/**
 * A case's consents as the domain rules read them (src/domain/cases/consent.ts): every use that
 * shares a person's information asks these records.
 */
export async function consentRecordsOf(
  db: Kysely<Database>,
  caseId: string,
): Promise<ConsentRecord[]> {
  const [consents, agencies] = await Promise.all([
    db
      .selectFrom('consent')
      .select(['id', 'given_on', 'withdrawn_on', 'all_agencies'])
      .where('case_id', '=', caseId)
      .orderBy('given_on', 'desc')
      .execute(),
    db
      .selectFrom('consent_agency')
      .innerJoin('consent', 'consent.id', 'consent_agency.consent_id')
      .select(['consent_agency.consent_id', 'consent_agency.partner_agency_id'])
      .where('consent.case_id', '=', caseId)
      .execute(),
  ]);
  return consents.map((c) => ({
    id: c.id,
    givenOn: c.given_on,
    withdrawnOn: c.withdrawn_on,
    allAgencies: c.all_agencies,
    partnerAgencyIds: agencies.filter((a) => a.consent_id === c.id).map((a) => a.partner_agency_id),
  }));
}
