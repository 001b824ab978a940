import { z } from 'zod';
import {
  agencyOperations,
  contractorKinds,
  municipalityKinds,
  partnerFields,
} from '../../domain/organisations';
import {
  email,
  kana,
  optionalDate,
  optionalText,
  phone,
  postalCode,
  queryFlag,
  requiredKana,
  requiredText,
  uuid,
  version,
  wholeNumber,
} from '../http/fields';

export const municipalityBody = z.object({
  version,
  code: z.preprocess(
    (v) => (v === undefined || (typeof v === 'string' && v.trim() === '') ? null : v),
    z
      .string()
      .transform((v) => v.normalize('NFKC').trim())
      .refine((v) => /^[0-9]{6}$/.test(v), 'invalid')
      .nullable(),
  ),
  name: requiredText(100),
  nameKana: requiredKana(200),
  prefecture: z.string().trim().min(2, 'required').max(10),
  kind: z.enum(municipalityKinds),
  population: wholeNumber(0, 50_000_000),
  populationAsOf: optionalDate,
});

export const districtBody = z.object({
  name: requiredText(100),
  nameKana: kana(200),
  sortOrder: wholeNumber(0, 9999).default(0),
});

export const districtUpdateBody = districtBody.extend({ version });

const siteBody = z.object({
  id: uuid.optional(),
  name: requiredText(200),
  postalCode,
  address: optionalText(300),
  phone,
  openingHours: optionalText(500),
  isOutreachDesk: z.boolean().default(false),
});

export const supportAgencyBody = z
  .object({
    name: requiredText(200),
    nameKana: kana(300),
    operation: z.enum(agencyOperations),
    contractorName: optionalText(200),
    contractorKind: z.preprocess(
      (v) => (v === '' || v === undefined ? null : v),
      z.enum(contractorKinds).nullable(),
    ),
    contractStart: optionalDate,
    contractEnd: optionalDate,
    phone,
    email,
    notes: optionalText(2000),
    archived: z.boolean().default(false),
    sites: z.array(siteBody).max(50).default([]),
  })
  .superRefine((v, ctx) => {
    if (v.operation === 'commissioned' && !v.contractorName) {
      ctx.addIssue({ code: 'custom', path: ['contractorName'], message: 'contractorRequired' });
    }
    if (v.operation === 'direct' && (v.contractorName || v.contractorKind)) {
      ctx.addIssue({ code: 'custom', path: ['contractorName'], message: 'contractorNotAllowed' });
    }
    const seen = new Set<string>();
    for (const [index, site] of v.sites.entries()) {
      if (seen.has(site.name)) {
        ctx.addIssue({ code: 'custom', path: ['sites', index, 'name'], message: 'duplicateName' });
      }
      seen.add(site.name);
    }
    if (v.contractStart && v.contractEnd && v.contractEnd < v.contractStart) {
      ctx.addIssue({ code: 'custom', path: ['contractEnd'], message: 'endBeforeStart' });
    }
  });

export const supportAgencyUpdateBody = z.intersection(supportAgencyBody, z.object({ version }));

export const partnerAgencyBody = z.object({
  name: requiredText(200),
  nameKana: kana(300),
  field: z.enum(partnerFields),
  legalBasis: optionalText(300),
  area: optionalText(300),
  services: optionalText(2000),
  openingHours: optionalText(300),
  howToRefer: optionalText(1000),
  postalCode,
  address: optionalText(300),
  phone,
  fax: phone,
  email,
  liaisonName: optionalText(100),
  liaisonTitle: optionalText(100),
  liaisonPhone: phone,
  notes: optionalText(2000),
  archived: z.boolean().default(false),
});

export const partnerAgencyUpdateBody = partnerAgencyBody.extend({ version });

export const partnerAgencyListQuery = z.object({
  q: z.string().max(100).optional(),
  field: z.enum(partnerFields).optional(),
  includeArchived: queryFlag,
  sort: z.enum(['name', 'field', 'updated']).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
});

export type MunicipalityInput = z.output<typeof municipalityBody>;
export type DistrictInput = z.output<typeof districtBody>;
export type SupportAgencyInput = z.output<typeof supportAgencyBody>;
export type PartnerAgencyInput = z.output<typeof partnerAgencyBody>;
export type PartnerAgencyListQuery = z.output<typeof partnerAgencyListQuery>;
