import type { Role } from '../../domain/roles';

/**
 * The fictional municipality every fresh install starts with. Every name here is invented;
 * no real person's data is, or may be, in this file.
 */
export const demoPassword = 'tsunagu-demo';

export const demoMunicipality = {
  name: '架空市',
  name_kana: 'かくうし',
  prefecture: '架空県',
  kind: 'city' as const,
  population: 120_000,
  population_as_of: '2025-04-01',
};

/** The districts, with populations adding up to the municipality's (for per-100,000 figures). */
export const demoDistricts = [
  { name: '中央地区', name_kana: 'ちゅうおうちく', population: 40_000 },
  { name: '東地区', name_kana: 'ひがしちく', population: 30_000 },
  { name: '西地区', name_kana: 'にしちく', population: 28_000 },
  { name: '北地区', name_kana: 'きたちく', population: 22_000 },
];

/**
 * 目安値 per 100,000 population per month: the national ones for FY2017 (DOMAIN.md §7). The
 * national figures name no 就労・増収率; 0.7 stands in as a local target a city might set.
 */
export const demoStatisticsTargets = {
  new_consultations: 24,
  plans: 12,
  employment_support_targets: 7,
  employment_rate: 0.7,
};

export const demoAgencies = {
  direct: {
    name: '架空市生活支援相談センター',
    name_kana: 'かくうしせいかつしえんそうだんせんたー',
    operation: 'direct' as const,
    phone: '0120-000-101',
    sites: [
      {
        name: '本庁舎窓口',
        postal_code: '100-0001',
        address: '架空県架空市中央一丁目1番1号 架空市役所1階',
        phone: '0120-000-101',
        opening_hours: '平日 8時30分〜17時15分（祝日・年末年始を除く）',
        is_outreach_desk: false,
      },
      {
        name: '北地区出張相談窓口',
        postal_code: '100-0040',
        address: '架空県架空市北町三丁目2番 北地区市民センター',
        phone: null,
        opening_hours: '毎月第2・第4水曜日 10時〜15時',
        is_outreach_desk: true,
      },
    ],
  },
  commissioned: {
    name: '架空市社会福祉協議会 くらしサポート窓口',
    name_kana: 'かくうししゃかいふくしきょうぎかい くらしさぽーとまどぐち',
    operation: 'commissioned' as const,
    contractor_name: '社会福祉法人 架空市社会福祉協議会',
    contractor_kind: 'social_welfare_council' as const,
    contract_start: '2025-04-01',
    contract_end: '2026-03-31',
    phone: '0120-000-202',
    sites: [
      {
        name: '総合福祉センター',
        postal_code: '100-0022',
        address: '架空県架空市東町二丁目5番8号',
        phone: '0120-000-202',
        opening_hours: '平日 9時〜17時',
        is_outreach_desk: false,
      },
    ],
  },
};

export const demoPartners = [
  {
    name: '架空市中央地域包括支援センター',
    name_kana: 'かくうしちゅうおうちいきほうかつしえんせんたー',
    field: 'care',
    legal_basis: '介護保険法第115条の46',
    phone: '0120-000-301',
    liaison_name: '村上 早苗',
    liaison_title: '社会福祉士',
  },
  {
    name: '架空市基幹相談支援センター',
    name_kana: 'かくうしきかんそうだんしえんせんたー',
    field: 'disability',
    legal_basis: '障害者総合支援法第77条の2',
    phone: '0120-000-302',
    liaison_name: '中野 浩',
    liaison_title: '相談支援専門員',
  },
  {
    name: '架空市こども家庭センター',
    name_kana: 'かくうしこどもかていせんたー',
    field: 'children',
    legal_basis: '児童福祉法第10条の2',
    phone: '0120-000-303',
    liaison_name: '岡本 真理',
    liaison_title: '統括支援員',
  },
  {
    name: '架空市福祉事務所 生活保護担当',
    name_kana: 'かくうしふくしじむしょ せいかつほごたんとう',
    field: 'poverty',
    legal_basis: '生活保護法',
    phone: '0120-000-304',
    liaison_name: '西川 大輔',
    liaison_title: '査察指導員',
  },
  {
    name: 'ハローワーク架空',
    name_kana: 'はろーわーくかくう',
    field: 'employment',
    legal_basis: '職業安定法',
    phone: '0120-000-305',
    liaison_name: '小林 恵',
    liaison_title: '就職支援ナビゲーター',
  },
  {
    name: '架空市保健センター',
    name_kana: 'かくうしほけんせんたー',
    field: 'health',
    legal_basis: '地域保健法',
    phone: '0120-000-306',
    liaison_name: '松田 千尋',
    liaison_title: '保健師',
  },
  {
    name: '架空総合病院 医療福祉相談室',
    name_kana: 'かくうそうごうびょういん いりょうふくしそうだんしつ',
    field: 'health',
    legal_basis: null,
    phone: '0120-000-307',
    liaison_name: '田村 直樹',
    liaison_title: '医療ソーシャルワーカー',
  },
  {
    name: '架空市民生委員児童委員協議会',
    name_kana: 'かくうしみんせいいいんじどういいんきょうぎかい',
    field: 'community',
    legal_basis: '民生委員法',
    phone: '0120-000-308',
    liaison_name: null,
    liaison_title: null,
  },
  {
    name: 'NPO法人 すまいるネット架空（居住支援法人）',
    name_kana: 'えぬぴーおーほうじん すまいるねっとかくう',
    field: 'housing',
    legal_basis: '住宅セーフティネット法第40条',
    phone: '0120-000-309',
    liaison_name: '吉田 彩',
    liaison_title: '相談員',
  },
  {
    // Seed 000: the 社協's staff and the 就労準備支援 worker join the 支援調整会議 for their cases.
    name: '架空市社会福祉協議会 地域福祉課',
    name_kana: 'かくうししゃかいふくしきょうぎかい ちいきふくしか',
    field: 'community',
    legal_basis: '社会福祉法第109条',
    phone: '0120-000-311',
    liaison_name: '石井 和也',
    liaison_title: '地域福祉コーディネーター',
  },
  {
    name: '就労準備支援事業所 ステップ架空',
    name_kana: 'しゅうろうじゅんびしえんじぎょうしょ すてっぷかくう',
    field: 'employment',
    legal_basis: '生活困窮者自立支援法第7条（就労準備支援事業・委託）',
    phone: '0120-000-312',
    liaison_name: '森 直美',
    liaison_title: '就労準備支援担当者',
  },
  {
    name: '架空法律事務所',
    name_kana: 'かくうほうりつじむしょ',
    field: 'legal',
    legal_basis: null,
    phone: '0120-000-310',
    liaison_name: '清水 修',
    liaison_title: '弁護士',
  },
  {
    // Seed 004's three-person household: the agencies of the parents and of the son.
    name: '居宅介護支援事業所 かくうケアプラン',
    name_kana: 'きょたくかいごしえんじぎょうしょ かくうけあぷらん',
    field: 'care',
    legal_basis: '介護保険法第46条（指定居宅介護支援）',
    phone: '0120-000-313',
    liaison_name: '小川 由紀',
    liaison_title: '介護支援専門員',
  },
  {
    name: '架空市高齢福祉課',
    name_kana: 'かくうしこうれいふくしか',
    field: 'care',
    legal_basis: '高齢者虐待防止法・老人福祉法',
    phone: '0120-000-314',
    liaison_name: '藤井 智子',
    liaison_title: '高齢者虐待対応担当',
  },
  {
    name: '障害者相談支援事業所 さくら架空',
    name_kana: 'しょうがいしゃそうだんしえんじぎょうしょ さくらかくう',
    field: 'disability',
    legal_basis: '障害者総合支援法第51条の17（計画相談支援）',
    phone: '0120-000-315',
    liaison_name: '佐藤 亮',
    liaison_title: '相談支援専門員',
  },
  {
    name: '架空市障害福祉課',
    name_kana: 'かくうししょうがいふくしか',
    field: 'disability',
    legal_basis: '障害者総合支援法',
    phone: '0120-000-316',
    liaison_name: '原田 恵',
    liaison_title: 'ケースワーカー',
  },
] as const;

export type DemoOrganisation = 'municipality' | 'direct' | 'commissioned' | 'partner';

export const demoUsers: {
  loginId: string;
  displayName: string;
  kana: string;
  roles: Role[];
  organisation: DemoOrganisation;
}[] = [
  {
    loginId: 'shien',
    displayName: '青木 里奈',
    kana: 'あおき りな',
    roles: ['support_worker'],
    organisation: 'direct',
  },
  {
    loginId: 'shunin',
    displayName: '川村 健一',
    kana: 'かわむら けんいち',
    roles: ['chief_support_worker'],
    organisation: 'direct',
  },
  {
    loginId: 'shuro',
    displayName: '森田 翔',
    kana: 'もりた しょう',
    roles: ['employment_support_worker'],
    organisation: 'direct',
  },
  {
    loginId: 'kakei',
    displayName: '石井 由美',
    kana: 'いしい ゆみ',
    roles: ['household_budget_worker'],
    organisation: 'commissioned',
  },
  {
    loginId: 'jichitai',
    displayName: '山本 誠',
    kana: 'やまもと まこと',
    roles: ['municipal_officer'],
    organisation: 'municipality',
  },
  {
    loginId: 'kankei',
    displayName: '村上 早苗',
    kana: 'むらかみ さなえ',
    roles: ['partner_staff'],
    organisation: 'partner',
  },
  {
    loginId: 'kanri',
    displayName: '佐々木 隆',
    kana: 'ささき たかし',
    roles: ['admin'],
    organisation: 'municipality',
  },
  {
    loginId: 'kansa',
    displayName: '高田 恵子',
    kana: 'たかだ けいこ',
    roles: ['auditor'],
    organisation: 'municipality',
  },
];
