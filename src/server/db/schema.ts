import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type {
  AgencyOperation,
  ContractorKind,
  MunicipalityKind,
  PartnerField,
} from '../../domain/organisations';
import type { Role } from '../../domain/roles';

/**
 * The tables as Kysely sees them. Kept by hand beside the migrations; the schema test
 * (db/schema.test.ts) checks every column named here exists with a matching nullability.
 */

/** A column the database fills (default) that code may still set. */
type Defaulted<T> = ColumnType<T, T | undefined, T>;
/** `timestamptz`: read as Date, written as Date or ISO string. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** `date`: an ISO `YYYY-MM-DD` string on both engines (see connect.ts). */
type IsoDate = string;

export interface MunicipalityTable {
  id: Generated<string>;
  code: string | null;
  name: string;
  name_kana: string;
  prefecture: string;
  kind: MunicipalityKind;
  population: number;
  population_as_of: IsoDate | null;
  version: Defaulted<number>;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface DistrictTable {
  id: Generated<string>;
  municipality_id: string;
  name: string;
  name_kana: string | null;
  sort_order: Defaulted<number>;
  version: Defaulted<number>;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface SupportAgencyTable {
  id: Generated<string>;
  municipality_id: string;
  name: string;
  name_kana: string | null;
  operation: AgencyOperation;
  contractor_name: string | null;
  contractor_kind: ContractorKind | null;
  contract_start: IsoDate | null;
  contract_end: IsoDate | null;
  phone: string | null;
  email: string | null;
  notes: string | null;
  archived_at: Timestamp | null;
  version: Defaulted<number>;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface AgencySiteTable {
  id: Generated<string>;
  municipality_id: string;
  support_agency_id: string;
  name: string;
  postal_code: string | null;
  address: string | null;
  phone: string | null;
  opening_hours: string | null;
  is_outreach_desk: Defaulted<boolean>;
  sort_order: Defaulted<number>;
  created_at: DefaultedTimestamp;
}

export interface PartnerAgencyTable {
  id: Generated<string>;
  municipality_id: string;
  name: string;
  name_kana: string | null;
  field: PartnerField;
  legal_basis: string | null;
  postal_code: string | null;
  address: string | null;
  phone: string | null;
  fax: string | null;
  email: string | null;
  liaison_name: string | null;
  liaison_title: string | null;
  liaison_phone: string | null;
  notes: string | null;
  archived_at: Timestamp | null;
  version: Defaulted<number>;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface AppUserTable {
  id: Generated<string>;
  municipality_id: string;
  login_id: string;
  display_name: string;
  display_name_kana: string | null;
  email: string | null;
  roles: Role[];
  support_agency_id: string | null;
  partner_agency_id: string | null;
  password_hash: string;
  password_changed_at: DefaultedTimestamp;
  must_change_password: Defaulted<boolean>;
  failed_sign_in_count: Defaulted<number>;
  locked_until: Timestamp | null;
  totp_secret: string | null;
  totp_enabled_at: Timestamp | null;
  totp_pending_secret: string | null;
  totp_last_step: number | null;
  last_sign_in_at: Timestamp | null;
  disabled_at: Timestamp | null;
  version: Defaulted<number>;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface UserSessionTable {
  id: Generated<string>;
  municipality_id: string;
  user_id: string;
  token_hash: string;
  created_at: DefaultedTimestamp;
  last_seen_at: DefaultedTimestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface SignInChallengeTable {
  id: Generated<string>;
  municipality_id: string;
  user_id: string;
  token_hash: string;
  attempts: Defaulted<number>;
  created_at: DefaultedTimestamp;
  expires_at: Timestamp;
}

export type AuditOutcome = 'success' | 'denied' | 'failure';
export type LegalBasis = 'consent' | 'support_meeting' | 'own_case' | 'administration' | 'self';
export type OrganisationType = 'municipality' | 'support_agency' | 'partner_agency';

export interface AuditLogTable {
  id: Generated<number>;
  occurred_at: DefaultedTimestamp;
  municipality_id: string | null;
  actor_user_id: string | null;
  actor_login_id: string | null;
  actor_roles: Role[] | null;
  actor_organisation_type: OrganisationType | null;
  actor_organisation_id: string | null;
  action: string;
  outcome: AuditOutcome;
  subject_type: string | null;
  subject_id: string | null;
  person_id: string | null;
  legal_basis: LegalBasis | null;
  legal_basis_ref: string | null;
  reason: string | null;
  ip: string | null;
  request_id: string;
  detail: ColumnType<Record<string, unknown>, string | undefined, never>;
}

export interface FormDraftTable {
  user_id: string;
  municipality_id: string;
  form_key: string;
  data: ColumnType<unknown, string, string>;
  base_version: number | null;
  updated_at: DefaultedTimestamp;
}

export interface InstanceSecretTable {
  name: string;
  value: string;
  created_at: DefaultedTimestamp;
}

export interface SchemaMigrationTable {
  version: string;
  name: string;
  checksum: string;
  applied_at: DefaultedTimestamp;
}

export interface Database {
  municipality: MunicipalityTable;
  district: DistrictTable;
  support_agency: SupportAgencyTable;
  agency_site: AgencySiteTable;
  partner_agency: PartnerAgencyTable;
  app_user: AppUserTable;
  user_session: UserSessionTable;
  sign_in_challenge: SignInChallengeTable;
  audit_log: AuditLogTable;
  form_draft: FormDraftTable;
  instance_secret: InstanceSecretTable;
  schema_migration: SchemaMigrationTable;
}

export type Municipality = Selectable<MunicipalityTable>;
export type District = Selectable<DistrictTable>;
export type SupportAgency = Selectable<SupportAgencyTable>;
export type AgencySite = Selectable<AgencySiteTable>;
export type PartnerAgency = Selectable<PartnerAgencyTable>;
export type AppUser = Selectable<AppUserTable>;
export type NewAppUser = Insertable<AppUserTable>;
export type AppUserUpdate = Updateable<AppUserTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
