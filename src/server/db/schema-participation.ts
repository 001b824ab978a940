import type { ColumnType, Generated, Selectable } from 'kysely';
import type {
  ActivityKind,
  IssueDestination,
  IssueStatus,
} from '../../domain/participation/community';
import type { EscalationTarget } from '../../domain/participation/outreach';
import type {
  FollowUpParty,
  MatchEndReason,
  MatchStatus,
  ParticipationKind,
  Weekday,
} from '../../domain/participation/participation';

/**
 * Outreach attempts, participation support and community building (migration 0009). The
 * attempts themselves are contact records (their outreach columns are typed on `contact_record`
 * in ./schema.ts). Kept by hand beside the migration, like ./schema.ts, and merged into its
 * `Database`.
 */
type Defaulted<T> = ColumnType<T, T | undefined, T>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type IsoDate = string;

export interface OutreachEscalationTable {
  id: Generated<string>;
  municipality_id: string;
  case_id: string;
  /** The attempt during which it was seen, when there was one. */
  contact_record_id: string | null;
  observed_at: Timestamp;
  observed: string;
  escalated_to: EscalationTarget;
  partner_agency_id: string | null;
  escalated_to_name: string | null;
  escalated_at: Timestamp;
  response: string | null;
  recorded_by: string | null;
  version: Defaulted<number>;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface ParticipationMatchTable {
  id: Generated<string>;
  municipality_id: string;
  case_id: string;
  social_resource_id: string;
  kind: ParticipationKind;
  status: Defaulted<MatchStatus>;
  proposed_on: IsoDate;
  trial_started_on: IsoDate | null;
  started_on: IsoDate | null;
  ended_on: IsoDate | null;
  end_reason: MatchEndReason | null;
  end_note: string | null;
  days: Defaulted<Weekday[]>;
  hours: string | null;
  activities: string | null;
  accommodations: string | null;
  host_contact_name: string | null;
  over_capacity_agreed: Defaulted<boolean>;
  note: string | null;
  created_by: string | null;
  version: Defaulted<number>;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface ParticipationFollowUpTable {
  id: Generated<string>;
  municipality_id: string;
  match_id: string;
  followed_on: IsoDate;
  with_whom: FollowUpParty;
  note: string;
  next_on: IsoDate | null;
  recorded_by: string | null;
  version: Defaulted<number>;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface CommunityActivityTable {
  id: Generated<string>;
  municipality_id: string;
  base_id: string;
  name: string;
  kind: ActivityKind;
  schedule: string | null;
  held_on: IsoDate | null;
  coordinator_name: string | null;
  participants_count: number | null;
  note: string | null;
  created_by: string | null;
  version: Defaulted<number>;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface CommunityIssueTable {
  id: Generated<string>;
  municipality_id: string;
  base_id: string;
  activity_id: string | null;
  noticed_on: IsoDate;
  description: string;
  status: Defaulted<IssueStatus>;
  passed_to: Defaulted<IssueDestination | null>;
  partner_agency_id: Defaulted<string | null>;
  case_id: Defaulted<string | null>;
  passed_on: Defaulted<IsoDate | null>;
  pass_note: Defaulted<string | null>;
  passed_by: Defaulted<string | null>;
  closed_on: Defaulted<IsoDate | null>;
  close_note: Defaulted<string | null>;
  recorded_by: string | null;
  version: Defaulted<number>;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface ParticipationTables {
  outreach_escalation: OutreachEscalationTable;
  participation_match: ParticipationMatchTable;
  participation_follow_up: ParticipationFollowUpTable;
  community_activity: CommunityActivityTable;
  community_issue: CommunityIssueTable;
}

export type OutreachEscalation = Selectable<OutreachEscalationTable>;
export type ParticipationMatch = Selectable<ParticipationMatchTable>;
export type ParticipationFollowUp = Selectable<ParticipationFollowUpTable>;
export type CommunityActivity = Selectable<CommunityActivityTable>;
export type CommunityIssue = Selectable<CommunityIssueTable>;
