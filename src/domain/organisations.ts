/** Municipality types of DOMAIN.md §2 (自治体区分). */
export const municipalityKinds = [
  'prefecture',
  'designated_city',
  'core_city',
  'city',
  'town_village',
] as const;
export type MunicipalityKind = (typeof municipalityKinds)[number];

export const municipalityKindLabels: Record<MunicipalityKind, { ja: string; en: string }> = {
  prefecture: { ja: '都道府県', en: 'Prefecture' },
  designated_city: { ja: '指定都市', en: 'Designated city' },
  core_city: { ja: '中核市', en: 'Core city' },
  city: { ja: '一般市', en: 'City' },
  town_village: { ja: '町村', en: 'Town or village' },
};

/** 直営 or 委託: the municipality stays responsible either way. */
export const agencyOperations = ['direct', 'commissioned'] as const;
export type AgencyOperation = (typeof agencyOperations)[number];

export const agencyOperationLabels: Record<AgencyOperation, { ja: string; en: string }> = {
  direct: { ja: '直営', en: 'Run directly' },
  commissioned: { ja: '委託', en: 'Commissioned' },
};

export const contractorKinds = [
  'social_welfare_council',
  'social_welfare_corporation',
  'npo',
  'other',
] as const;
export type ContractorKind = (typeof contractorKinds)[number];

export const contractorKindLabels: Record<ContractorKind, { ja: string; en: string }> = {
  social_welfare_council: { ja: '社会福祉協議会', en: 'Social welfare council' },
  social_welfare_corporation: { ja: '社会福祉法人', en: 'Social welfare corporation' },
  npo: { ja: 'NPO法人', en: 'NPO' },
  other: { ja: 'その他', en: 'Other' },
};

/** Fields of partner agencies (DOMAIN.md §2, 関係機関). */
export const partnerFields = [
  'care',
  'disability',
  'children',
  'poverty',
  'health',
  'employment',
  'legal',
  'housing',
  'community',
  'other',
] as const;
export type PartnerField = (typeof partnerFields)[number];

export const partnerFieldLabels: Record<PartnerField, { ja: string; en: string }> = {
  care: { ja: '介護', en: 'Elderly care' },
  disability: { ja: '障害', en: 'Disability' },
  children: { ja: '子ども', en: 'Children' },
  poverty: { ja: '困窮', en: 'Hardship' },
  health: { ja: '保健医療', en: 'Health and medical' },
  employment: { ja: '就労', en: 'Employment' },
  legal: { ja: '司法', en: 'Legal' },
  housing: { ja: '住まい', en: 'Housing' },
  community: { ja: '地域', en: 'Community' },
  other: { ja: 'その他', en: 'Other' },
};
