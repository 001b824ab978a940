import type { PartnerAgencyInput } from './schema';

/** The request's fields as partner_agency columns. */
export function partnerAgencyColumns(input: PartnerAgencyInput, now: Date) {
  return {
    name: input.name,
    name_kana: input.nameKana,
    field: input.field,
    legal_basis: input.legalBasis,
    area: input.area,
    services: input.services,
    opening_hours: input.openingHours,
    how_to_refer: input.howToRefer,
    postal_code: input.postalCode,
    address: input.address,
    phone: input.phone,
    fax: input.fax,
    email: input.email,
    liaison_name: input.liaisonName,
    liaison_title: input.liaisonTitle,
    liaison_phone: input.liaisonPhone,
    notes: input.notes,
    archived_at: input.archived ? now : null,
  };
}
