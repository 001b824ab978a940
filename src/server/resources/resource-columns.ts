import type { Kysely } from 'kysely';
import { foldForSearch } from '../../domain/text/kana';
import type { Database } from '../db/schema';
import { fieldError } from '../http/domain-error';
import type { SocialResourceInput } from './schema';

/** The request's fields as social_resource columns, with the folded text the list searches. */
export function socialResourceColumns(input: SocialResourceInput) {
  return {
    name: input.name,
    name_kana: input.nameKana,
    category: input.category,
    service_class: input.serviceClass,
    formal: input.formal,
    provider_partner_agency_id: input.providerPartnerAgencyId,
    provider_name: input.providerName,
    description: input.description,
    capacity: input.capacity,
    capacity_note: input.capacityNote,
    area: input.area,
    district_id: input.districtId,
    postal_code: input.postalCode,
    address: input.address,
    phone: input.phone,
    email: input.email,
    contact_name: input.contactName,
    hours: input.hours,
    fee: input.fee,
    tags: input.tags,
    participation_kinds: input.participationKinds,
    accommodations: input.accommodations,
    is_community_base: input.isCommunityBase,
    coordinator_name: input.coordinatorName,
    search_text: searchTextOf(input),
  };
}

/**
 * What a text search looks in, folded as a query is (kana, width, spaces). The separator keeps a
 * query from matching across two fields.
 */
export function searchTextOf(input: SocialResourceInput): string {
  return [
    input.name,
    input.nameKana,
    input.providerName,
    input.description,
    input.area,
    input.address,
    input.contactName,
    input.coordinatorName,
    input.accommodations,
    ...input.tags,
  ]
    .filter((v): v is string => Boolean(v))
    .map(foldForSearch)
    .join('|');
}

/** The provider agency and the district named must be the municipality's own. */
export async function assertResourceReferences(
  db: Kysely<Database>,
  municipalityId: string,
  input: SocialResourceInput,
  prefix = '',
) {
  if (input.providerPartnerAgencyId) {
    const found = await db
      .selectFrom('partner_agency')
      .select('id')
      .where('id', '=', input.providerPartnerAgencyId)
      .where('municipality_id', '=', municipalityId)
      .executeTakeFirst();
    if (!found) throw fieldError(`${prefix}providerPartnerAgencyId`, 'unknownReference');
  }
  if (input.districtId) {
    const found = await db
      .selectFrom('district')
      .select('id')
      .where('id', '=', input.districtId)
      .where('municipality_id', '=', municipalityId)
      .executeTakeFirst();
    if (!found) throw fieldError(`${prefix}districtId`, 'unknownReference');
  }
}
