import type { ColumnType, Generated, Selectable } from 'kysely';
import type {
  MultiAgencyStatus,
  ReviewOutcome,
  SupportTarget,
  TieStrength,
} from '../../domain/multi-agency/multi-agency-case';

/**
 * Multi-agency household cases (多機関協働, migration 0008): agencies, roles, lead, joint plan, and
 * its reviews at the 重層的支援会議. `household_member_agency.tie_strength` is typed on its table in
 * ./schema.ts. Kept by hand beside the migration, like ./schema.ts, and merged into its `Database`.
 */

type Defaulted<T> = ColumnType<T, T | undefined, T>;
type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** `date`: an ISO `YYYY-MM-DD` string on both engines. */
type IsoDate = string;

export interface MultiAgencyCaseTable {
  id: Generated<string>;
  municipality_id: string;
  case_id: string;
  status: Defaulted<MultiAgencyStatus>;
  coordinator_id: string | null;
  referred_on: IsoDate;
  referred_by_partner_agency_id: string | null;
  referred_by_support_agency_id: string | null;
  referrer_contact: string | null;
  referral_reason: string;
  consent_id: string;
  accepted_on: IsoDate | null;
  returned_on: IsoDate | null;
  return_reason: string | null;
  return_consulted_with: string | null;
  plan_situation: string | null;
  plan_issues: string | null;
  plan_goal: string | null;
  plan_policy: string | null;
  plan_written_on: IsoDate | null;
  plan_review_on: IsoDate | null;
  ended_on: IsoDate | null;
  end_reason: string | null;
  carried_by_partner_agency_id: string | null;
  carried_by_support_agency_id: string | null;
  returned_to_referrer: Defaulted<boolean>;
  created_by: string | null;
  version: Defaulted<number>;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface MultiAgencyMemberTable {
  id: Generated<string>;
  municipality_id: string;
  multi_agency_case_id: string;
  partner_agency_id: string | null;
  support_agency_id: string | null;
  supports: SupportTarget;
  household_member_id: string | null;
  role: string;
  contact_name: string | null;
  lead: Defaulted<boolean>;
  tie_strength: Defaulted<TieStrength>;
  joined_on: IsoDate;
  left_on: IsoDate | null;
  version: Defaulted<number>;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface MultiAgencyReviewTable {
  id: Generated<string>;
  municipality_id: string;
  multi_agency_case_id: string;
  reviewed_on: IsoDate;
  meeting_id: string | null;
  meeting_item_id: string | null;
  outcome: ReviewOutcome;
  note: string | null;
  next_review_on: IsoDate | null;
  recorded_by: string | null;
  created_at: DefaultedTimestamp;
}

export interface MultiAgencyTables {
  multi_agency_case: MultiAgencyCaseTable;
  multi_agency_member: MultiAgencyMemberTable;
  multi_agency_review: MultiAgencyReviewTable;
}

export type MultiAgencyCase = Selectable<MultiAgencyCaseTable>;
export type MultiAgencyMember = Selectable<MultiAgencyMemberTable>;
export type MultiAgencyReview = Selectable<MultiAgencyReviewTable>;
