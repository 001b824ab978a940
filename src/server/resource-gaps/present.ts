import type { Actor } from '../../domain/actor';
import type { ServiceClass } from '../../domain/cases/vocabulary';
import { resourceGapAbilities } from '../../domain/policies/resource-policy';
import type {
  ResourceGapStatus,
  ResourceGapStep,
} from '../../domain/resources/resource-gap-status';
import type { ResourceCategory } from '../../domain/resources/vocabulary';

export interface ResourceGapRow {
  id: string;
  municipality_id: string;
  description: string;
  status: ResourceGapStatus;
  status_changed_at: Date | null;
  closed_reason: string | null;
  meeting_item_id: string | null;
  resource_id: string | null;
  raised_by: string | null;
  raised_by_name: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  resource_name: string | null;
  resource_category: ResourceCategory | null;
  resource_service_class: ServiceClass | null;
  resource_archived_at: Date | null;
  case_count: number;
}

export interface GapMeeting {
  id: string;
  heldOn: string;
  seriesName: string;
}

/** A gap as the list shows it: what is missing, how far it has come, how many cases it touches. */
export function presentResourceGap(actor: Actor, g: ResourceGapRow, meeting: GapMeeting | null) {
  return {
    id: g.id,
    description: g.description,
    status: g.status,
    statusChangedAt: (g.status_changed_at ?? g.created_at).toISOString(),
    closedReason: g.closed_reason,
    raisedAt: g.created_at.toISOString(),
    raisedBy: g.raised_by ? { id: g.raised_by, name: g.raised_by_name } : null,
    fromMeeting: g.meeting_item_id !== null,
    /** The meeting it was raised in, when the actor may see that meeting. */
    meeting,
    resource:
      g.resource_id && g.resource_name
        ? {
            id: g.resource_id,
            name: g.resource_name,
            category: g.resource_category,
            serviceClass: g.resource_service_class,
            archived: g.resource_archived_at !== null,
          }
        : null,
    caseCount: Number(g.case_count),
    version: g.version,
    abilities: resourceGapAbilities(actor, { municipalityId: g.municipality_id, status: g.status }),
  };
}

export interface GapHistoryEntry {
  step: ResourceGapStep | 'raise';
  fromStatus: ResourceGapStatus | null;
  toStatus: ResourceGapStatus;
  note: string | null;
  resourceId: string | null;
  actorName: string | null;
  occurredAt: string;
}

export type ResourceGapView = ReturnType<typeof presentResourceGap>;
