import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { CaseStatus } from '../../domain/cases/case-status';
import type { PlanStatus } from '../../domain/cases/plan-status';
import type {
  AssessmentDomain,
  ConsultationTopic,
  ContactMode,
  DetectionSource,
  EmergencyKind,
  EmergencyOutcome,
  EmploymentType,
  EvaluationDecision,
  GoalAchievement,
  HealthInsurance,
  HousingStatus,
  ImprovementItem,
  InformationSource,
  PensionStatus,
  Prognosis,
  Relationship,
  RouteIn,
  SensitiveCategory,
  ServiceClass,
  Sex,
  StatutoryProgramme,
  TerminationReason,
  TriageOutcome,
  Urgency,
  WorkStatus,
} from '../../domain/cases/vocabulary';
import type { ItemDecision, ItemKind, PhaseMinutes } from '../../domain/meetings/agenda';
import type {
  AttendanceRole,
  LegalBasisCode,
  MeetingPattern,
  MeetingType,
  MemberTier,
} from '../../domain/meetings/meeting-types';
import type { TieStrength } from '../../domain/multi-agency/multi-agency-case';
import type {
  AgencyOperation,
  ContractorKind,
  MunicipalityKind,
  PartnerField,
} from '../../domain/organisations';
import type { OutreachChannel, OutreachOutcome } from '../../domain/participation/outreach';
import type { Role } from '../../domain/roles';
import type { ImportTables } from './schema-imports';
import type { MultiAgencyTables } from './schema-multi-agency';
import type { ParticipationTables } from './schema-participation';
import type { ReferralTables } from './schema-referrals';
import type { ResourceTables } from './schema-resources';
import type { StatisticsTables } from './schema-statistics';

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
  plan_deadline_days: Defaulted<number>;
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
  /** 住民基本台帳 population, for the per-100,000 figures of a district (migration 0011). */
  population: Defaulted<number | null>;
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
  area: string | null;
  services: string | null;
  opening_hours: string | null;
  how_to_refer: string | null;
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
  person_ids: string[] | null;
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

export interface PersonTable {
  id: Generated<string>;
  municipality_id: string;
  name: string;
  name_kana: string | null;
  sex: Sex | null;
  birth_date: IsoDate | null;
  postal_code: string | null;
  address_prefecture: string | null;
  address_city: string | null;
  address_street: string | null;
  address_building: string | null;
  district_id: string | null;
  phone_home: string | null;
  phone_mobile: string | null;
  email: string | null;
  safe_contact: string | null;
  sensitive_categories: Defaulted<SensitiveCategory[]>;
  search_text: Defaulted<string>;
  search_grams: Defaulted<string[]>;
  phone_numbers: Defaulted<string[]>;
  version: Defaulted<number>;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface HouseholdMemberTable {
  id: Generated<string>;
  municipality_id: string;
  person_id: string;
  name: string;
  name_kana: string | null;
  relationship: Relationship;
  sex: Sex | null;
  birth_date: IsoDate | null;
  age: number | null;
  lives_together: Defaulted<boolean>;
  situation: string | null;
  sort_order: Defaulted<number>;
  created_at: DefaultedTimestamp;
}

export interface HouseholdMemberAgencyTable {
  household_member_id: string;
  municipality_id: string;
  partner_agency_id: string;
  note: string | null;
  /** For the ecomap (migration 0008). */
  tie_strength: Defaulted<TieStrength>;
}

export interface CaseNumberCounterTable {
  municipality_id: string;
  fiscal_year: number;
  last_number: number;
}

export interface SupportCaseTable {
  id: Generated<string>;
  municipality_id: string;
  case_number: string;
  person_id: string;
  support_agency_id: string;
  lead_worker_id: string | null;
  district_id: string | null;
  status: CaseStatus;
  status_changed_at: DefaultedTimestamp;
  opened_on: IsoDate;
  intake_on: IsoDate | null;
  closed_on: IsoDate | null;
  version: Defaulted<number>;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface CaseTeamMemberTable {
  case_id: string;
  municipality_id: string;
  user_id: string;
  added_at: DefaultedTimestamp;
}

export interface CaseTransitionTable {
  id: Generated<number>;
  case_id: string;
  municipality_id: string;
  from_status: CaseStatus | null;
  to_status: CaseStatus;
  action: string;
  actor_user_id: string | null;
  occurred_at: DefaultedTimestamp;
  reason: string | null;
}

export interface DetectionTable {
  case_id: string;
  municipality_id: string;
  detected_on: IsoDate;
  source: DetectionSource;
  source_detail: string | null;
  signs: string | null;
  approach_plan: string | null;
  version: Defaulted<number>;
  updated_at: DefaultedTimestamp;
}

export interface IntakeTable {
  case_id: string;
  municipality_id: string;
  received_on: IsoDate;
  received_by: string | null;
  route_in: RouteIn;
  route_detail: string | null;
  topics: ConsultationTopic[];
  main_topic: ConsultationTopic;
  topic_other: string | null;
  consultation_text: string | null;
  wishes: string | null;
  visitor_name: string | null;
  visitor_phone: string | null;
  visitor_relation: string | null;
  work_status: WorkStatus | null;
  housing_status: HousingStatus | null;
  health_insurance: HealthInsurance | null;
  pension_status: PensionStatus | null;
  urgency: Defaulted<Urgency>;
  triage_outcome: TriageOutcome | null;
  triaged_on: IsoDate | null;
  triaged_by: string | null;
  triage_note: string | null;
  version: Defaulted<number>;
  updated_at: DefaultedTimestamp;
}

/** The referral's statuses are one table in the domain (referrals/referral-status.ts). */
export type ReferralStatus = import('../../domain/referrals/referral-status').ReferralStatus;

export interface ReferralTable {
  id: Generated<string>;
  municipality_id: string;
  case_id: string;
  partner_agency_id: string | null;
  destination_name: string | null;
  reason: string | null;
  accompanied: Defaulted<boolean>;
  to_public_assistance: Defaulted<boolean>;
  referred_on: IsoDate;
  follow_up_on: IsoDate | null;
  status: Defaulted<ReferralStatus>;
  confirmed_on: IsoDate | null;
  confirmation_note: string | null;
  created_by: string | null;
  // つなぎ between agencies (migration 0006).
  hand_over_summary: string | null;
  consent_id: string | null;
  due_on: IsoDate | null;
  responded_at: Timestamp | null;
  responded_by: string | null;
  response_reason: string | null;
  noted_at: Timestamp | null;
  noted_by: string | null;
  version: Defaulted<number>;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface AttachmentTable {
  id: Generated<string>;
  municipality_id: string;
  case_id: string;
  file_name: string;
  media_type: 'application/pdf' | 'image/jpeg' | 'image/png';
  size_bytes: number;
  content: Uint8Array;
  uploaded_by: string | null;
  uploaded_at: DefaultedTimestamp;
}

export type ConsentPurpose =
  | 'coordination_meeting'
  | 'partner_liaison'
  | 'employment_support'
  | 'household_budget'
  | 'housing'
  | 'statistics'
  | 'other';

export interface ConsentTable {
  id: Generated<string>;
  municipality_id: string;
  case_id: string;
  given_on: IsoDate;
  signed_by: 'person' | 'proxy';
  proxy_name: string | null;
  proxy_relation: string | null;
  obtained_by: string | null;
  explanation_given: boolean;
  all_agencies: Defaulted<boolean>;
  purposes: Defaulted<ConsentPurpose[]>;
  purpose_other: string | null;
  scan_attachment_id: string | null;
  withdrawn_on: IsoDate | null;
  withdrawal_reason: string | null;
  withdrawal_recorded_by: string | null;
  version: Defaulted<number>;
  created_at: DefaultedTimestamp;
}

export interface ConsentAgencyTable {
  consent_id: string;
  municipality_id: string;
  partner_agency_id: string;
}

export interface EmergencySupportTable {
  id: Generated<string>;
  municipality_id: string;
  case_id: string;
  kind: EmergencyKind;
  kind_other: string | null;
  requested_on: IsoDate;
  started_on: IsoDate | null;
  ended_on: IsoDate | null;
  outcome: Defaulted<EmergencyOutcome>;
  detail: string | null;
  recorded_by: string | null;
  version: Defaulted<number>;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface AssessmentTable {
  id: Generated<string>;
  municipality_id: string;
  case_id: string;
  version_no: number;
  status: Defaulted<'draft' | 'completed'>;
  assessed_on: IsoDate;
  author_id: string | null;
  strengths: string | null;
  prognosis: Prognosis | null;
  worker_view: string | null;
  chief_review: string | null;
  reviewed_by: string | null;
  reviewed_at: Timestamp | null;
  completed_at: Timestamp | null;
  version: Defaulted<number>;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface AssessmentDomainTable {
  assessment_id: string;
  municipality_id: string;
  domain: AssessmentDomain;
  situation: string | null;
  issues: string | null;
  direct_factors: string | null;
  indirect_factors: string | null;
  sources: Defaulted<InformationSource[]>;
}

export interface PlanTable {
  id: Generated<string>;
  municipality_id: string;
  case_id: string;
  plan_no: number;
  revision: Defaulted<number>;
  status: Defaulted<PlanStatus>;
  long_term_goal: string | null;
  period_start: IsoDate | null;
  period_end: IsoDate | null;
  person_words: string | null;
  signature_on: IsoDate | null;
  employment_support_target: Defaulted<boolean>;
  programmes: Defaulted<StatutoryProgramme[]>;
  monitoring_dates: Defaulted<IsoDate[]>;
  budget_plan: string | null;
  work_readiness_program: string | null;
  change_reason: string | null;
  submitted_on: IsoDate | null;
  adopted_on: IsoDate | null;
  adoption_note: string | null;
  activated_on: IsoDate | null;
  author_id: string | null;
  version: Defaulted<number>;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface PlanGoalTable {
  id: Generated<string>;
  municipality_id: string;
  plan_id: string;
  sort_order: Defaulted<number>;
  goal: string;
  indicator: string | null;
}

export interface PlanServiceTable {
  id: Generated<string>;
  municipality_id: string;
  plan_id: string;
  sort_order: Defaulted<number>;
  content: string;
  provider_partner_agency_id: string | null;
  provider_name: string | null;
  household_member_id: string | null;
  service_class: ServiceClass;
  programme: StatutoryProgramme | null;
  frequency: string | null;
  start_on: IsoDate | null;
  end_on: IsoDate | null;
  social_resource_id: string | null;
}

export interface SupportDecisionTable {
  id: Generated<string>;
  municipality_id: string;
  plan_id: string;
  case_id: string;
  kind: 'decision' | 'confirmation';
  decided_on: IsoDate;
  decided_by: string;
  programmes_decided: Defaulted<StatutoryProgramme[]>;
  note: string | null;
  created_at: DefaultedTimestamp;
}

export interface ContactRecordTable {
  id: Generated<string>;
  municipality_id: string;
  case_id: string;
  occurred_at: Timestamp;
  mode: ContactMode;
  place: string | null;
  participants: string | null;
  reached: Defaulted<boolean>;
  summary: string;
  person_state: string | null;
  judgement: string | null;
  next_step: string | null;
  plan_service_id: string | null;
  recorded_by: string | null;
  /** The content came from the tax records (課税・滞納情報): never shared at a 支援会議. */
  tax_information: Defaulted<boolean>;
  /** An outreach attempt (migration 0009): how, what came of it, through whom, when next. */
  outreach_channel: Defaulted<OutreachChannel | null>;
  outreach_outcome: Defaulted<OutreachOutcome | null>;
  outreach_via: Defaulted<string | null>;
  next_approach_on: Defaulted<IsoDate | null>;
  version: Defaulted<number>;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export type MonitoringNextAction = 'continue' | 'plan_change' | 'evaluate_early';

export interface MonitoringTable {
  id: Generated<string>;
  municipality_id: string;
  case_id: string;
  plan_id: string;
  due_on: IsoDate;
  done_on: IsoDate | null;
  services_delivered: string | null;
  progress: string | null;
  changes: string | null;
  next_action: MonitoringNextAction | null;
  recorded_by: string | null;
  version: Defaulted<number>;
  updated_at: DefaultedTimestamp;
}

export interface EvaluationTable {
  id: Generated<string>;
  municipality_id: string;
  case_id: string;
  plan_id: string;
  evaluated_on: IsoDate;
  support_review: string | null;
  person_view: string | null;
  employed: Defaulted<boolean>;
  employment_started_on: IsoDate | null;
  employment_type: EmploymentType | null;
  income_increased: Defaulted<boolean>;
  income_note: string | null;
  improvements: Defaulted<ImprovementItem[]>;
  decision: EvaluationDecision;
  recorded_by: string | null;
  version: Defaulted<number>;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface EvaluationGoalTable {
  evaluation_id: string;
  municipality_id: string;
  plan_goal_id: string;
  achievement: GoalAchievement;
  comment: string | null;
}

export interface CaseClosureTable {
  id: Generated<string>;
  municipality_id: string;
  case_id: string;
  kind: 'termination' | 'interruption';
  decided_on: IsoDate;
  reason: TerminationReason | null;
  reason_detail: string | null;
  meeting_note: string | null;
  follow_up: Defaulted<boolean>;
  follow_up_by: string | null;
  follow_up_method: string | null;
  follow_up_until: IsoDate | null;
  recorded_by: string | null;
  created_at: DefaultedTimestamp;
}

export interface MeetingSeriesTable {
  id: Generated<string>;
  municipality_id: string;
  type: MeetingType;
  name: string;
  legal_basis: LegalBasisCode | null;
  host_agency_id: string | null;
  pattern: MeetingPattern;
  regular_week: number | null;
  regular_weekday: number | null;
  default_start: Defaulted<string>;
  place: string | null;
  online: Defaulted<boolean>;
  minutes_per_case: Defaulted<number>;
  phase_minutes: ColumnType<PhaseMinutes, string | undefined, string>;
  active: Defaulted<boolean>;
  version: Defaulted<number>;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface MeetingMemberTable {
  id: Generated<string>;
  municipality_id: string;
  series_id: string;
  tier: MemberTier;
  user_id: string | null;
  partner_agency_id: string | null;
  support_agency_id: string | null;
  name: string | null;
  organisation: string | null;
  appointed_on: IsoDate | null;
  ended_on: IsoDate | null;
}

export interface MeetingAcknowledgementTable {
  series_id: string;
  municipality_id: string;
  user_id: string;
  acknowledged_at: DefaultedTimestamp;
}

export type MeetingStatus = 'planned' | 'held' | 'cancelled';

export interface MeetingTable {
  id: Generated<string>;
  municipality_id: string;
  series_id: string;
  held_on: IsoDate;
  starts_at: string;
  place: string | null;
  online: Defaulted<boolean>;
  tier: Defaulted<MemberTier>;
  status: Defaulted<MeetingStatus>;
  note: string | null;
  created_by: string | null;
  version: Defaulted<number>;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface MeetingJointSeriesTable {
  meeting_id: string;
  municipality_id: string;
  series_id: string;
}

export interface MeetingAttendeeTable {
  id: Generated<string>;
  municipality_id: string;
  meeting_id: string;
  user_id: string | null;
  partner_agency_id: string | null;
  name: string | null;
  organisation: string | null;
  municipal: Defaulted<boolean>;
  roles: Defaulted<AttendanceRole[]>;
  present: boolean | null;
}

export type ItemBasis = 'consent' | 'law' | 'internal';

export interface MeetingItemTable {
  id: Generated<string>;
  municipality_id: string;
  meeting_id: string;
  series_id: string;
  case_id: string;
  plan_id: string | null;
  kind: ItemKind;
  position: number;
  minutes: number;
  reporter_id: string | null;
  basis: ItemBasis;
  consent_id: string | null;
  legal_basis: LegalBasisCode | null;
  summary: string | null;
  /** The reporter marked the summary as containing tax information (地方税法第22条). */
  summary_tax_information: Defaulted<boolean>;
  discussion: string | null;
  check_fits: boolean | null;
  check_addresses: boolean | null;
  check_motivates: boolean | null;
  person_attended: boolean | null;
  decision: ItemDecision | null;
  decision_note: string | null;
  decided_at: Timestamp | null;
  decided_by: string | null;
  version: Defaulted<number>;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface MeetingItemGuestTable {
  id: Generated<string>;
  municipality_id: string;
  item_id: string;
  partner_agency_id: string | null;
  user_id: string | null;
  name: string | null;
  appointed: Defaulted<boolean>;
}

export interface MeetingRequestTable {
  id: Generated<string>;
  municipality_id: string;
  case_id: string;
  meeting_type: MeetingType;
  kind: ItemKind;
  note: string | null;
  requested_by: string | null;
  requested_at: DefaultedTimestamp;
  item_id: string | null;
  withdrawn_at: Timestamp | null;
}

export interface TaskTable {
  id: Generated<string>;
  municipality_id: string;
  owner_id: string;
  case_id: string | null;
  meeting_item_id: string | null;
  description: string;
  due_on: IsoDate | null;
  done_on: IsoDate | null;
  created_by: string | null;
  version: Defaulted<number>;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export type ResourceGapStatus = 'raised' | 'recognised' | 'in_development' | 'created' | 'closed';

export interface ResourceGapTable {
  id: Generated<string>;
  municipality_id: string;
  description: string;
  status: Defaulted<ResourceGapStatus>;
  meeting_item_id: string | null;
  resource_id: string | null;
  closed_reason: string | null;
  status_changed_at: Timestamp | null;
  raised_by: string | null;
  version: Defaulted<number>;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface ResourceGapCaseTable {
  gap_id: string;
  municipality_id: string;
  case_id: string;
}

export interface Database
  extends ReferralTables,
    ResourceTables,
    MultiAgencyTables,
    ParticipationTables,
    StatisticsTables,
    ImportTables {
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
  person: PersonTable;
  household_member: HouseholdMemberTable;
  household_member_agency: HouseholdMemberAgencyTable;
  case_number_counter: CaseNumberCounterTable;
  support_case: SupportCaseTable;
  case_team_member: CaseTeamMemberTable;
  case_transition: CaseTransitionTable;
  detection: DetectionTable;
  intake: IntakeTable;
  referral: ReferralTable;
  attachment: AttachmentTable;
  consent: ConsentTable;
  consent_agency: ConsentAgencyTable;
  emergency_support: EmergencySupportTable;
  assessment: AssessmentTable;
  assessment_domain: AssessmentDomainTable;
  plan: PlanTable;
  plan_goal: PlanGoalTable;
  plan_service: PlanServiceTable;
  support_decision: SupportDecisionTable;
  contact_record: ContactRecordTable;
  monitoring: MonitoringTable;
  evaluation: EvaluationTable;
  evaluation_goal: EvaluationGoalTable;
  case_closure: CaseClosureTable;
  meeting_series: MeetingSeriesTable;
  meeting_member: MeetingMemberTable;
  meeting_acknowledgement: MeetingAcknowledgementTable;
  meeting: MeetingTable;
  meeting_joint_series: MeetingJointSeriesTable;
  meeting_attendee: MeetingAttendeeTable;
  meeting_item: MeetingItemTable;
  meeting_item_guest: MeetingItemGuestTable;
  meeting_request: MeetingRequestTable;
  task: TaskTable;
  resource_gap: ResourceGapTable;
  resource_gap_case: ResourceGapCaseTable;
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

export type Person = Selectable<PersonTable>;
export type HouseholdMember = Selectable<HouseholdMemberTable>;
export type SupportCase = Selectable<SupportCaseTable>;
export type Intake = Selectable<IntakeTable>;
export type Detection = Selectable<DetectionTable>;
export type Referral = Selectable<ReferralTable>;
export type Consent = Selectable<ConsentTable>;
export type EmergencySupport = Selectable<EmergencySupportTable>;
export type Assessment = Selectable<AssessmentTable>;
export type AssessmentDomainRow = Selectable<AssessmentDomainTable>;
export type Plan = Selectable<PlanTable>;
export type PlanGoal = Selectable<PlanGoalTable>;
export type PlanService = Selectable<PlanServiceTable>;
export type SupportDecision = Selectable<SupportDecisionTable>;
export type ContactRecord = Selectable<ContactRecordTable>;
export type Monitoring = Selectable<MonitoringTable>;
export type Evaluation = Selectable<EvaluationTable>;
export type CaseClosure = Selectable<CaseClosureTable>;
export type MeetingSeries = Selectable<MeetingSeriesTable>;
export type Meeting = Selectable<MeetingTable>;
export type MeetingItem = Selectable<MeetingItemTable>;
