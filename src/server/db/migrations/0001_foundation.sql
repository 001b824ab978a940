-- Foundation: tenants and their organisations, staff accounts and sessions, the audit log,
-- form drafts. Every tenant-owned table carries municipality_id; references between
-- tenant-owned rows use (id, municipality_id) pairs so that the database itself refuses a row
-- that points into another municipality.

create table municipality (
  id uuid primary key default gen_random_uuid(),
  -- 全国地方公共団体コード (6 digits with check digit); optional for fictional tenants.
  code text unique check (code ~ '^[0-9]{6}$'),
  name text not null check (char_length(name) between 1 and 100),
  name_kana text not null check (char_length(name_kana) between 1 and 200),
  prefecture text not null check (char_length(prefecture) between 2 and 10),
  kind text not null check (kind in ('prefecture', 'designated_city', 'core_city', 'city', 'town_village')),
  population integer not null check (population >= 0),
  population_as_of date,
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table district (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality (id),
  name text not null check (char_length(name) between 1 and 100),
  name_kana text check (char_length(name_kana) <= 200),
  sort_order integer not null default 0,
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (municipality_id, name),
  unique (id, municipality_id)
);

create table support_agency (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality (id),
  name text not null check (char_length(name) between 1 and 200),
  name_kana text check (char_length(name_kana) <= 300),
  operation text not null check (operation in ('direct', 'commissioned')),
  contractor_name text check (char_length(contractor_name) <= 200),
  contractor_kind text check (contractor_kind in ('social_welfare_council', 'social_welfare_corporation', 'npo', 'other')),
  contract_start date,
  contract_end date,
  phone text check (char_length(phone) <= 30),
  email text check (char_length(email) <= 254),
  notes text check (char_length(notes) <= 2000),
  archived_at timestamptz,
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (municipality_id, name),
  unique (id, municipality_id),
  -- 委託 names its contractor; 直営 has none.
  check (
    (operation = 'direct' and contractor_name is null and contractor_kind is null)
    or (operation = 'commissioned' and contractor_name is not null)
  ),
  check (contract_end is null or contract_start is null or contract_end >= contract_start)
);

create table agency_site (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null,
  support_agency_id uuid not null,
  name text not null check (char_length(name) between 1 and 200),
  postal_code text check (postal_code ~ '^[0-9]{3}-[0-9]{4}$'),
  address text check (char_length(address) <= 300),
  phone text check (char_length(phone) <= 30),
  opening_hours text check (char_length(opening_hours) <= 500),
  -- 出張相談窓口: a desk opened away from the agency (DOMAIN.md §3, step 1).
  is_outreach_desk boolean not null default false,
  sort_order integer not null default 0,
  created_at timestamptz not null default now(),
  foreign key (support_agency_id, municipality_id) references support_agency (id, municipality_id) on delete cascade,
  unique (support_agency_id, name)
);

create table partner_agency (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality (id),
  name text not null check (char_length(name) between 1 and 200),
  name_kana text check (char_length(name_kana) <= 300),
  field text not null check (field in ('care', 'disability', 'children', 'poverty', 'health', 'employment', 'legal', 'housing', 'community', 'other')),
  legal_basis text check (char_length(legal_basis) <= 300),
  postal_code text check (postal_code ~ '^[0-9]{3}-[0-9]{4}$'),
  address text check (char_length(address) <= 300),
  phone text check (char_length(phone) <= 30),
  fax text check (char_length(fax) <= 30),
  email text check (char_length(email) <= 254),
  liaison_name text check (char_length(liaison_name) <= 100),
  liaison_title text check (char_length(liaison_title) <= 100),
  liaison_phone text check (char_length(liaison_phone) <= 30),
  notes text check (char_length(notes) <= 2000),
  archived_at timestamptz,
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (municipality_id, name),
  unique (id, municipality_id)
);

create table app_user (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality (id),
  login_id text not null unique check (login_id ~ '^[a-z0-9._-]{3,64}$'),
  display_name text not null check (char_length(display_name) between 1 and 100),
  display_name_kana text check (char_length(display_name_kana) <= 200),
  email text check (char_length(email) <= 254),
  roles text[] not null check (
    cardinality(roles) between 1 and 8
    and roles <@ array['support_worker', 'chief_support_worker', 'employment_support_worker', 'household_budget_worker', 'municipal_officer', 'partner_staff', 'admin', 'auditor']::text[]
  ),
  support_agency_id uuid,
  partner_agency_id uuid,
  password_hash text not null,
  password_changed_at timestamptz not null default now(),
  must_change_password boolean not null default false,
  failed_sign_in_count integer not null default 0 check (failed_sign_in_count >= 0),
  locked_until timestamptz,
  totp_secret text,
  totp_enabled_at timestamptz,
  totp_pending_secret text,
  -- The last 30-second step accepted, so a code cannot be used twice.
  totp_last_step bigint,
  last_sign_in_at timestamptz,
  disabled_at timestamptz,
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (id, municipality_id),
  foreign key (support_agency_id, municipality_id) references support_agency (id, municipality_id),
  foreign key (partner_agency_id, municipality_id) references partner_agency (id, municipality_id),
  -- Partner staff belong to a partner agency and hold no other role.
  check (
    case when 'partner_staff' = any (roles)
      then partner_agency_id is not null and support_agency_id is null and cardinality(roles) = 1
      else partner_agency_id is null
    end
  ),
  check ((totp_enabled_at is null) = (totp_secret is null))
);

create index app_user_municipality_idx on app_user (municipality_id);

create table user_session (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null,
  user_id uuid not null,
  -- SHA-256 of the cookie value; the value itself is never stored.
  token_hash text not null unique,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  ip text,
  user_agent text,
  foreign key (user_id, municipality_id) references app_user (id, municipality_id) on delete cascade
);

create index user_session_user_idx on user_session (user_id);

-- A password was accepted and a second factor is awaited.
create table sign_in_challenge (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null,
  user_id uuid not null,
  token_hash text not null unique,
  attempts integer not null default 0,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  foreign key (user_id, municipality_id) references app_user (id, municipality_id) on delete cascade
);

-- The audit log: append-only. One row per read of a person's data, per write, per denied attempt
-- and per sign-in event. Rows name people by id only; what was read or written stays in its table.
create table audit_log (
  id bigint generated always as identity primary key,
  occurred_at timestamptz not null default clock_timestamp(),
  -- Null only where no tenant is known (a sign-in with an unknown login ID).
  municipality_id uuid references municipality (id),
  actor_user_id uuid references app_user (id),
  actor_login_id text,
  actor_roles text[],
  actor_organisation_type text check (actor_organisation_type in ('municipality', 'support_agency', 'partner_agency')),
  actor_organisation_id uuid,
  action text not null check (char_length(action) between 1 and 100),
  outcome text not null check (outcome in ('success', 'denied', 'failure')),
  subject_type text check (char_length(subject_type) <= 50),
  subject_id text check (char_length(subject_id) <= 100),
  -- The person whose data was read or written, when there is one.
  person_id uuid,
  -- Why a disclosure of personal data was lawful: the person's consent, membership of a
  -- 支援会議, the agency's own case work, or administration of the system.
  legal_basis text check (legal_basis in ('consent', 'support_meeting', 'own_case', 'administration', 'self')),
  legal_basis_ref text check (char_length(legal_basis_ref) <= 200),
  reason text check (char_length(reason) <= 200),
  ip text check (char_length(ip) <= 64),
  request_id text not null check (char_length(request_id) between 1 and 100),
  detail jsonb not null default '{}'::jsonb
);

create index audit_log_municipality_time_idx on audit_log (municipality_id, occurred_at desc);
create index audit_log_actor_idx on audit_log (actor_user_id, occurred_at desc);
create index audit_log_subject_idx on audit_log (subject_type, subject_id);
create index audit_log_person_idx on audit_log (person_id) where person_id is not null;

create function audit_log_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only: % is not allowed', tg_op
    using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_log_no_update_or_delete
  before update or delete on audit_log
  for each row execute function audit_log_refuse_change();

create trigger audit_log_no_truncate
  before truncate on audit_log
  for each statement execute function audit_log_refuse_change();

-- Forms a user has started and not yet saved: they come back after a reload or a crash.
create table form_draft (
  user_id uuid not null,
  municipality_id uuid not null,
  form_key text not null check (char_length(form_key) between 1 and 200),
  data jsonb not null,
  -- The version of the record the draft was started from, to spot a conflict on return.
  base_version integer,
  updated_at timestamptz not null default now(),
  primary key (user_id, form_key),
  foreign key (user_id, municipality_id) references app_user (id, municipality_id) on delete cascade
);

-- Secrets the instance generates for itself on first start (e.g. the CSRF key).
create table instance_secret (
  name text primary key,
  value text not null,
  created_at timestamptz not null default now()
);
