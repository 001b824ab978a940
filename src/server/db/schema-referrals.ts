import type { ColumnType, Generated, Selectable } from 'kysely';
import type { PartnerActivityKind, ReferralEvent } from '../../domain/referrals/referral-status';

/**
 * Referrals between agencies (migration 0006): the referral's documents and history, and what
 * partner staff did. The referral's own new columns are typed on `ReferralTable` in ./schema.ts.
 * Kept by hand beside the migration, like ./schema.ts, and merged into its `Database`.
 */

type Defaulted<T> = ColumnType<T, T | undefined, T>;
type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type IsoDate = string;

export interface ReferralAttachmentTable {
  referral_id: string;
  attachment_id: string;
  municipality_id: string;
}

/** Append-only: the database refuses UPDATE and DELETE. */
export interface ReferralEventTable {
  id: Generated<number>;
  referral_id: string;
  case_id: string;
  municipality_id: string;
  event: ReferralEvent;
  actor_user_id: string | null;
  actor_partner_agency_id: string | null;
  occurred_at: DefaultedTimestamp;
  reason: string | null;
}

export interface PartnerActivityTable {
  id: Generated<string>;
  municipality_id: string;
  case_id: string;
  partner_agency_id: string;
  referral_id: string | null;
  occurred_on: IsoDate;
  kind: PartnerActivityKind;
  summary: string;
  recorded_by: string;
  version: Defaulted<number>;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface ReferralTables {
  referral_attachment: ReferralAttachmentTable;
  referral_event: ReferralEventTable;
  partner_activity: PartnerActivityTable;
}

export type ReferralEventRow = Selectable<ReferralEventTable>;
export type PartnerActivity = Selectable<PartnerActivityTable>;
