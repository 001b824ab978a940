-- アウトリーチ, 参加支援 and 地域づくり (DOMAIN.md §5, seed 001).

-- An outreach attempt is a contact record (支援経過記録) like any other — one record of every
-- attempt to reach the person, which the interruption rule and the case timeline already read —
-- with what only outreach asks: the channel, the answer, through whom, and when to try next
-- (what to try is the record's next_step).
alter table contact_record
  add column outreach_channel text check (
    outreach_channel in ('letter', 'visit', 'chat', 'phone', 'through_family', 'through_key_person')
  ),
  add column outreach_outcome text check (outreach_outcome in ('reached', 'partial', 'no_answer', 'refused')),
  add column outreach_via text check (char_length(outreach_via) <= 100),
  add column next_approach_on date;

alter table contact_record
  add constraint contact_record_outreach_check check ((outreach_channel is null) = (outreach_outcome is null));
alter table contact_record
  add constraint contact_record_id_municipality_key unique (id, municipality_id);

create index contact_record_outreach_idx on contact_record (case_id, occurred_at)
  where outreach_channel is not null;

-- An emergency seen while reaching out (a person who has not eaten for days, a fall, a threat to
-- life), and where it was passed on, and when.
create table outreach_escalation (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null,
  case_id uuid not null,
  contact_record_id uuid,
  observed_at timestamptz not null,
  observed text not null check (char_length(observed) between 1 and 4000),
  escalated_to text not null check (
    escalated_to in ('police', 'emergency_services', 'health_centre', 'public_assistance', 'child_guidance', 'elder_care_centre', 'other')
  ),
  partner_agency_id uuid,
  escalated_to_name text check (char_length(escalated_to_name) <= 200),
  escalated_at timestamptz not null,
  response text check (char_length(response) <= 4000),
  recorded_by uuid,
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (escalated_at >= observed_at),
  check (escalated_to <> 'other' or partner_agency_id is not null or escalated_to_name is not null),
  unique (id, municipality_id),
  foreign key (case_id, municipality_id) references support_case (id, municipality_id) on delete cascade,
  foreign key (contact_record_id, municipality_id) references contact_record (id, municipality_id),
  foreign key (partner_agency_id, municipality_id) references partner_agency (id, municipality_id),
  foreign key (recorded_by, municipality_id) references app_user (id, municipality_id)
);

create index outreach_escalation_case_idx on outreach_escalation (case_id, escalated_at);

-- 参加支援: a person (their case) matched to a place of the directory. The status is kept and
-- changes by the table in domain/participation/participation.ts; each step's day is recorded.
create table participation_match (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null,
  case_id uuid not null,
  social_resource_id uuid not null,
  kind text not null check (kind in ('ibasho', 'intermediate_work', 'volunteering', 'work_experience', 'learning_support')),
  status text not null default 'proposed' check (status in ('proposed', 'trial', 'active', 'ended')),
  proposed_on date not null,
  trial_started_on date,
  started_on date,
  ended_on date,
  end_reason text check (
    end_reason in ('moved_on', 'goal_reached', 'person_withdrew', 'not_suited', 'host_ended', 'health', 'declined_before_start', 'other')
  ),
  end_note text check (char_length(end_note) <= 2000),
  days text[] not null default '{}' check (days <@ array['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']::text[]),
  hours text check (char_length(hours) <= 100),
  -- What the person does there, and what the host agreed to adjust (仕事の切り出し・配慮).
  activities text check (char_length(activities) <= 2000),
  accommodations text check (char_length(accommodations) <= 2000),
  host_contact_name text check (char_length(host_contact_name) <= 100),
  -- The place was full and the host agreed to take one more.
  over_capacity_agreed boolean not null default false,
  note text check (char_length(note) <= 2000),
  created_by uuid,
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((status = 'ended') = (ended_on is not null and end_reason is not null)),
  check (status <> 'trial' or trial_started_on is not null),
  check (status <> 'active' or started_on is not null),
  check (trial_started_on is null or trial_started_on >= proposed_on),
  check (started_on is null or started_on >= coalesce(trial_started_on, proposed_on)),
  check (ended_on is null or ended_on >= coalesce(started_on, trial_started_on, proposed_on)),
  unique (id, municipality_id),
  foreign key (case_id, municipality_id) references support_case (id, municipality_id) on delete cascade,
  foreign key (social_resource_id, municipality_id) references social_resource (id, municipality_id),
  foreign key (created_by, municipality_id) references app_user (id, municipality_id)
);

create index participation_match_case_idx on participation_match (case_id);
-- The capacity check counts the people on trial or taking part at a place.
create index participation_match_place_idx on participation_match (social_resource_id)
  where status in ('trial', 'active');

-- Follow-up with the person, the host, or both together.
create table participation_follow_up (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null,
  match_id uuid not null,
  followed_on date not null,
  with_whom text not null check (with_whom in ('person', 'host', 'both')),
  note text not null check (char_length(note) between 1 and 4000),
  next_on date,
  recorded_by uuid,
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (next_on is null or next_on >= followed_on),
  unique (id, municipality_id),
  foreign key (match_id, municipality_id) references participation_match (id, municipality_id) on delete cascade,
  foreign key (recorded_by, municipality_id) references app_user (id, municipality_id)
);

create index participation_follow_up_match_idx on participation_follow_up (match_id, followed_on);

-- 地域づくり: what is held at a community base (a social resource marked as one). A regular
-- activity has a schedule, a one-off its day.
create table community_activity (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null,
  base_id uuid not null,
  name text not null check (char_length(name) between 1 and 200),
  kind text not null check (
    kind in ('salon', 'cafe', 'children_cafeteria', 'exercise', 'learning', 'watching_over', 'event', 'other')
  ),
  schedule text check (char_length(schedule) <= 300),
  held_on date,
  coordinator_name text check (char_length(coordinator_name) <= 100),
  participants_count integer check (participants_count between 0 and 100000),
  note text check (char_length(note) <= 2000),
  created_by uuid,
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (schedule is not null or held_on is not null),
  unique (id, municipality_id),
  foreign key (base_id, municipality_id) references social_resource (id, municipality_id),
  foreign key (created_by, municipality_id) references app_user (id, municipality_id)
);

create index community_activity_base_idx on community_activity (base_id);

-- What someone noticed at a base, in few words and without more about the person than needed,
-- and where it was passed: a specialist partner agency, or the support agency as a lead (the
-- detected case it became).
create table community_issue (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null,
  base_id uuid not null,
  activity_id uuid,
  noticed_on date not null,
  description text not null check (char_length(description) between 1 and 2000),
  status text not null default 'open' check (status in ('open', 'passed', 'closed')),
  passed_to text check (passed_to in ('partner_agency', 'support_agency')),
  partner_agency_id uuid,
  case_id uuid,
  passed_on date,
  pass_note text check (char_length(pass_note) <= 2000),
  passed_by uuid,
  closed_on date,
  close_note text check (char_length(close_note) <= 2000),
  recorded_by uuid,
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (status <> 'passed' or passed_to is not null),
  check ((passed_to is null) = (passed_on is null)),
  check (passed_to is distinct from 'partner_agency' or partner_agency_id is not null),
  check (passed_to is distinct from 'support_agency' or case_id is not null),
  check (passed_on is null or passed_on >= noticed_on),
  check ((status = 'closed') = (closed_on is not null)),
  unique (id, municipality_id),
  foreign key (base_id, municipality_id) references social_resource (id, municipality_id),
  foreign key (activity_id, municipality_id) references community_activity (id, municipality_id),
  foreign key (partner_agency_id, municipality_id) references partner_agency (id, municipality_id),
  foreign key (case_id, municipality_id) references support_case (id, municipality_id),
  foreign key (passed_by, municipality_id) references app_user (id, municipality_id),
  foreign key (recorded_by, municipality_id) references app_user (id, municipality_id)
);

create index community_issue_base_idx on community_issue (base_id, status);
