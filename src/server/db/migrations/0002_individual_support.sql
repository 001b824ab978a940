-- Individual support (issue 3): the person and household, the case with its explicit status and
-- transition history, detection, intake and triage, referral out, application and consent,
-- emergency support, assessment (versioned), plans (numbered, with revisions), support
-- decisions, contact records, monitoring, evaluation, termination and interruption with follow-up.
-- Same conventions as 0001: municipality_id everywhere, (id, municipality_id) references,
-- a version on every editable row, choice lists as CHECK constraints.

alter table municipality
  add column plan_deadline_days integer not null default 14 check (plan_deadline_days between 1 and 365);

-- A list or search shows many people at once: one audit row names them all, and "who saw this
-- person" finds it through this index as well as through person_id.
alter table audit_log add column person_ids uuid[];
create index audit_log_person_ids_idx on audit_log using gin (person_ids) where person_ids is not null;

-- One trigger function for every append-only history table (the audit log keeps its own).
create function refuse_history_change() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only: % is not allowed', tg_table_name, tg_op
    using errcode = 'insufficient_privilege';
end;
$$;

create table person (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality (id),
  name text not null check (char_length(name) between 1 and 100),
  name_kana text check (char_length(name_kana) <= 200),
  sex text check (sex in ('male', 'female', 'other', 'unanswered')),
  birth_date date,
  postal_code text check (postal_code ~ '^[0-9]{3}-[0-9]{4}$'),
  address_prefecture text check (char_length(address_prefecture) <= 10),
  address_city text check (char_length(address_city) <= 100),
  address_street text check (char_length(address_street) <= 200),
  address_building text check (char_length(address_building) <= 200),
  district_id uuid,
  phone_home text check (char_length(phone_home) <= 30),
  phone_mobile text check (char_length(phone_mobile) <= 30),
  email text check (char_length(email) <= 254),
  -- How to reach the person safely (e.g. only the mobile, no messages at home).
  safe_contact text check (char_length(safe_contact) <= 500),
  sensitive_categories text[] not null default '{}' check (
    sensitive_categories <@ array['health', 'disability', 'criminal_record', 'victimisation']::text[]
  ),
  -- Search: the folded name and reading, its bigrams, and the phone numbers as digits.
  search_text text not null default '',
  search_grams text[] not null default '{}',
  phone_numbers text[] not null default '{}',
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (id, municipality_id),
  foreign key (district_id, municipality_id) references district (id, municipality_id)
);

create index person_search_grams_idx on person using gin (search_grams);
create index person_phone_numbers_idx on person using gin (phone_numbers);
create index person_municipality_idx on person (municipality_id, birth_date);

create table household_member (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null,
  person_id uuid not null,
  name text not null check (char_length(name) between 1 and 100),
  name_kana text check (char_length(name_kana) <= 200),
  relationship text not null check (relationship in ('spouse', 'child', 'parent', 'sibling', 'grandparent', 'grandchild', 'partner', 'other_relative', 'other')),
  sex text check (sex in ('male', 'female', 'other', 'unanswered')),
  birth_date date,
  -- When the birth date is not known, the age as told.
  age integer check (age between 0 and 130),
  lives_together boolean not null default true,
  situation text check (char_length(situation) <= 1000),
  sort_order integer not null default 0,
  created_at timestamptz not null default now(),
  unique (id, municipality_id),
  foreign key (person_id, municipality_id) references person (id, municipality_id) on delete cascade
);

create index household_member_person_idx on household_member (person_id);

-- The agencies each member already has (地域包括, 学校, 障害の相談支援事業所 …).
create table household_member_agency (
  household_member_id uuid not null,
  municipality_id uuid not null,
  partner_agency_id uuid not null,
  note text check (char_length(note) <= 300),
  primary key (household_member_id, partner_agency_id),
  foreign key (household_member_id, municipality_id) references household_member (id, municipality_id) on delete cascade,
  foreign key (partner_agency_id, municipality_id) references partner_agency (id, municipality_id)
);

create table case_number_counter (
  municipality_id uuid not null references municipality (id),
  fiscal_year integer not null,
  last_number integer not null,
  primary key (municipality_id, fiscal_year)
);

create table support_case (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null,
  case_number text not null,
  person_id uuid not null,
  support_agency_id uuid not null,
  lead_worker_id uuid,
  district_id uuid,
  status text not null check (status in ('detected', 'intake', 'referred_out', 'info_only', 'continuing', 'applied', 'assessing', 'planning', 'plan_review', 'plan_adopted', 'support_decided', 'in_support', 'monitoring', 'evaluation', 'terminated', 'interrupted', 'follow_up', 'closed', 'reopened')),
  status_changed_at timestamptz not null default now(),
  -- The day the case began: the lead's detection, or the intake.
  opened_on date not null,
  intake_on date,
  closed_on date,
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (municipality_id, case_number),
  unique (id, municipality_id),
  foreign key (person_id, municipality_id) references person (id, municipality_id),
  foreign key (support_agency_id, municipality_id) references support_agency (id, municipality_id),
  foreign key (lead_worker_id, municipality_id) references app_user (id, municipality_id),
  foreign key (district_id, municipality_id) references district (id, municipality_id)
);

create index support_case_agency_status_idx on support_case (municipality_id, support_agency_id, status);
create index support_case_lead_idx on support_case (lead_worker_id, status);
create index support_case_person_idx on support_case (person_id);

-- The team around a case beyond its agency (e.g. the household budget worker of a commissioned
-- agency): they see the case too.
create table case_team_member (
  case_id uuid not null,
  municipality_id uuid not null,
  user_id uuid not null,
  added_at timestamptz not null default now(),
  primary key (case_id, user_id),
  foreign key (case_id, municipality_id) references support_case (id, municipality_id) on delete cascade,
  foreign key (user_id, municipality_id) references app_user (id, municipality_id)
);

create index case_team_member_user_idx on case_team_member (user_id);

-- Every change of status: who, when, why. Append-only.
create table case_transition (
  id bigint generated always as identity primary key,
  case_id uuid not null,
  municipality_id uuid not null,
  from_status text,
  to_status text not null,
  action text not null,
  actor_user_id uuid,
  occurred_at timestamptz not null default clock_timestamp(),
  reason text check (char_length(reason) <= 1000),
  foreign key (case_id, municipality_id) references support_case (id, municipality_id),
  foreign key (actor_user_id, municipality_id) references app_user (id, municipality_id)
);

create index case_transition_case_idx on case_transition (case_id, id);

create trigger case_transition_append_only
  before update or delete on case_transition
  for each row execute function refuse_history_change();

-- 把握・アウトリーチ: a lead before any consultation.
create table detection (
  case_id uuid primary key,
  municipality_id uuid not null,
  detected_on date not null,
  source text not null check (source in ('welfare_commissioner', 'neighbour', 'lifeline_company', 'municipal_arrears', 'partner_agency', 'outreach_desk', 'other')),
  source_detail text check (char_length(source_detail) <= 300),
  signs text check (char_length(signs) <= 4000),
  approach_plan text check (char_length(approach_plan) <= 4000),
  version integer not null default 1 check (version >= 1),
  updated_at timestamptz not null default now(),
  foreign key (case_id, municipality_id) references support_case (id, municipality_id) on delete cascade
);

-- 相談受付・申込票 (A票 and B票) and the triage.
create table intake (
  case_id uuid primary key,
  municipality_id uuid not null,
  received_on date not null,
  received_by uuid,
  route_in text not null check (route_in in ('self_visit', 'self_phone', 'family_acquaintance', 'municipal_department', 'partner_agency', 'welfare_commissioner', 'outreach', 'other')),
  route_detail text check (char_length(route_detail) <= 300),
  topics text[] not null check (
    cardinality(topics) >= 1
    and topics <@ array['health_disability', 'housing', 'income', 'rent_loan', 'tax_utilities', 'debt', 'job_search', 'work_trouble', 'community', 'family', 'child_rearing', 'care', 'withdrawal_truancy', 'dv_abuse', 'no_food', 'other']::text[]
  ),
  main_topic text not null,
  topic_other text check (char_length(topic_other) <= 200),
  consultation_text text check (char_length(consultation_text) <= 4000),
  wishes text check (char_length(wishes) <= 4000),
  visitor_name text check (char_length(visitor_name) <= 100),
  visitor_phone text check (char_length(visitor_phone) <= 30),
  visitor_relation text check (char_length(visitor_relation) <= 100),
  work_status text check (work_status in ('regular', 'non_regular', 'self_employed', 'unemployed', 'pension_only', 'on_leave', 'other')),
  housing_status text check (housing_status in ('owned', 'rented', 'public_housing', 'staying_with_others', 'company_housing', 'rough_sleeping', 'other')),
  health_insurance text check (health_insurance in ('employee', 'national', 'late_elderly', 'public_assistance', 'none', 'unknown')),
  pension_status text check (pension_status in ('receiving', 'paying', 'exempt_or_deferred', 'unpaid', 'unknown')),
  urgency text not null default 'normal' check (urgency in ('urgent', 'soon', 'normal')),
  triage_outcome text check (triage_outcome in ('continue', 'refer_out', 'info_only')),
  triaged_on date,
  triaged_by uuid,
  triage_note text check (char_length(triage_note) <= 2000),
  version integer not null default 1 check (version >= 1),
  updated_at timestamptz not null default now(),
  check (main_topic = any (topics)),
  check ((triage_outcome is null) = (triaged_on is null)),
  foreign key (case_id, municipality_id) references support_case (id, municipality_id) on delete cascade,
  foreign key (received_by, municipality_id) references app_user (id, municipality_id),
  foreign key (triaged_by, municipality_id) references app_user (id, municipality_id)
);

-- つなぎ: a hand-over to another agency, followed up until the person is known to have arrived.
create table referral (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null,
  case_id uuid not null,
  partner_agency_id uuid,
  destination_name text check (char_length(destination_name) <= 200),
  reason text check (char_length(reason) <= 2000),
  accompanied boolean not null default false,
  -- A referral to the 生活保護 window is counted apart in the national statistics.
  to_public_assistance boolean not null default false,
  referred_on date not null,
  follow_up_on date,
  status text not null default 'pending' check (status in ('pending', 'arrived', 'not_arrived', 'cancelled')),
  confirmed_on date,
  confirmation_note text check (char_length(confirmation_note) <= 2000),
  created_by uuid,
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (partner_agency_id is not null or destination_name is not null),
  check ((status in ('arrived', 'not_arrived')) = (confirmed_on is not null)),
  unique (id, municipality_id),
  foreign key (case_id, municipality_id) references support_case (id, municipality_id) on delete cascade,
  foreign key (partner_agency_id, municipality_id) references partner_agency (id, municipality_id)
);

create index referral_case_idx on referral (case_id);
create index referral_pending_idx on referral (municipality_id, follow_up_on) where status = 'pending';

-- Files kept with a case: today the scan of the signed application.
create table attachment (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null,
  case_id uuid not null,
  file_name text not null check (char_length(file_name) between 1 and 200),
  media_type text not null check (media_type in ('application/pdf', 'image/jpeg', 'image/png')),
  size_bytes integer not null check (size_bytes between 1 and 10485760),
  content bytea not null,
  uploaded_by uuid,
  uploaded_at timestamptz not null default now(),
  unique (id, municipality_id),
  foreign key (case_id, municipality_id) references support_case (id, municipality_id) on delete cascade
);

-- 利用申込・同意. A consent is never edited after the fact: a wider one is a new record, and a
-- withdrawal is recorded on it.
create table consent (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null,
  case_id uuid not null,
  given_on date not null,
  signed_by text not null check (signed_by in ('person', 'proxy')),
  proxy_name text check (char_length(proxy_name) <= 100),
  proxy_relation text check (char_length(proxy_relation) <= 100),
  obtained_by uuid,
  explanation_given boolean not null,
  all_agencies boolean not null default false,
  purposes text[] not null default '{}' check (
    purposes <@ array['coordination_meeting', 'partner_liaison', 'employment_support', 'household_budget', 'housing', 'statistics', 'other']::text[]
  ),
  purpose_other text check (char_length(purpose_other) <= 300),
  scan_attachment_id uuid,
  withdrawn_on date,
  withdrawal_reason text check (char_length(withdrawal_reason) <= 1000),
  withdrawal_recorded_by uuid,
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  check (signed_by = 'person' or proxy_name is not null),
  check (withdrawn_on is null or withdrawn_on >= given_on),
  unique (id, municipality_id),
  foreign key (case_id, municipality_id) references support_case (id, municipality_id) on delete cascade,
  foreign key (obtained_by, municipality_id) references app_user (id, municipality_id),
  foreign key (scan_attachment_id, municipality_id) references attachment (id, municipality_id)
);

create index consent_case_idx on consent (case_id);

create table consent_agency (
  consent_id uuid not null,
  municipality_id uuid not null,
  partner_agency_id uuid not null,
  primary key (consent_id, partner_agency_id),
  foreign key (consent_id, municipality_id) references consent (id, municipality_id) on delete cascade,
  foreign key (partner_agency_id, municipality_id) references partner_agency (id, municipality_id)
);

-- 緊急的な支援: help given before any plan.
create table emergency_support (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null,
  case_id uuid not null,
  kind text not null check (kind in ('housing_benefit', 'temporary_shelter', 'public_assistance', 'emergency_loan', 'food', 'debt_settlement', 'other')),
  kind_other text check (char_length(kind_other) <= 200),
  requested_on date not null,
  started_on date,
  ended_on date,
  outcome text not null default 'in_progress' check (outcome in ('in_progress', 'provided', 'not_provided', 'withdrawn')),
  detail text check (char_length(detail) <= 2000),
  recorded_by uuid,
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ended_on is null or started_on is null or ended_on >= started_on),
  foreign key (case_id, municipality_id) references support_case (id, municipality_id) on delete cascade
);

create index emergency_support_case_idx on emergency_support (case_id);

-- インテーク・アセスメントシート, versioned: a new version starts from the last; a completed
-- version is not changed again.
create table assessment (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null,
  case_id uuid not null,
  version_no integer not null check (version_no >= 1),
  status text not null default 'draft' check (status in ('draft', 'completed')),
  assessed_on date not null,
  author_id uuid,
  strengths text check (char_length(strengths) <= 4000),
  prognosis text check (prognosis in ('improve', 'maintain', 'risk_of_worsening')),
  worker_view text check (char_length(worker_view) <= 4000),
  chief_review text check (char_length(chief_review) <= 4000),
  reviewed_by uuid,
  reviewed_at timestamptz,
  completed_at timestamptz,
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (case_id, version_no),
  unique (id, municipality_id),
  foreign key (case_id, municipality_id) references support_case (id, municipality_id) on delete cascade,
  foreign key (author_id, municipality_id) references app_user (id, municipality_id),
  foreign key (reviewed_by, municipality_id) references app_user (id, municipality_id)
);

create table assessment_domain (
  assessment_id uuid not null,
  municipality_id uuid not null,
  domain text not null check (domain in ('health', 'housing', 'income_budget_debt', 'work', 'daily_life', 'family', 'social_participation', 'literacy_communication', 'legal_administrative', 'children', 'care')),
  situation text check (char_length(situation) <= 4000),
  issues text check (char_length(issues) <= 4000),
  direct_factors text check (char_length(direct_factors) <= 2000),
  indirect_factors text check (char_length(indirect_factors) <= 2000),
  sources text[] not null default '{}' check (sources <@ array['person', 'others', 'observation']::text[]),
  primary key (assessment_id, domain),
  foreign key (assessment_id, municipality_id) references assessment (id, municipality_id) on delete cascade
);

-- プラン兼事業等利用申込書. plan_no 1 is the first plan, 2 the first re-plan, …; revision 0 is the
-- plan as made, 1, 2 … its プラン変更.
create table plan (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null,
  case_id uuid not null,
  plan_no integer not null check (plan_no >= 1),
  revision integer not null default 0 check (revision >= 0),
  status text not null default 'draft' check (status in ('draft', 'under_review', 'adopted', 'decided', 'active', 'evaluated', 'superseded', 'closed')),
  long_term_goal text check (char_length(long_term_goal) <= 2000),
  period_start date,
  period_end date,
  person_words text check (char_length(person_words) <= 2000),
  signature_on date,
  employment_support_target boolean not null default false,
  programmes text[] not null default '{}' check (
    programmes <@ array['self_reliance_consultation', 'housing_benefit', 'work_readiness', 'household_budget', 'temporary_shelter', 'children_learning', 'certified_work_training']::text[]
  ),
  -- モニタリングの時期: the dates set in the plan; rows in monitoring are made from them when the
  -- plan comes into force.
  monitoring_dates date[] not null default '{}',
  budget_plan text check (char_length(budget_plan) <= 4000),
  work_readiness_program text check (char_length(work_readiness_program) <= 4000),
  change_reason text check (char_length(change_reason) <= 2000),
  submitted_on date,
  adopted_on date,
  adoption_note text check (char_length(adoption_note) <= 2000),
  activated_on date,
  author_id uuid,
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (period_end is null or period_start is null or period_end >= period_start),
  check (revision = 0 or change_reason is not null),
  unique (case_id, plan_no, revision),
  unique (id, municipality_id),
  foreign key (case_id, municipality_id) references support_case (id, municipality_id) on delete cascade,
  foreign key (author_id, municipality_id) references app_user (id, municipality_id)
);

create index plan_case_idx on plan (case_id, plan_no, revision);

create table plan_goal (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null,
  plan_id uuid not null,
  sort_order integer not null default 0,
  goal text not null check (char_length(goal) between 1 and 1000),
  indicator text check (char_length(indicator) <= 1000),
  unique (id, municipality_id),
  foreign key (plan_id, municipality_id) references plan (id, municipality_id) on delete cascade
);

create index plan_goal_plan_idx on plan_goal (plan_id);

create table plan_service (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null,
  plan_id uuid not null,
  sort_order integer not null default 0,
  content text not null check (char_length(content) between 1 and 1000),
  provider_partner_agency_id uuid,
  provider_name text check (char_length(provider_name) <= 200),
  household_member_id uuid,
  service_class text not null check (service_class in ('A', 'B', 'C', 'D', 'E')),
  programme text check (programme in ('self_reliance_consultation', 'housing_benefit', 'work_readiness', 'household_budget', 'temporary_shelter', 'children_learning', 'certified_work_training')),
  frequency text check (char_length(frequency) <= 200),
  start_on date,
  end_on date,
  check (end_on is null or start_on is null or end_on >= start_on),
  -- A statutory programme is class A by law.
  check (programme is null or service_class = 'A'),
  unique (id, municipality_id),
  foreign key (plan_id, municipality_id) references plan (id, municipality_id) on delete cascade,
  foreign key (provider_partner_agency_id, municipality_id) references partner_agency (id, municipality_id),
  foreign key (household_member_id, municipality_id) references household_member (id, municipality_id)
);

create index plan_service_plan_idx on plan_service (plan_id);

-- 支援決定・確認: only the municipality records it (the policy checks the role).
create table support_decision (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null,
  plan_id uuid not null unique,
  case_id uuid not null,
  kind text not null check (kind in ('decision', 'confirmation')),
  decided_on date not null,
  decided_by uuid not null,
  programmes_decided text[] not null default '{}' check (
    programmes_decided <@ array['self_reliance_consultation', 'housing_benefit', 'work_readiness', 'household_budget', 'temporary_shelter', 'children_learning', 'certified_work_training']::text[]
  ),
  note text check (char_length(note) <= 2000),
  created_at timestamptz not null default now(),
  check (kind = 'decision' or cardinality(programmes_decided) = 0),
  foreign key (plan_id, municipality_id) references plan (id, municipality_id),
  foreign key (case_id, municipality_id) references support_case (id, municipality_id),
  foreign key (decided_by, municipality_id) references app_user (id, municipality_id)
);

-- 支援経過記録: every contact, including the attempts that did not reach the person.
create table contact_record (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null,
  case_id uuid not null,
  occurred_at timestamptz not null,
  mode text not null check (mode in ('interview', 'phone', 'visit', 'accompany', 'mail', 'letter', 'inquiry', 'partner_liaison', 'meeting')),
  place text check (char_length(place) <= 200),
  participants text check (char_length(participants) <= 500),
  reached boolean not null default true,
  summary text not null check (char_length(summary) between 1 and 8000),
  person_state text check (char_length(person_state) <= 4000),
  judgement text check (char_length(judgement) <= 4000),
  next_step text check (char_length(next_step) <= 2000),
  plan_service_id uuid,
  recorded_by uuid,
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (case_id, municipality_id) references support_case (id, municipality_id) on delete cascade,
  foreign key (plan_service_id, municipality_id) references plan_service (id, municipality_id),
  foreign key (recorded_by, municipality_id) references app_user (id, municipality_id)
);

create index contact_record_case_idx on contact_record (case_id, occurred_at desc);

-- モニタリング: one row per date set in the plan, filled in when done.
create table monitoring (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null,
  case_id uuid not null,
  plan_id uuid not null,
  due_on date not null,
  done_on date,
  services_delivered text check (char_length(services_delivered) <= 4000),
  progress text check (char_length(progress) <= 4000),
  changes text check (char_length(changes) <= 4000),
  next_action text check (next_action in ('continue', 'plan_change', 'evaluate_early')),
  recorded_by uuid,
  version integer not null default 1 check (version >= 1),
  updated_at timestamptz not null default now(),
  unique (plan_id, due_on),
  foreign key (case_id, municipality_id) references support_case (id, municipality_id) on delete cascade,
  foreign key (plan_id, municipality_id) references plan (id, municipality_id) on delete cascade
);

create index monitoring_due_idx on monitoring (municipality_id, due_on) where done_on is null;
create index monitoring_case_idx on monitoring (case_id);

-- 評価シート.
create table evaluation (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null,
  case_id uuid not null,
  -- A plan may be evaluated more than once (「現プランで継続」 leaves it in force).
  plan_id uuid not null,
  evaluated_on date not null,
  support_review text check (char_length(support_review) <= 4000),
  person_view text check (char_length(person_view) <= 2000),
  employed boolean not null default false,
  employment_started_on date,
  employment_type text check (employment_type in ('regular', 'non_regular', 'self_employed', 'intermediate', 'other')),
  income_increased boolean not null default false,
  income_note text check (char_length(income_note) <= 1000),
  improvements text[] not null default '{}' check (
    improvements <@ array['housing_secured', 'health_improved', 'relationships_improved', 'budget_improved', 'asks_for_help', 'disability_certificate', 'self_acceptance', 'sense_of_security', 'earned_income_increased', 'other_income_increased', 'motivation', 'has_goal', 'public_assistance_applied', 'daily_habits', 'other']::text[]
  ),
  decision text not null check (decision in ('terminate', 'replan', 'continue')),
  recorded_by uuid,
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (employed or (employment_started_on is null and employment_type is null)),
  unique (id, municipality_id),
  foreign key (case_id, municipality_id) references support_case (id, municipality_id) on delete cascade,
  foreign key (plan_id, municipality_id) references plan (id, municipality_id)
);

create index evaluation_plan_idx on evaluation (plan_id);

create table evaluation_goal (
  evaluation_id uuid not null,
  municipality_id uuid not null,
  plan_goal_id uuid not null,
  achievement text not null check (achievement in ('achieved', 'partly', 'not_achieved')),
  comment text check (char_length(comment) <= 1000),
  primary key (evaluation_id, plan_goal_id),
  foreign key (evaluation_id, municipality_id) references evaluation (id, municipality_id) on delete cascade,
  foreign key (plan_goal_id, municipality_id) references plan_goal (id, municipality_id)
);

-- 終結 and 中断, with the follow-up agreed. A reopened case keeps these rows: its history.
create table case_closure (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null,
  case_id uuid not null,
  kind text not null check (kind in ('termination', 'interruption')),
  decided_on date not null,
  reason text check (reason in ('goals_in_sight', 'major_issues_solved', 'contact_lost', 'moved_to_other_system', 'moved_away', 'other')),
  reason_detail text check (char_length(reason_detail) <= 2000),
  meeting_note text check (char_length(meeting_note) <= 2000),
  follow_up boolean not null default false,
  follow_up_by uuid,
  follow_up_method text check (char_length(follow_up_method) <= 500),
  follow_up_until date,
  recorded_by uuid,
  created_at timestamptz not null default now(),
  check (kind = 'interruption' or reason is not null),
  check (not follow_up or (follow_up_by is not null and follow_up_until is not null)),
  foreign key (case_id, municipality_id) references support_case (id, municipality_id) on delete cascade,
  foreign key (follow_up_by, municipality_id) references app_user (id, municipality_id)
);

create index case_closure_case_idx on case_closure (case_id);
create index case_closure_follow_up_idx on case_closure (follow_up_by, follow_up_until) where follow_up;
