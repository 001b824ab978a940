/**
 * 地域づくり (DOMAIN.md §5, seed 001): bases where residents meet (rows of the social-resource
 * directory marked as community bases, each with its coordinator), the activities held there,
 * and what people notice there — a neighbour who stopped coming, a household that seems to
 * struggle — passed on to a specialist agency or to the support agency as a lead (把握).
 */
type Labels<T extends string> = Record<T, { ja: string; en: string }>;

export const activityKinds = [
  'salon',
  'cafe',
  'children_cafeteria',
  'exercise',
  'learning',
  'watching_over',
  'event',
  'other',
] as const;
export type ActivityKind = (typeof activityKinds)[number];
export const activityKindLabels: Labels<ActivityKind> = {
  salon: { ja: 'ふれあい・いきいきサロン', en: 'Neighbourhood salon' },
  cafe: { ja: '地域カフェ・茶話会', en: 'Community café' },
  children_cafeteria: { ja: '子ども食堂', en: "Children's cafeteria" },
  exercise: { ja: '体操・健康づくり', en: 'Exercise and health' },
  learning: { ja: '学習会・講座', en: 'Classes and study' },
  watching_over: { ja: '見守り・声かけ活動', en: 'Watching over neighbours' },
  event: { ja: '行事・交流会', en: 'Events and gatherings' },
  other: { ja: 'その他', en: 'Other' },
};

export const issueStatuses = ['open', 'passed', 'closed'] as const;
export type IssueStatus = (typeof issueStatuses)[number];
export const issueStatusLabels: Labels<IssueStatus> = {
  open: { ja: '未対応', en: 'Open' },
  passed: { ja: 'つないだ', en: 'Passed on' },
  closed: { ja: '完了', en: 'Closed' },
};

/** Where an issue is passed: a specialist partner agency, or the support agency as a lead. */
export const issueDestinations = ['partner_agency', 'support_agency'] as const;
export type IssueDestination = (typeof issueDestinations)[number];
export const issueDestinationLabels: Labels<IssueDestination> = {
  partner_agency: { ja: '専門機関（関係機関）へつなぐ', en: 'To a specialist partner agency' },
  support_agency: {
    ja: '相談支援機関へつなぐ（把握として登録）',
    en: 'To the support agency as a lead',
  },
};

export const issueActions = ['pass', 'close'] as const;
export type IssueAction = (typeof issueActions)[number];

/** from → action → to. An issue may be closed without passing it on (it resolved itself). */
export const issueTransitions: Record<IssueStatus, Partial<Record<IssueAction, IssueStatus>>> = {
  open: { pass: 'passed', close: 'closed' },
  passed: { close: 'closed' },
  closed: {},
};

export function allowedIssueActions(status: IssueStatus): IssueAction[] {
  return issueActions.filter((a) => issueTransitions[status][a] !== undefined);
}

export function nextIssueStatus(status: IssueStatus, action: IssueAction): IssueStatus | null {
  return issueTransitions[status][action] ?? null;
}

/** The detection's source detail for a lead passed from a base: the base is named, no one else. */
export function leadSourceDetail(baseName: string, activityName: string | null): string {
  const where = activityName ? `「${baseName}」の「${activityName}」` : `「${baseName}」`;
  return `地域づくりの拠点${where}で把握`.slice(0, 300);
}
