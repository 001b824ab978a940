import type { Actor } from '../../domain/actor';
import {
  municipalityAbilities,
  partnerAgencyAbilities,
  supportAgencyAbilities,
} from '../../domain/policies/organisation-policy';
import type {
  AgencySite,
  District,
  Municipality,
  PartnerAgency,
  SupportAgency,
} from '../db/schema';

/** Rows as the API shows them: camelCase, ISO times, and what the actor may do with each. */
export function presentMunicipality(actor: Actor, m: Municipality, districts: District[]) {
  return {
    id: m.id,
    code: m.code,
    name: m.name,
    nameKana: m.name_kana,
    prefecture: m.prefecture,
    kind: m.kind,
    population: m.population,
    populationAsOf: m.population_as_of,
    version: m.version,
    updatedAt: m.updated_at.toISOString(),
    districts: districts.map(presentDistrict),
    abilities: municipalityAbilities(actor, m),
  };
}

export function presentDistrict(d: District) {
  return {
    id: d.id,
    name: d.name,
    nameKana: d.name_kana,
    sortOrder: d.sort_order,
    version: d.version,
  };
}

export function presentSite(s: AgencySite) {
  return {
    id: s.id,
    name: s.name,
    postalCode: s.postal_code,
    address: s.address,
    phone: s.phone,
    openingHours: s.opening_hours,
    isOutreachDesk: s.is_outreach_desk,
  };
}

export function presentSupportAgency(actor: Actor, a: SupportAgency, sites: AgencySite[]) {
  return {
    id: a.id,
    name: a.name,
    nameKana: a.name_kana,
    operation: a.operation,
    contractorName: a.contractor_name,
    contractorKind: a.contractor_kind,
    contractStart: a.contract_start,
    contractEnd: a.contract_end,
    phone: a.phone,
    email: a.email,
    notes: a.notes,
    archived: a.archived_at !== null,
    version: a.version,
    updatedAt: a.updated_at.toISOString(),
    sites: sites.map(presentSite),
    abilities: supportAgencyAbilities(actor, { municipalityId: a.municipality_id }),
  };
}

export function presentPartnerAgency(actor: Actor, p: PartnerAgency) {
  return {
    id: p.id,
    name: p.name,
    nameKana: p.name_kana,
    field: p.field,
    legalBasis: p.legal_basis,
    area: p.area,
    services: p.services,
    openingHours: p.opening_hours,
    howToRefer: p.how_to_refer,
    postalCode: p.postal_code,
    address: p.address,
    phone: p.phone,
    fax: p.fax,
    email: p.email,
    liaisonName: p.liaison_name,
    liaisonTitle: p.liaison_title,
    liaisonPhone: p.liaison_phone,
    notes: p.notes,
    archived: p.archived_at !== null,
    version: p.version,
    updatedAt: p.updated_at.toISOString(),
    abilities: partnerAgencyAbilities(actor, { municipalityId: p.municipality_id }),
  };
}

export type MunicipalityView = ReturnType<typeof presentMunicipality>;
export type SupportAgencyView = ReturnType<typeof presentSupportAgency>;
export type PartnerAgencyView = ReturnType<typeof presentPartnerAgency>;
