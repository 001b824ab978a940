/**
 * The fixed choice lists of the national standard forms and of DOMAIN.md §3, each with its
 * Japanese wording as on the forms. Codes are stable (they are stored and counted); labels may be
 * reworded. Where the national form's list could not be read (see shared/reference/anchor-mhlw-forms.md
 * §7), the list follows DOMAIN.md and the seeds and says so.
 */
type Labels<T extends string> = Record<T, { ja: string; en: string }>;

/** 相談受付・申込票 ■ご相談の内容: the 16 topics; ○ for each, ◎ for the main one. */
export const consultationTopics = [
  'health_disability',
  'housing',
  'income',
  'rent_loan',
  'tax_utilities',
  'debt',
  'job_search',
  'work_trouble',
  'community',
  'family',
  'child_rearing',
  'care',
  'withdrawal_truancy',
  'dv_abuse',
  'no_food',
  'other',
] as const;
export type ConsultationTopic = (typeof consultationTopics)[number];
export const consultationTopicLabels: Labels<ConsultationTopic> = {
  health_disability: { ja: '病気や健康、障害のこと', en: 'Illness, health, disability' },
  housing: { ja: '住まいについて', en: 'Housing' },
  income: { ja: '収入・生活費のこと', en: 'Income and living costs' },
  rent_loan: { ja: '家賃やローンの支払いのこと', en: 'Rent or loan payments' },
  tax_utilities: { ja: '税金や公共料金等の支払いについて', en: 'Taxes and utility bills' },
  debt: { ja: '債務について', en: 'Debt' },
  job_search: { ja: '仕事探し、就職について', en: 'Finding work' },
  work_trouble: { ja: '仕事上の不安やトラブル', en: 'Worries or trouble at work' },
  community: { ja: '地域との関係について', en: 'Relations with the neighbourhood' },
  family: { ja: '家族との関係について', en: 'Family relations' },
  child_rearing: { ja: '子育てのこと', en: 'Raising children' },
  care: { ja: '介護のこと', en: 'Caring for someone' },
  withdrawal_truancy: { ja: 'ひきこもり・不登校', en: 'Social withdrawal, school refusal' },
  dv_abuse: { ja: 'DV・虐待', en: 'Domestic violence, abuse' },
  no_food: { ja: '食べるものがない', en: 'No food' },
  other: { ja: 'その他', en: 'Other' },
};

/** 相談経路 (DOMAIN.md §3 step 2, in the detail the statistics ask for). */
export const routesIn = [
  'self_visit',
  'self_phone',
  'family_acquaintance',
  'municipal_department',
  'partner_agency',
  'welfare_commissioner',
  'outreach',
  'other',
] as const;
export type RouteIn = (typeof routesIn)[number];
export const routeInLabels: Labels<RouteIn> = {
  self_visit: { ja: '本人が来所', en: 'Came in person' },
  self_phone: { ja: '本人から電話・メール', en: 'Phoned or e-mailed' },
  family_acquaintance: { ja: '家族・知人から', en: 'Family or acquaintance' },
  municipal_department: { ja: '自治体の他部署から', en: 'Another municipal department' },
  partner_agency: { ja: '関係機関から', en: 'A partner agency' },
  welfare_commissioner: { ja: '民生委員・児童委員から', en: 'Welfare commissioner' },
  outreach: { ja: '出張相談・訪問（アウトリーチ）', en: 'Outreach desk or visit' },
  other: { ja: 'その他', en: 'Other' },
};

/** 把握の経路 (issue 3 §2). */
export const detectionSources = [
  'welfare_commissioner',
  'neighbour',
  'lifeline_company',
  'municipal_arrears',
  'partner_agency',
  'outreach_desk',
  'other',
] as const;
export type DetectionSource = (typeof detectionSources)[number];
export const detectionSourceLabels: Labels<DetectionSource> = {
  welfare_commissioner: { ja: '民生委員・児童委員', en: 'Welfare commissioner' },
  neighbour: { ja: '近隣住民', en: 'Neighbour' },
  lifeline_company: { ja: 'ライフライン事業者（電気・ガス・水道等）', en: 'Utility company' },
  municipal_arrears: { ja: '税・家賃・水道料金の担当部署', en: 'Tax, rent or water section' },
  partner_agency: { ja: '関係機関', en: 'Partner agency' },
  outreach_desk: { ja: '出張相談窓口', en: 'Outreach desk' },
  other: { ja: 'その他', en: 'Other' },
};

export const sexes = ['male', 'female', 'other', 'unanswered'] as const;
export type Sex = (typeof sexes)[number];
export const sexLabels: Labels<Sex> = {
  male: { ja: '男性', en: 'Male' },
  female: { ja: '女性', en: 'Female' },
  other: { ja: 'その他', en: 'Other' },
  unanswered: { ja: '回答なし', en: 'Not given' },
};

/** B票 仕事 (item 4 of the national list could not be read; 無職 fills it). */
export const workStatuses = [
  'regular',
  'non_regular',
  'self_employed',
  'unemployed',
  'pension_only',
  'on_leave',
  'other',
] as const;
export type WorkStatus = (typeof workStatuses)[number];
export const workStatusLabels: Labels<WorkStatus> = {
  regular: { ja: '正社員・公務員', en: 'Regular employee' },
  non_regular: {
    ja: '臨時職員・パート・アルバイト・派遣社員',
    en: 'Temporary, part-time or agency work',
  },
  self_employed: {
    ja: '自営業・家族従業者・内職',
    en: 'Self-employed, family business, piecework',
  },
  unemployed: { ja: '無職', en: 'No work' },
  pension_only: { ja: '年金生活', en: 'Living on a pension' },
  on_leave: { ja: '失業・休職中', en: 'Unemployed or on leave' },
  other: { ja: 'その他', en: 'Other' },
};

/** B票 住居 (item 4 of the national list could not be read; 知人宅等 fills it). */
export const housingStatuses = [
  'owned',
  'rented',
  'public_housing',
  'staying_with_others',
  'company_housing',
  'rough_sleeping',
  'other',
] as const;
export type HousingStatus = (typeof housingStatuses)[number];
export const housingStatusLabels: Labels<HousingStatus> = {
  owned: { ja: '持家', en: 'Owned' },
  rented: { ja: '借家', en: 'Rented' },
  public_housing: { ja: '公営住宅', en: 'Public housing' },
  staying_with_others: { ja: '知人宅・施設等', en: 'With others or in a facility' },
  company_housing: { ja: '会社寮・借上げ住宅', en: 'Company housing' },
  rough_sleeping: { ja: '野宿', en: 'Sleeping rough' },
  other: { ja: 'その他', en: 'Other' },
};

export const healthInsurances = [
  'employee',
  'national',
  'late_elderly',
  'public_assistance',
  'none',
  'unknown',
] as const;
export type HealthInsurance = (typeof healthInsurances)[number];
export const healthInsuranceLabels: Labels<HealthInsurance> = {
  employee: { ja: '社会保険', en: 'Employee insurance' },
  national: { ja: '国民健康保険', en: 'National health insurance' },
  late_elderly: { ja: '後期高齢者医療', en: 'Late-stage elderly insurance' },
  public_assistance: { ja: '医療扶助', en: 'Medical aid (public assistance)' },
  none: { ja: '無保険', en: 'Uninsured' },
  unknown: { ja: '不明', en: 'Unknown' },
};

export const pensionStatuses = [
  'receiving',
  'paying',
  'exempt_or_deferred',
  'unpaid',
  'unknown',
] as const;
export type PensionStatus = (typeof pensionStatuses)[number];
export const pensionStatusLabels: Labels<PensionStatus> = {
  receiving: { ja: '受給中', en: 'Receiving' },
  paying: { ja: '加入（納付中）', en: 'Paying in' },
  exempt_or_deferred: { ja: '免除・猶予', en: 'Exempt or deferred' },
  unpaid: { ja: '未納', en: 'Unpaid' },
  unknown: { ja: '不明', en: 'Unknown' },
};

export const urgencies = ['urgent', 'soon', 'normal'] as const;
export type Urgency = (typeof urgencies)[number];
export const urgencyLabels: Labels<Urgency> = {
  urgent: { ja: '緊急（今日・明日の生活に支障）', en: 'Urgent (today or tomorrow)' },
  soon: { ja: '早期に対応が必要', en: 'Soon' },
  normal: { ja: '通常', en: 'Normal' },
};

/** 要配慮個人情報 (DOMAIN.md §8): marked, and protected more strictly. */
export const sensitiveCategories = [
  'health',
  'disability',
  'criminal_record',
  'victimisation',
] as const;
export type SensitiveCategory = (typeof sensitiveCategories)[number];
export const sensitiveCategoryLabels: Labels<SensitiveCategory> = {
  health: { ja: '病歴・健康', en: 'Medical history' },
  disability: { ja: '障害', en: 'Disability' },
  criminal_record: { ja: '犯罪歴', en: 'Criminal record' },
  victimisation: { ja: '犯罪被害', en: 'Victim of crime' },
};

/** 支援経過記録 対応方法. */
export const contactModes = [
  'interview',
  'phone',
  'visit',
  'accompany',
  'mail',
  'letter',
  'inquiry',
  'partner_liaison',
  'meeting',
] as const;
export type ContactMode = (typeof contactModes)[number];
export const contactModeLabels: Labels<ContactMode> = {
  interview: { ja: '面談', en: 'Interview' },
  phone: { ja: '電話', en: 'Phone' },
  visit: { ja: '訪問', en: 'Home visit' },
  accompany: { ja: '同行', en: 'Accompanying' },
  mail: { ja: 'メール', en: 'E-mail' },
  letter: { ja: '手紙・連絡票', en: 'Letter or note' },
  inquiry: { ja: '親しい人への確認', en: 'Asking people close to them' },
  partner_liaison: { ja: '関係機関連絡', en: 'Contact with a partner agency' },
  meeting: { ja: '会議', en: 'Meeting' },
};

/** 緊急的な支援 (DOMAIN.md §3 step 4). */
export const emergencyKinds = [
  'housing_benefit',
  'temporary_shelter',
  'public_assistance',
  'emergency_loan',
  'food',
  'debt_settlement',
  'other',
] as const;
export type EmergencyKind = (typeof emergencyKinds)[number];
export const emergencyKindLabels: Labels<EmergencyKind> = {
  housing_benefit: { ja: '住居確保給付金', en: 'Housing security benefit' },
  temporary_shelter: { ja: '一時生活支援事業', en: 'Temporary shelter and food' },
  public_assistance: { ja: '生活保護の申請支援', en: 'Help to apply for public assistance' },
  emergency_loan: { ja: '緊急小口資金', en: 'Emergency small loan' },
  food: { ja: '食料支援', en: 'Food' },
  debt_settlement: { ja: '債務整理', en: 'Debt settlement' },
  other: { ja: 'その他', en: 'Other' },
};
export const emergencyOutcomes = ['in_progress', 'provided', 'not_provided', 'withdrawn'] as const;
export type EmergencyOutcome = (typeof emergencyOutcomes)[number];
export const emergencyOutcomeLabels: Labels<EmergencyOutcome> = {
  in_progress: { ja: '手続中', en: 'In progress' },
  provided: { ja: '実施', en: 'Provided' },
  not_provided: { ja: '見送り・却下', en: 'Not provided' },
  withdrawn: { ja: '取下げ', en: 'Withdrawn' },
};

/** インテーク・アセスメントシート: the domains of issue 3 §6. */
export const assessmentDomains = [
  'health',
  'housing',
  'income_budget_debt',
  'work',
  'daily_life',
  'family',
  'social_participation',
  'literacy_communication',
  'legal_administrative',
  'children',
  'care',
] as const;
export type AssessmentDomain = (typeof assessmentDomains)[number];
export const assessmentDomainLabels: Labels<AssessmentDomain> = {
  health: { ja: '健康（心身の状態・障害）', en: 'Health' },
  housing: { ja: '住まい', en: 'Housing' },
  income_budget_debt: { ja: '収入・家計・債務', en: 'Income, budget, debt' },
  work: { ja: '就労', en: 'Work' },
  daily_life: { ja: '日常生活', en: 'Daily life' },
  family: { ja: '家族関係', en: 'Family' },
  social_participation: { ja: '社会参加・対人関係', en: 'Social participation' },
  literacy_communication: { ja: '読み書き・コミュニケーション', en: 'Literacy and communication' },
  legal_administrative: { ja: '法律・行政手続', en: 'Legal and administrative' },
  children: { ja: '子ども（養育・就学）', en: 'Children' },
  care: { ja: '介護', en: 'Care' },
};
export const informationSources = ['person', 'others', 'observation'] as const;
export type InformationSource = (typeof informationSources)[number];
export const informationSourceLabels: Labels<InformationSource> = {
  person: { ja: '本人から', en: 'From the person' },
  others: { ja: '関係者から', en: 'From others' },
  observation: { ja: '観察', en: 'Observed' },
};
export const prognoses = ['improve', 'maintain', 'risk_of_worsening'] as const;
export type Prognosis = (typeof prognoses)[number];
export const prognosisLabels: Labels<Prognosis> = {
  improve: { ja: '改善が見込まれる', en: 'Likely to improve' },
  maintain: { ja: '現状維持', en: 'Likely to stay as is' },
  risk_of_worsening: { ja: '悪化のおそれ', en: 'Risk of worsening' },
};

/** プランのサービス分類 A–E (DOMAIN.md §6): the class follows the legal basis, not the provider. */
export const serviceClasses = ['A', 'B', 'C', 'D', 'E'] as const;
export type ServiceClass = (typeof serviceClasses)[number];
export const serviceClassLabels: Labels<ServiceClass> = {
  A: { ja: 'A 生活困窮者自立支援法に基づく支援', en: 'A Self-Reliance Support Act' },
  B: { ja: 'B 他の制度に基づく支援', en: 'B Other statutory systems' },
  C: { ja: 'C インフォーマルな支援', en: 'C Informal support' },
  D: { ja: 'D 相談機関が行う支援', en: 'D The agency’s own support' },
  E: { ja: 'E その他', en: 'E Other' },
};

/** プラン兼事業等利用申込書: the statutory programmes the plan applies for (class A). */
export const statutoryProgrammes = [
  'self_reliance_consultation',
  'housing_benefit',
  'work_readiness',
  'household_budget',
  'temporary_shelter',
  'children_learning',
  'certified_work_training',
] as const;
export type StatutoryProgramme = (typeof statutoryProgrammes)[number];
export const statutoryProgrammeLabels: Labels<StatutoryProgramme> = {
  self_reliance_consultation: { ja: '自立相談支援事業', en: 'Self-reliance consultation' },
  housing_benefit: { ja: '住居確保給付金', en: 'Housing security benefit' },
  work_readiness: { ja: '就労準備支援事業', en: 'Work-readiness programme' },
  household_budget: { ja: '家計改善支援事業', en: 'Household budget improvement' },
  temporary_shelter: { ja: '一時生活支援事業', en: 'Temporary shelter' },
  children_learning: { ja: '子どもの学習・生活支援事業', en: 'Learning support for children' },
  certified_work_training: { ja: '認定就労訓練事業', en: 'Certified work training' },
};

/** 評価シート: achievement of each short-term goal. */
export const goalAchievements = ['achieved', 'partly', 'not_achieved'] as const;
export type GoalAchievement = (typeof goalAchievements)[number];
export const goalAchievementLabels: Labels<GoalAchievement> = {
  achieved: { ja: '達成', en: 'Achieved' },
  partly: { ja: '一部達成', en: 'Partly achieved' },
  not_achieved: { ja: '未達成', en: 'Not achieved' },
};

/** 自立に向けた改善が見られた変化 (shared/reference/anchor-mhlw-forms.md §3.6). */
export const improvementItems = [
  'housing_secured',
  'health_improved',
  'relationships_improved',
  'budget_improved',
  'asks_for_help',
  'disability_certificate',
  'self_acceptance',
  'sense_of_security',
  'earned_income_increased',
  'other_income_increased',
  'motivation',
  'has_goal',
  'public_assistance_applied',
  'daily_habits',
  'other',
] as const;
export type ImprovementItem = (typeof improvementItems)[number];
export const improvementItemLabels: Labels<ImprovementItem> = {
  housing_secured: { ja: '住まいの確保・安定化', en: 'Housing secured or stabilised' },
  health_improved: { ja: '健康状態の改善', en: 'Health improved' },
  relationships_improved: { ja: '対人関係・家族関係の改善', en: 'Relationships improved' },
  budget_improved: { ja: '家計の改善（債務の整理等）', en: 'Budget improved (debts sorted)' },
  asks_for_help: { ja: 'SOSを出せるようになった', en: 'Can ask for help' },
  disability_certificate: { ja: '障害手帳取得', en: 'Disability certificate obtained' },
  self_acceptance: {
    ja: '自分のことを肯定的に受け止められるようになった',
    en: 'Sees themselves more positively',
  },
  sense_of_security: { ja: '安心感が高まった（精神の安定等）', en: 'Feels more secure' },
  earned_income_increased: { ja: '就労収入が増加した', en: 'Earned income increased' },
  other_income_increased: { ja: 'その他収入が増加した', en: 'Other income increased' },
  motivation: { ja: '自立意欲の向上・改善', en: 'More motivated' },
  has_goal: { ja: '目標ができた', en: 'Has a goal' },
  public_assistance_applied: { ja: '生活保護適用', en: 'Public assistance granted' },
  daily_habits: { ja: '生活習慣の改善（食事・睡眠・整容等）', en: 'Daily habits improved' },
  other: { ja: 'その他', en: 'Other' },
};

export const employmentTypes = [
  'regular',
  'non_regular',
  'self_employed',
  'intermediate',
  'other',
] as const;
export type EmploymentType = (typeof employmentTypes)[number];
export const employmentTypeLabels: Labels<EmploymentType> = {
  regular: { ja: '正規雇用', en: 'Regular employment' },
  non_regular: { ja: '非正規雇用（パート・アルバイト等）', en: 'Non-regular employment' },
  self_employed: { ja: '自営', en: 'Self-employment' },
  intermediate: { ja: '中間的就労（認定就労訓練等）', en: 'Intermediate work' },
  other: { ja: 'その他', en: 'Other' },
};

export const evaluationDecisions = ['terminate', 'replan', 'continue'] as const;
export type EvaluationDecision = (typeof evaluationDecisions)[number];
export const evaluationDecisionLabels: Labels<EvaluationDecision> = {
  terminate: { ja: '終結', en: 'Terminate' },
  replan: { ja: '再プラン', en: 'Re-plan' },
  continue: { ja: '現プランで継続', en: 'Continue the plan' },
};

/** 終結の理由 (seed 003 step 13 and DOMAIN.md §3). */
export const terminationReasons = [
  'goals_in_sight',
  'major_issues_solved',
  'contact_lost',
  'moved_to_other_system',
  'moved_away',
  'other',
] as const;
export type TerminationReason = (typeof terminationReasons)[number];
export const terminationReasonLabels: Labels<TerminationReason> = {
  goals_in_sight: { ja: '目標達成の目途が立った', en: 'Goals in sight' },
  major_issues_solved: { ja: '大きな課題が一定程度解決した', en: 'Major issues solved for now' },
  contact_lost: { ja: '本人との連絡が途絶えた', en: 'Contact lost' },
  moved_to_other_system: { ja: '他制度へ移行した', en: 'Moved to another system' },
  moved_away: { ja: '転居した', en: 'Moved away' },
  other: { ja: 'その他', en: 'Other' },
};

/** 続柄 for household members. */
export const relationships = [
  'spouse',
  'child',
  'parent',
  'sibling',
  'grandparent',
  'grandchild',
  'partner',
  'other_relative',
  'other',
] as const;
export type Relationship = (typeof relationships)[number];
export const relationshipLabels: Labels<Relationship> = {
  spouse: { ja: '配偶者', en: 'Spouse' },
  child: { ja: '子', en: 'Child' },
  parent: { ja: '父母', en: 'Parent' },
  sibling: { ja: 'きょうだい', en: 'Sibling' },
  grandparent: { ja: '祖父母', en: 'Grandparent' },
  grandchild: { ja: '孫', en: 'Grandchild' },
  partner: { ja: '内縁・パートナー', en: 'Partner' },
  other_relative: { ja: 'その他の親族', en: 'Other relative' },
  other: { ja: 'その他', en: 'Other' },
};

/**
 * 続柄 as a form writes it when the sex is known (父・母, 祖父・祖母, 夫・妻); otherwise the
 * relationship's own label. Takes the stored codes as they come, unknown ones as その他.
 */
export function relationshipLabel(
  relationship: string,
  sex: string | null,
): { ja: string; en: string } {
  const bySex: Partial<
    Record<Relationship, { male: { ja: string; en: string }; female: { ja: string; en: string } }>
  > = {
    parent: { male: { ja: '父', en: 'Father' }, female: { ja: '母', en: 'Mother' } },
    grandparent: {
      male: { ja: '祖父', en: 'Grandfather' },
      female: { ja: '祖母', en: 'Grandmother' },
    },
    spouse: { male: { ja: '夫', en: 'Husband' }, female: { ja: '妻', en: 'Wife' } },
  };
  const known = (relationships as readonly string[]).includes(relationship)
    ? (relationship as Relationship)
    : 'other';
  const specific = bySex[known];
  if (specific && (sex === 'male' || sex === 'female')) return specific[sex];
  return relationshipLabels[known];
}

export const triageOutcomes = ['continue', 'refer_out', 'info_only'] as const;
export type TriageOutcome = (typeof triageOutcomes)[number];
export const triageOutcomeLabels: Labels<TriageOutcome> = {
  continue: { ja: '継続支援', en: 'Continue support here' },
  refer_out: { ja: '他機関へのつなぎ', en: 'Refer to another agency' },
  info_only: { ja: '情報提供のみで終了', en: 'Information only' },
};
