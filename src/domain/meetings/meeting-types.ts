/**
 * The meeting bodies a case can be discussed at (DOMAIN.md §4; seed 004's table of meeting bodies;
 * seed 001 for the 重層的支援会議 and the 支援会議 under the Social Welfare Act). Each carries what
 * decides who may see a case discussed there:
 *
 * - `consent`: the person's consent must cover every organisation present (支援調整会議,
 *   重層的支援会議, and the bodies whose own rules require consent).
 * - `law`: the members bear a statutory duty of confidentiality and cases may be discussed without
 *   consent, including people not yet reached; a member sees nothing before acknowledging that duty,
 *   and tax information is never shared.
 * - `internal`: inside one agency (ケース会議); staff only.
 *
 * Codes are stored; labels may be reworded.
 */
export const meetingTypes = [
  'coordination',
  'support_meeting',
  'multi_agency',
  'case_conference',
  'community_care',
  'disability_council',
  'child_protection',
  'isolation',
  'public_assistance',
] as const;
export type MeetingType = (typeof meetingTypes)[number];

export type SharingRule = 'consent' | 'law' | 'internal';

/** The statutory bases a body under the law may rest on; a 支援会議 names one of two. */
export const legalBases = [
  'poverty_act_9',
  'social_welfare_act_106_6',
  'long_term_care_act_115_48',
  'disability_act_89_3',
  'child_welfare_act_25_2',
  'isolation_act_15',
  'public_assistance_act',
] as const;
export type LegalBasisCode = (typeof legalBases)[number];

export const legalBasisLabels: Record<LegalBasisCode, { ja: string; en: string }> = {
  poverty_act_9: { ja: '生活困窮者自立支援法第9条', en: 'Act on Self-Reliance Support, art. 9' },
  social_welfare_act_106_6: { ja: '社会福祉法第106条の6', en: 'Social Welfare Act, art. 106-6' },
  long_term_care_act_115_48: {
    ja: '介護保険法第115条の48',
    en: 'Long-Term Care Insurance Act, art. 115-48',
  },
  disability_act_89_3: {
    ja: '障害者総合支援法第89条の3',
    en: 'Comprehensive Support for Persons with Disabilities Act, art. 89-3',
  },
  child_welfare_act_25_2: { ja: '児童福祉法第25条の2', en: 'Child Welfare Act, art. 25-2' },
  isolation_act_15: {
    ja: '孤独・孤立対策推進法第15条',
    en: 'Act on Promoting Measures against Loneliness and Isolation, art. 15',
  },
  public_assistance_act: {
    ja: '生活保護法（被保護者の支援に関する会議体）',
    en: 'Public Assistance Act (meeting body for recipients)',
  },
};

export interface MeetingTypeRule {
  ja: string;
  en: string;
  sharing: SharingRule;
  /** The bases the body may rest on; the first is the default. Empty: no statutory basis. */
  legalBases: readonly LegalBasisCode[];
  /** Decisions need a municipal officer present (DOMAIN.md §4). */
  municipalOfficerRequired: boolean;
  /** Whether its decisions move a case (plan adoption, termination, interruption). */
  decidesPlans: boolean;
}

export const meetingTypeRules: Record<MeetingType, MeetingTypeRule> = {
  coordination: {
    ja: '支援調整会議',
    en: 'Support coordination meeting',
    sharing: 'consent',
    legalBases: [],
    municipalOfficerRequired: true,
    decidesPlans: true,
  },
  support_meeting: {
    ja: '支援会議',
    en: 'Support meeting (confidential)',
    sharing: 'law',
    legalBases: ['poverty_act_9', 'social_welfare_act_106_6'],
    municipalOfficerRequired: false,
    decidesPlans: false,
  },
  multi_agency: {
    ja: '重層的支援会議',
    en: 'Multi-layered support meeting',
    sharing: 'consent',
    legalBases: [],
    municipalOfficerRequired: true,
    decidesPlans: true,
  },
  case_conference: {
    ja: 'ケース会議（所内）',
    en: 'Case conference (internal)',
    sharing: 'internal',
    legalBases: [],
    municipalOfficerRequired: false,
    decidesPlans: false,
  },
  community_care: {
    // Seed 004: the law sets a duty of confidentiality, and the rules of most municipalities
    // presuppose the consent of the person or their family.
    ja: '地域ケア会議',
    en: 'Community care meeting',
    sharing: 'consent',
    legalBases: ['long_term_care_act_115_48'],
    municipalOfficerRequired: false,
    decidesPlans: false,
  },
  disability_council: {
    ja: '（自立支援）協議会',
    en: 'Disability support council',
    sharing: 'consent',
    legalBases: ['disability_act_89_3'],
    municipalOfficerRequired: false,
    decidesPlans: false,
  },
  child_protection: {
    ja: '要保護児童対策地域協議会',
    en: 'Regional council for children in need of protection',
    sharing: 'law',
    legalBases: ['child_welfare_act_25_2'],
    municipalOfficerRequired: false,
    decidesPlans: false,
  },
  isolation: {
    ja: '孤独・孤立対策地域協議会',
    en: 'Regional council against loneliness and isolation',
    sharing: 'law',
    legalBases: ['isolation_act_15'],
    municipalOfficerRequired: false,
    decidesPlans: false,
  },
  public_assistance: {
    ja: '生活保護の会議体',
    en: 'Public assistance meeting body',
    sharing: 'law',
    legalBases: ['public_assistance_act'],
    municipalOfficerRequired: false,
    decidesPlans: false,
  },
};

/**
 * The notice on invitations and handouts of a body under the law (生活困窮者自立支援法第9条第5項,
 * 第28条: up to one year in prison or a fine of up to ¥1,000,000).
 */
export const confidentialityNotice = {
  ja: 'この会議の構成員には、法律上の守秘義務があります。会議で知り得た秘密を正当な理由なく漏らした場合、1年以下の拘禁刑または100万円以下の罰金に処せられることがあります。税情報はこの会議では共有しません。',
  en: 'Members of this meeting bear a statutory duty of confidentiality. Disclosing a secret learnt here without just cause is punishable by up to one year in prison or a fine of up to ¥1,000,000. Tax information is not shared at this meeting.',
};

export const meetingPatterns = ['regular', 'ad_hoc', 'both'] as const;
export type MeetingPattern = (typeof meetingPatterns)[number];

/** The two tiers of membership (DOMAIN.md §4): the core, and the full membership. */
export const memberTiers = ['core', 'full'] as const;
export type MemberTier = (typeof memberTiers)[number];

/** Roles in the room. */
export const attendanceRoles = [
  'chair',
  'reporter',
  'adviser',
  'service_provider',
  'minutes',
  'member',
] as const;
export type AttendanceRole = (typeof attendanceRoles)[number];

export const attendanceRoleLabels: Record<AttendanceRole, { ja: string; en: string }> = {
  chair: { ja: '司会', en: 'Chair' },
  reporter: { ja: 'ケース報告者', en: 'Case reporter' },
  adviser: { ja: '助言者', en: 'Adviser' },
  service_provider: { ja: 'サービス提供者', en: 'Service provider' },
  minutes: { ja: '記録', en: 'Minutes' },
  member: { ja: '構成員', en: 'Member' },
};
