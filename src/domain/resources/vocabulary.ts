/**
 * The words of the social-resource directory (社会資源, DOMAIN.md §6): what kind of resource it is,
 * whether it is formal, and the kinds of 参加支援 a place offers. Codes are stable (stored, and
 * read back from CSV files); labels may be reworded.
 */
type Labels<T extends string> = Record<T, { ja: string; en: string }>;

/** 人・場・活動・サービス・情報 — the five kinds of resource the seeds list. */
export const resourceCategories = [
  'person',
  'place',
  'activity',
  'service',
  'information',
] as const;
export type ResourceCategory = (typeof resourceCategories)[number];
export const resourceCategoryLabels: Labels<ResourceCategory> = {
  person: { ja: '人', en: 'People' },
  place: { ja: '場', en: 'Places' },
  activity: { ja: '活動', en: 'Activities' },
  service: { ja: 'サービス', en: 'Services' },
  information: { ja: '情報', en: 'Information' },
};

/** フォーマル（制度に基づく）か、インフォーマル（住民・団体の自発的な取組）か. */
export const formalities = ['formal', 'informal'] as const;
export type Formality = (typeof formalities)[number];
export const formalityLabels: Labels<Formality> = {
  formal: { ja: 'フォーマル', en: 'Formal' },
  informal: { ja: 'インフォーマル', en: 'Informal' },
};

/** 参加支援: the places to work, learn and belong a resource can offer (seed 001). */
export const participationKinds = [
  'ibasho',
  'intermediate_work',
  'volunteering',
  'work_experience',
  'learning_support',
] as const;
export type ParticipationKind = (typeof participationKinds)[number];
export const participationKindLabels: Labels<ParticipationKind> = {
  ibasho: { ja: '居場所', en: 'A place to belong (ibasho)' },
  intermediate_work: { ja: '中間的就労', en: 'Intermediate work' },
  volunteering: { ja: 'ボランティア', en: 'Volunteering' },
  work_experience: { ja: '就労体験', en: 'Work experience' },
  learning_support: { ja: '学習支援', en: 'Learning support' },
};

/** The mark a yes/no column carries in the directory's CSV (地域づくりの拠点). */
export const csvYes = { ja: '○', en: 'Yes' } as const;
