-- The local network (DOMAIN.md §6, seed 002 ch.4–5): what the partner directory says about how to
-- reach each agency, the social-resource directory (社会資源) with the places of 参加支援 and
-- 地域づくり, plan service lines that name a resource as their provider, and resource gaps followed
-- until something is built.

-- 相談機関一覧: the area an agency covers, what it offers, when it is open, how to refer to it.
alter table partner_agency
  add column area text check (char_length(area) <= 300),
  add column services text check (char_length(services) <= 2000),
  add column opening_hours text check (char_length(opening_hours) <= 300),
  add column how_to_refer text check (char_length(how_to_refer) <= 1000);

-- 社会資源: people, places, activities, services and information, formal or informal. The class
-- (A–E) follows the legal basis, not the provider. A place may host 参加支援 (participation_kinds)
-- or be a community base (地域づくりの拠点) with its coordinator.
create table social_resource (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null,
  name text not null check (char_length(name) between 1 and 200),
  name_kana text check (char_length(name_kana) <= 300),
  category text not null check (category in ('person', 'place', 'activity', 'service', 'information')),
  service_class text not null check (service_class in ('A', 'B', 'C', 'D', 'E')),
  formal boolean not null,
  provider_partner_agency_id uuid,
  provider_name text check (char_length(provider_name) <= 200),
  description text check (char_length(description) <= 2000),
  capacity integer check (capacity between 0 and 100000),
  capacity_note text check (char_length(capacity_note) <= 300),
  area text check (char_length(area) <= 300),
  district_id uuid,
  postal_code text check (postal_code ~ '^[0-9]{3}-[0-9]{4}$'),
  address text check (char_length(address) <= 300),
  phone text check (char_length(phone) <= 30),
  email text check (char_length(email) <= 254),
  contact_name text check (char_length(contact_name) <= 100),
  hours text check (char_length(hours) <= 300),
  fee text check (char_length(fee) <= 300),
  tags text[] not null default '{}' check (cardinality(tags) <= 20),
  participation_kinds text[] not null default '{}' check (
    participation_kinds <@ array['ibasho', 'intermediate_work', 'volunteering', 'work_experience', 'learning_support']::text[]
  ),
  -- Job carving and the other adjustments the host can make (受け入れ時の配慮・仕事の切り出し).
  accommodations text check (char_length(accommodations) <= 2000),
  is_community_base boolean not null default false,
  coordinator_name text check (char_length(coordinator_name) <= 100),
  search_text text not null default '',
  archived_at timestamptz,
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (municipality_id, name),
  unique (id, municipality_id),
  foreign key (municipality_id) references municipality (id),
  foreign key (provider_partner_agency_id, municipality_id) references partner_agency (id, municipality_id),
  foreign key (district_id, municipality_id) references district (id, municipality_id)
);

create index social_resource_municipality_idx on social_resource (municipality_id, category) where archived_at is null;

-- A plan's service line may name its provider from the directory.
alter table plan_service add column social_resource_id uuid;
alter table plan_service
  add constraint plan_service_social_resource_fk
  foreign key (social_resource_id, municipality_id) references social_resource (id, municipality_id);

-- A resource gap ends, at best, in the resource that was built for it.
alter table resource_gap add column resource_id uuid;
alter table resource_gap
  add constraint resource_gap_resource_fk
  foreign key (resource_id, municipality_id) references social_resource (id, municipality_id);

-- A gap's lifecycle (domain/resources/resource-gap-status.ts): created names the resource that
-- resulted, closed says why.
alter table resource_gap
  add column closed_reason text check (char_length(closed_reason) <= 1000),
  add column status_changed_at timestamptz;
alter table resource_gap
  add constraint resource_gap_created_has_resource check (status <> 'created' or resource_id is not null),
  add constraint resource_gap_closed_has_reason check (status <> 'closed' or closed_reason is not null);
create index resource_gap_status_idx on resource_gap (municipality_id, status);

-- Every step of a gap: who, when, with what note. Append-only.
create table resource_gap_event (
  id bigint generated always as identity primary key,
  gap_id uuid not null,
  municipality_id uuid not null,
  step text not null check (step in ('recognise', 'start_development', 'create', 'close')),
  from_status text not null check (from_status in ('raised', 'recognised', 'in_development', 'created', 'closed')),
  to_status text not null check (to_status in ('raised', 'recognised', 'in_development', 'created', 'closed')),
  note text check (char_length(note) <= 2000),
  resource_id uuid,
  actor_user_id uuid,
  occurred_at timestamptz not null default clock_timestamp(),
  foreign key (gap_id, municipality_id) references resource_gap (id, municipality_id),
  foreign key (resource_id, municipality_id) references social_resource (id, municipality_id),
  foreign key (actor_user_id, municipality_id) references app_user (id, municipality_id)
);

create index resource_gap_event_gap_idx on resource_gap_event (gap_id, id);

create trigger resource_gap_event_append_only
  before update or delete on resource_gap_event
  for each row execute function refuse_history_change();
