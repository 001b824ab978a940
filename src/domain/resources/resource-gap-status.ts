/**
 * The life of a resource gap (不足する社会資源 / 地域課題, DOMAIN.md §6): raised in a meeting or by
 * hand, recognised as a local issue, taken into development, and ended by the resource that was
 * built — or closed with a reason. One table decides; the server moves a gap only through it and
 * the screens offer only the steps it allows from the current status.
 */
type Labels<T extends string> = Record<T, { ja: string; en: string }>;

export const resourceGapStatuses = [
  'raised',
  'recognised',
  'in_development',
  'created',
  'closed',
] as const;
export type ResourceGapStatus = (typeof resourceGapStatuses)[number];

export const resourceGapStatusLabels: Labels<ResourceGapStatus> = {
  raised: { ja: '提起', en: 'Raised' },
  recognised: { ja: '地域課題として認識', en: 'Recognised as a local issue' },
  in_development: { ja: '資源づくりに着手', en: 'In development' },
  created: { ja: '資源ができた', en: 'Resource created' },
  closed: { ja: '終了', en: 'Closed' },
};

export const resourceGapSteps = ['recognise', 'start_development', 'create', 'close'] as const;
export type ResourceGapStep = (typeof resourceGapSteps)[number];

export const resourceGapStepLabels: Labels<ResourceGapStep> = {
  recognise: { ja: '地域課題として認識する', en: 'Recognise as a local issue' },
  start_development: { ja: '資源づくりに着手する', en: 'Start developing a resource' },
  create: { ja: '資源ができたことを記録する', en: 'Record the resource created' },
  close: { ja: 'この課題を終了する', en: 'Close this gap' },
};

/** Each step: the statuses it may be taken from, and where it leads. */
export const resourceGapTransitions: Record<
  ResourceGapStep,
  { from: readonly ResourceGapStatus[]; to: ResourceGapStatus }
> = {
  recognise: { from: ['raised'], to: 'recognised' },
  start_development: { from: ['recognised'], to: 'in_development' },
  // The resource that resulted is named with the step (an existing one, or one made then).
  create: { from: ['in_development'], to: 'created' },
  // Closed without a resource: solved otherwise, merged into another gap, no longer needed.
  close: { from: ['raised', 'recognised', 'in_development'], to: 'closed' },
};

/** The steps that can be taken from a status, in the order of the table. */
export function resourceGapStepsFrom(status: ResourceGapStatus): ResourceGapStep[] {
  return resourceGapSteps.filter((step) => resourceGapTransitions[step].from.includes(status));
}

/** Where the step leads from the status, or null when the table does not allow it. */
export function resourceGapTarget(
  status: ResourceGapStatus,
  step: ResourceGapStep,
): ResourceGapStatus | null {
  const transition = resourceGapTransitions[step];
  return transition.from.includes(status) ? transition.to : null;
}

/** What a step needs beyond a note: the resulting resource, or the reason for closing. */
export const resourceGapStepNeeds: Record<ResourceGapStep, 'resource' | 'reason' | null> = {
  recognise: null,
  start_development: null,
  create: 'resource',
  close: 'reason',
};

/** A gap still open: it can move on. */
export function isOpenResourceGap(status: ResourceGapStatus): boolean {
  return resourceGapStepsFrom(status).length > 0;
}
