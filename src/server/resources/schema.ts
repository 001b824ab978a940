import { z } from 'zod';
import { serviceClasses } from '../../domain/cases/vocabulary';
import {
  formalities,
  participationKinds,
  resourceCategories,
} from '../../domain/resources/vocabulary';
import {
  choices,
  email,
  kana,
  optionalText,
  optionalUuid,
  phone,
  postalCode,
  queryFlag,
  requiredText,
  uuid,
  version,
  wholeNumber,
} from '../http/fields';

const optionalWholeNumber = (min: number, max: number) =>
  z.preprocess(
    (v) => (v === undefined || v === null || (typeof v === 'string' && v.trim() === '') ? null : v),
    wholeNumber(min, max).nullable(),
  );

/** Tags as typed: trimmed, empty ones dropped, each once. */
const tags = z
  .array(z.string().trim().max(30))
  .max(20)
  .default([])
  .transform((list) => [...new Set(list.filter(Boolean))]);

/** One entry of the social-resource directory (社会資源), as the form and the CSV import send it. */
export const socialResourceFields = z.object({
  name: requiredText(200),
  nameKana: kana(300),
  category: z.enum(resourceCategories),
  serviceClass: z.enum(serviceClasses),
  formal: z.boolean(),
  providerPartnerAgencyId: optionalUuid,
  providerName: optionalText(200),
  description: optionalText(2000),
  capacity: optionalWholeNumber(0, 100_000),
  capacityNote: optionalText(300),
  area: optionalText(300),
  districtId: optionalUuid,
  postalCode,
  address: optionalText(300),
  phone,
  email,
  contactName: optionalText(100),
  hours: optionalText(300),
  fee: optionalText(300),
  tags,
  participationKinds: choices(participationKinds),
  accommodations: optionalText(2000),
  isCommunityBase: z.boolean().default(false),
  coordinatorName: optionalText(100),
});

export const socialResourceUpdateBody = socialResourceFields.extend({ version });

export const socialResourceArchiveBody = z.object({ version, archived: z.boolean() });

export const socialResourceListQuery = z.object({
  q: z.string().max(100).optional(),
  category: z.enum(resourceCategories).optional(),
  serviceClass: z.enum(serviceClasses).optional(),
  formality: z.enum(formalities).optional(),
  districtId: uuid.optional(),
  area: z.string().max(100).optional(),
  tag: z.string().max(30).optional(),
  participationKind: z.enum(participationKinds).optional(),
  communityBase: queryFlag,
  includeArchived: queryFlag,
  sort: z.enum(['category', 'name', 'updated']).default('category'),
  order: z.enum(['asc', 'desc']).default('asc'),
});

export type SocialResourceInput = z.output<typeof socialResourceFields>;
export type SocialResourceListQuery = z.output<typeof socialResourceListQuery>;
