import { phoneDigits, searchKey } from '../../domain/text/search';
import type { PersonInput } from './schema';

/** The request's person as columns, with what the person is found by kept beside it. */
export function personColumns(input: PersonInput) {
  const key = searchKey(input.name, input.nameKana);
  return {
    name: input.name,
    name_kana: input.nameKana,
    sex: input.sex,
    birth_date: input.birthDate,
    postal_code: input.postalCode,
    address_prefecture: input.addressPrefecture,
    address_city: input.addressCity,
    address_street: input.addressStreet,
    address_building: input.addressBuilding,
    district_id: input.districtId,
    phone_home: input.phoneHome,
    phone_mobile: input.phoneMobile,
    email: input.email,
    safe_contact: input.safeContact,
    sensitive_categories: input.sensitiveCategories,
    search_text: key.text,
    search_grams: key.grams,
    phone_numbers: [input.phoneHome, input.phoneMobile]
      .map(phoneDigits)
      .filter((d) => d.length > 0),
  };
}
