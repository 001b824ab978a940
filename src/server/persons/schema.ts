import { z } from 'zod';
import { relationships, sensitiveCategories, sexes } from '../../domain/cases/vocabulary';
import {
  choices,
  email,
  kana,
  optionalChoice,
  optionalDate,
  optionalText,
  optionalUuid,
  phone,
  postalCode,
  requiredText,
  uuid,
  version,
} from '../http/fields';

export const personFields = {
  name: requiredText(100),
  nameKana: kana(200),
  sex: optionalChoice(sexes),
  birthDate: optionalDate,
  postalCode,
  addressPrefecture: optionalText(10),
  addressCity: optionalText(100),
  addressStreet: optionalText(200),
  addressBuilding: optionalText(200),
  districtId: optionalUuid,
  phoneHome: phone,
  phoneMobile: phone,
  email,
  safeContact: optionalText(500),
  sensitiveCategories: choices(sensitiveCategories),
};

export const personBody = z.object(personFields);
export const personUpdateBody = personBody.extend({ version });

const memberBody = z.object({
  id: uuid.optional(),
  name: requiredText(100),
  nameKana: kana(200),
  relationship: z.enum(relationships),
  sex: optionalChoice(sexes),
  birthDate: optionalDate,
  age: z.preprocess(
    (v) => (v === '' || v === undefined ? null : v),
    z.coerce.number().int('integerExpected').min(0).max(130).nullable(),
  ),
  livesTogether: z.boolean().default(true),
  situation: optionalText(1000),
  partnerAgencyIds: z.array(uuid).max(20).default([]),
});

export const householdBody = z.object({ version, members: z.array(memberBody).max(20) });

export const duplicateQuery = z.object({
  nameKana: z.string().max(200).optional(),
  birthDate: z.preprocess((v) => (v === '' ? undefined : v), optionalDate.optional()),
});

export type PersonInput = z.output<typeof personBody>;
export type HouseholdInput = z.output<typeof householdBody>;

/** `?download=1`: the disclosure as a file to save, not only an answer for the screen. */
export const disclosureQuery = z.object({ download: z.enum(['1']).optional() });
