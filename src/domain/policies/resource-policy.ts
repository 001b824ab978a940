import type { Actor, TenantOwned } from '../actor';
import {
  type ResourceGapStatus,
  type ResourceGapStep,
  resourceGapStepsFrom,
} from '../resources/resource-gap-status';
import { can } from './can';

/**
 * The social-resource directory and resource gaps. Reading the directory is `directory.read`
 * (published facts, like the partner list); keeping it is `socialResource.manage`. Gaps are
 * followed by those who hold `resourceGap.manage`; which of their linked cases a user sees is the
 * case policy's question (ScopedReader.resourceGapCases).
 */
export interface SocialResourceAbilities {
  update: boolean;
  archive: boolean;
}

export function socialResourceAbilities(
  actor: Actor,
  resource: TenantOwned,
): SocialResourceAbilities {
  const manage = can(actor, 'socialResource.manage', resource);
  return { update: manage, archive: manage };
}

export interface SocialResourceListAbilities {
  create: boolean;
  import: boolean;
}

export function socialResourceListAbilities(actor: Actor): SocialResourceListAbilities {
  const manage = can(actor, 'socialResource.manage');
  return { create: manage, import: manage };
}

export interface ResourceGapAbilities {
  /** The steps the actor may take now, from the lifecycle table. */
  steps: ResourceGapStep[];
  /** Whether the actor may make the resulting resource in the same step. */
  createResource: boolean;
}

export function resourceGapAbilities(
  actor: Actor,
  gap: TenantOwned & { status: ResourceGapStatus },
): ResourceGapAbilities {
  if (!can(actor, 'resourceGap.manage', gap)) return { steps: [], createResource: false };
  return {
    steps: resourceGapStepsFrom(gap.status),
    createResource: can(actor, 'socialResource.manage', gap),
  };
}

export function resourceGapListAbilities(actor: Actor): { raise: boolean } {
  return { raise: can(actor, 'resourceGap.manage') };
}
