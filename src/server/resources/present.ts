import type { Actor } from '../../domain/actor';
import { socialResourceAbilities } from '../../domain/policies/resource-policy';
import type { SocialResource } from '../db/schema-resources';

/** A directory row with the names of what it points at. */
export type SocialResourceRow = SocialResource & {
  provider_partner_agency_name: string | null;
  district_name: string | null;
};

/** A resource as the API shows it: camelCase, ISO times, and what the actor may do with it. */
export function presentSocialResource(actor: Actor, r: SocialResourceRow) {
  return {
    id: r.id,
    name: r.name,
    nameKana: r.name_kana,
    category: r.category,
    serviceClass: r.service_class,
    formal: r.formal,
    providerPartnerAgencyId: r.provider_partner_agency_id,
    providerPartnerAgencyName: r.provider_partner_agency_name,
    providerName: r.provider_name,
    description: r.description,
    capacity: r.capacity,
    capacityNote: r.capacity_note,
    area: r.area,
    districtId: r.district_id,
    districtName: r.district_name,
    postalCode: r.postal_code,
    address: r.address,
    phone: r.phone,
    email: r.email,
    contactName: r.contact_name,
    hours: r.hours,
    fee: r.fee,
    tags: r.tags,
    participationKinds: r.participation_kinds,
    accommodations: r.accommodations,
    isCommunityBase: r.is_community_base,
    coordinatorName: r.coordinator_name,
    archived: r.archived_at !== null,
    version: r.version,
    updatedAt: r.updated_at.toISOString(),
    abilities: socialResourceAbilities(actor, { municipalityId: r.municipality_id }),
  };
}

export type SocialResourceView = ReturnType<typeof presentSocialResource>;
