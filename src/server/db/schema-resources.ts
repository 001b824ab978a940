import type { ColumnType, Generated, Selectable } from 'kysely';
import type { ServiceClass } from '../../domain/cases/vocabulary';
import type {
  ResourceGapStatus,
  ResourceGapStep,
} from '../../domain/resources/resource-gap-status';
import type { ParticipationKind, ResourceCategory } from '../../domain/resources/vocabulary';

/**
 * The social-resource directory and the places of 参加支援 and 地域づくり (migration 0007). The
 * partner directory's new columns, `plan_service.social_resource_id` and `resource_gap.resource_id`
 * are typed on their tables in ./schema.ts. Kept by hand beside the migration, like ./schema.ts,
 * and merged into its `Database`.
 */

type Defaulted<T> = ColumnType<T, T | undefined, T>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type { ParticipationKind, ResourceCategory };

export interface SocialResourceTable {
  id: Generated<string>;
  municipality_id: string;
  name: string;
  name_kana: string | null;
  category: ResourceCategory;
  service_class: ServiceClass;
  formal: boolean;
  provider_partner_agency_id: string | null;
  provider_name: string | null;
  description: string | null;
  capacity: number | null;
  capacity_note: string | null;
  area: string | null;
  district_id: string | null;
  postal_code: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  contact_name: string | null;
  hours: string | null;
  fee: string | null;
  tags: Defaulted<string[]>;
  participation_kinds: Defaulted<ParticipationKind[]>;
  accommodations: string | null;
  is_community_base: Defaulted<boolean>;
  coordinator_name: string | null;
  search_text: Defaulted<string>;
  archived_at: Timestamp | null;
  version: Defaulted<number>;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

/** One step of a resource gap: append-only (refuse_history_change). */
export interface ResourceGapEventTable {
  id: Generated<number>;
  gap_id: string;
  municipality_id: string;
  step: ResourceGapStep;
  from_status: ResourceGapStatus;
  to_status: ResourceGapStatus;
  note: string | null;
  resource_id: string | null;
  actor_user_id: string | null;
  occurred_at: DefaultedTimestamp;
}

export interface ResourceTables {
  social_resource: SocialResourceTable;
  resource_gap_event: ResourceGapEventTable;
}

export type SocialResource = Selectable<SocialResourceTable>;
export type ResourceGapEvent = Selectable<ResourceGapEventTable>;
