-- Meetings (DOMAIN.md §4): the bodies a case is discussed at, their member registers and the
-- acknowledgement of confidentiality, meetings with their attendance, agendas whose items carry
-- the basis on which the case is shared there, decisions, homework (tasks on the owner's home
-- page), proposals for the next agenda, and the missing social resources a meeting notices.

-- A meeting body of the municipality: a 支援調整会議, a 支援会議, a 重層的支援会議, a case
-- conference, or one of the other statutory bodies. Types and their rules: src/domain/meetings.
create table meeting_series (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality (id),
  type text not null check (type in ('coordination', 'support_meeting', 'multi_agency', 'case_conference', 'community_care', 'disability_council', 'child_protection', 'isolation', 'public_assistance')),
  name text not null check (char_length(name) between 1 and 100),
  legal_basis text check (legal_basis in ('poverty_act_9', 'social_welfare_act_106_6', 'long_term_care_act_115_48', 'disability_act_89_3', 'child_welfare_act_25_2', 'isolation_act_15', 'public_assistance_act')),
  -- The agency that runs it; none when the municipality itself does (a 支援会議).
  host_agency_id uuid,
  pattern text not null check (pattern in ('regular', 'ad_hoc', 'both')),
  -- Regular sittings: the nth weekday of each month (e.g. 3rd Thursday: 3, 4).
  regular_week smallint check (regular_week between 1 and 5),
  regular_weekday smallint check (regular_weekday between 0 and 6),
  default_start text not null default '09:00' check (default_start ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  place text check (char_length(place) <= 200),
  online boolean not null default false,
  minutes_per_case integer not null default 30 check (minutes_per_case between 5 and 240),
  phase_minutes jsonb not null default '{"introduction": 2, "report": 5, "questions": 5, "discussion": 13, "summary": 5}'::jsonb,
  active boolean not null default true,
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (pattern = 'ad_hoc' or (regular_week is not null and regular_weekday is not null)),
  unique (id, municipality_id),
  foreign key (host_agency_id, municipality_id) references support_agency (id, municipality_id)
);
create index meeting_series_municipality_idx on meeting_series (municipality_id, type);

-- The member register: a staff member, a whole organisation (every user of it), or a person
-- outside the system; core or full membership; appointed (委嘱) on a date; until a date.
create table meeting_member (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null,
  series_id uuid not null,
  tier text not null check (tier in ('core', 'full')),
  user_id uuid,
  partner_agency_id uuid,
  support_agency_id uuid,
  -- A person outside the system (e.g. a 司法書士), or how the member is to be shown.
  name text check (char_length(name) <= 100),
  organisation text check (char_length(organisation) <= 200),
  appointed_on date,
  ended_on date,
  check (num_nonnulls(user_id, partner_agency_id, support_agency_id) <= 1),
  check (num_nonnulls(user_id, partner_agency_id, support_agency_id) = 1 or name is not null),
  check (ended_on is null or appointed_on is null or ended_on >= appointed_on),
  unique (id, municipality_id),
  foreign key (series_id, municipality_id) references meeting_series (id, municipality_id) on delete cascade,
  foreign key (user_id, municipality_id) references app_user (id, municipality_id),
  foreign key (partner_agency_id, municipality_id) references partner_agency (id, municipality_id),
  foreign key (support_agency_id, municipality_id) references support_agency (id, municipality_id)
);
create index meeting_member_series_idx on meeting_member (series_id);
create index meeting_member_user_idx on meeting_member (user_id) where user_id is not null;
create index meeting_member_partner_idx on meeting_member (partner_agency_id) where partner_agency_id is not null;

-- Each user's acknowledgement of the duty of confidentiality of a body under the law. Until it
-- is recorded, the member sees nothing of that body's cases.
create table meeting_acknowledgement (
  series_id uuid not null,
  municipality_id uuid not null,
  user_id uuid not null,
  acknowledged_at timestamptz not null default now(),
  primary key (series_id, user_id),
  foreign key (series_id, municipality_id) references meeting_series (id, municipality_id) on delete cascade,
  foreign key (user_id, municipality_id) references app_user (id, municipality_id)
);

create table meeting (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null,
  series_id uuid not null,
  held_on date not null,
  starts_at text not null check (starts_at ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  place text check (char_length(place) <= 200),
  online boolean not null default false,
  -- Whether the full membership sits (at least monthly) or the core alone.
  tier text not null default 'core' check (tier in ('core', 'full')),
  status text not null default 'planned' check (status in ('planned', 'held', 'cancelled')),
  note text check (char_length(note) <= 4000),
  created_by uuid,
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (id, municipality_id),
  foreign key (series_id, municipality_id) references meeting_series (id, municipality_id),
  foreign key (created_by, municipality_id) references app_user (id, municipality_id)
);
create index meeting_series_date_idx on meeting (series_id, held_on);
create index meeting_municipality_date_idx on meeting (municipality_id, held_on);

-- The other bodies of a joint sitting (seed 001: a 重層的支援会議 sitting with a 地域ケア会議).
create table meeting_joint_series (
  meeting_id uuid not null,
  municipality_id uuid not null,
  series_id uuid not null,
  primary key (meeting_id, series_id),
  foreign key (meeting_id, municipality_id) references meeting (id, municipality_id) on delete cascade,
  foreign key (series_id, municipality_id) references meeting_series (id, municipality_id)
);

-- Who is in the room: staff, partner organisations' people, people outside the system.
create table meeting_attendee (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null,
  meeting_id uuid not null,
  user_id uuid,
  partner_agency_id uuid,
  name text check (char_length(name) <= 100),
  organisation text check (char_length(organisation) <= 200),
  -- A 自治体担当者: decisions of a 支援調整会議 or 重層的支援会議 need one present.
  municipal boolean not null default false,
  roles text[] not null default '{}' check (roles <@ array['chair', 'reporter', 'adviser', 'service_provider', 'minutes', 'member']::text[]),
  -- Null until attendance is taken.
  present boolean,
  check (num_nonnulls(user_id, partner_agency_id, name) >= 1),
  unique (id, municipality_id),
  foreign key (meeting_id, municipality_id) references meeting (id, municipality_id) on delete cascade,
  foreign key (user_id, municipality_id) references app_user (id, municipality_id),
  foreign key (partner_agency_id, municipality_id) references partner_agency (id, municipality_id)
);
create index meeting_attendee_meeting_idx on meeting_attendee (meeting_id);
create index meeting_attendee_user_idx on meeting_attendee (user_id) where user_id is not null;

-- One case on an agenda, under one body (the meeting's, or one of a joint sitting), with the
-- basis on which it is shared there: the consent that covers everyone present, the law of a
-- body under confidentiality, or the agency's own work.
create table meeting_item (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null,
  meeting_id uuid not null,
  series_id uuid not null,
  case_id uuid not null,
  plan_id uuid,
  kind text not null check (kind in ('new_plan', 'replan', 'plan_change', 'evaluation', 'termination', 'interruption', 'sharing')),
  position integer not null check (position >= 1),
  minutes integer not null check (minutes between 5 and 240),
  reporter_id uuid,
  basis text not null check (basis in ('consent', 'law', 'internal')),
  consent_id uuid,
  legal_basis text,
  summary text check (char_length(summary) <= 4000),
  discussion text check (char_length(discussion) <= 8000),
  check_fits boolean,
  check_addresses boolean,
  check_motivates boolean,
  person_attended boolean,
  decision text check (decision in ('adopted', 'adopted_with_changes', 'returned', 'termination_approved', 'interruption_confirmed', 'replan_requested', 'continued', 'noted')),
  decision_note text check (char_length(decision_note) <= 2000),
  decided_at timestamptz,
  decided_by uuid,
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (basis <> 'consent' or consent_id is not null),
  check ((decision is null) = (decided_at is null)),
  unique (meeting_id, case_id),
  unique (id, municipality_id),
  foreign key (meeting_id, municipality_id) references meeting (id, municipality_id) on delete cascade,
  foreign key (series_id, municipality_id) references meeting_series (id, municipality_id),
  foreign key (case_id, municipality_id) references support_case (id, municipality_id),
  foreign key (plan_id, municipality_id) references plan (id, municipality_id),
  foreign key (reporter_id, municipality_id) references app_user (id, municipality_id),
  foreign key (consent_id, municipality_id) references consent (id, municipality_id),
  foreign key (decided_by, municipality_id) references app_user (id, municipality_id)
);
create index meeting_item_meeting_idx on meeting_item (meeting_id, position);
create index meeting_item_case_idx on meeting_item (case_id);
-- Cases waiting on an agenda: not suggested again.
create index meeting_item_open_idx on meeting_item (municipality_id, case_id) where decision is null;

-- Who joins for this case only: a partner organisation, a staff member, or someone outside.
-- At a body under the law, `appointed` marks a temporary member appointed in advance.
create table meeting_item_guest (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null,
  item_id uuid not null,
  partner_agency_id uuid,
  user_id uuid,
  name text check (char_length(name) <= 100),
  appointed boolean not null default false,
  check (num_nonnulls(partner_agency_id, user_id) = 1 or name is not null),
  foreign key (item_id, municipality_id) references meeting_item (id, municipality_id) on delete cascade,
  foreign key (partner_agency_id, municipality_id) references partner_agency (id, municipality_id),
  foreign key (user_id, municipality_id) references app_user (id, municipality_id)
);
create index meeting_item_guest_item_idx on meeting_item_guest (item_id);
create index meeting_item_guest_partner_idx on meeting_item_guest (partner_agency_id) where partner_agency_id is not null;

-- A worker's request that a case be discussed (e.g. a proposed termination or interruption, a
-- lead for the 支援会議), until it is put on an agenda or withdrawn.
create table meeting_request (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null,
  case_id uuid not null,
  meeting_type text not null check (meeting_type in ('coordination', 'support_meeting', 'multi_agency', 'case_conference', 'community_care', 'disability_council', 'child_protection', 'isolation', 'public_assistance')),
  kind text not null check (kind in ('new_plan', 'replan', 'plan_change', 'evaluation', 'termination', 'interruption', 'sharing')),
  note text check (char_length(note) <= 2000),
  requested_by uuid,
  requested_at timestamptz not null default now(),
  item_id uuid,
  withdrawn_at timestamptz,
  unique (id, municipality_id),
  foreign key (case_id, municipality_id) references support_case (id, municipality_id) on delete cascade,
  foreign key (requested_by, municipality_id) references app_user (id, municipality_id),
  foreign key (item_id, municipality_id) references meeting_item (id, municipality_id) on delete set null (item_id)
);
create index meeting_request_open_idx on meeting_request (municipality_id, meeting_type) where item_id is null and withdrawn_at is null;

-- Tasks on a person's home page; homework from a meeting carries its item.
create table task (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null,
  owner_id uuid not null,
  case_id uuid,
  meeting_item_id uuid,
  description text not null check (char_length(description) between 1 and 1000),
  due_on date,
  done_on date,
  created_by uuid,
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (id, municipality_id),
  foreign key (owner_id, municipality_id) references app_user (id, municipality_id),
  foreign key (case_id, municipality_id) references support_case (id, municipality_id) on delete cascade,
  foreign key (meeting_item_id, municipality_id) references meeting_item (id, municipality_id) on delete cascade,
  foreign key (created_by, municipality_id) references app_user (id, municipality_id)
);
create index task_owner_open_idx on task (owner_id, due_on) where done_on is null;
create index task_item_idx on task (meeting_item_id) where meeting_item_id is not null;

-- A social resource the area lacks, noticed at a meeting or raised by hand; the work on it
-- (recognised as a local issue, developed, created) comes with the resource directory.
create table resource_gap (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null,
  description text not null check (char_length(description) between 1 and 2000),
  status text not null default 'raised' check (status in ('raised', 'recognised', 'in_development', 'created', 'closed')),
  meeting_item_id uuid,
  raised_by uuid,
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (id, municipality_id),
  foreign key (meeting_item_id, municipality_id) references meeting_item (id, municipality_id) on delete set null (meeting_item_id),
  foreign key (raised_by, municipality_id) references app_user (id, municipality_id)
);
create table resource_gap_case (
  gap_id uuid not null,
  municipality_id uuid not null,
  case_id uuid not null,
  primary key (gap_id, case_id),
  foreign key (gap_id, municipality_id) references resource_gap (id, municipality_id) on delete cascade,
  foreign key (case_id, municipality_id) references support_case (id, municipality_id) on delete cascade
);
create index resource_gap_case_case_idx on resource_gap_case (case_id);

-- Plans waiting for a meeting, found without reading every plan.
create index plan_under_review_idx on plan (municipality_id) where status = 'under_review';
create index support_case_evaluation_idx on support_case (municipality_id) where status = 'evaluation';
