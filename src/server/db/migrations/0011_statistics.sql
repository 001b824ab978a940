-- Statistics (issue 5): where a case was when, the municipality's 目安値, the districts'
-- populations, and the indexes the monthly counts read through.

-- The district a case was in, day by day: statistics attribute each event to the district of the
-- case on the event's date, so a case that moved counts in its old district before the move and in
-- its new one after. valid_to is exclusive; the open row (valid_to null) is the current district.
-- A use case that moves a case (statistics/move-case-district.ts) writes the rows itself with the
-- day the move took effect; the trigger below is the safety net for any other change of
-- support_case.district_id, dated today in Japan.
create table case_district_history (
  id bigint generated always as identity primary key,
  case_id uuid not null,
  municipality_id uuid not null,
  district_id uuid,
  valid_from date not null,
  valid_to date,
  check (valid_to is null or valid_to >= valid_from),
  foreign key (case_id, municipality_id) references support_case (id, municipality_id) on delete cascade,
  foreign key (district_id, municipality_id) references district (id, municipality_id)
);

create unique index case_district_history_open_idx on case_district_history (case_id) where valid_to is null;
create index case_district_history_case_idx on case_district_history (case_id, valid_from);
create index case_district_history_district_idx on case_district_history (municipality_id, district_id, valid_from);

create function case_district_history_follow() returns trigger language plpgsql as $$
declare
  today date := (now() at time zone 'Asia/Tokyo')::date;
begin
  if tg_op = 'INSERT' then
    insert into case_district_history (case_id, municipality_id, district_id, valid_from)
    values (new.id, new.municipality_id, new.district_id, new.opened_on);
    return new;
  end if;
  -- Already recorded by the use case that moved the case (with its own date): nothing to do.
  if exists (
    select 1 from case_district_history
    where case_id = new.id and valid_to is null and district_id is not distinct from new.district_id
  ) then
    return new;
  end if;
  update case_district_history
    set valid_to = greatest(valid_from, today)
    where case_id = new.id and valid_to is null;
  insert into case_district_history (case_id, municipality_id, district_id, valid_from)
  values (new.id, new.municipality_id, new.district_id, today);
  return new;
end
$$;

create trigger support_case_district_history_insert
  after insert on support_case
  for each row execute function case_district_history_follow();

create trigger support_case_district_history_update
  after update of district_id on support_case
  for each row
  when (old.district_id is distinct from new.district_id)
  execute function case_district_history_follow();

insert into case_district_history (case_id, municipality_id, district_id, valid_from)
select id, municipality_id, district_id, opened_on from support_case;

-- 目安値 per 100,000 population per month (the rate as a fraction); null where not set.
create table statistics_target (
  municipality_id uuid primary key references municipality (id),
  new_consultations numeric check (new_consultations >= 0),
  plans numeric check (plans >= 0),
  employment_support_targets numeric check (employment_support_targets >= 0),
  employment_rate numeric check (employment_rate between 0 and 1),
  version integer not null default 1 check (version >= 1),
  updated_at timestamptz not null default now(),
  updated_by uuid,
  foreign key (updated_by, municipality_id) references app_user (id, municipality_id)
);

-- A district's population (住民基本台帳), for the per-100,000 figures of a district report.
alter table district add column population integer check (population >= 0);

-- The monthly counts: one range scan per figure family.
create index intake_received_idx on intake (municipality_id, received_on);
create index intake_triaged_idx on intake (municipality_id, triaged_on) where triaged_on is not null;
create index support_decision_decided_idx on support_decision (municipality_id, decided_on);
create index evaluation_evaluated_idx on evaluation (municipality_id, evaluated_on);
create index evaluation_case_idx on evaluation (case_id, evaluated_on);
create index case_transition_reopen_idx on case_transition (municipality_id, occurred_at) where action = 'reopen';
create index referral_referred_idx on referral (municipality_id, referred_on);
-- The caseload per worker: open cases counted from the index alone.
create index support_case_caseload_idx on support_case (municipality_id, lead_worker_id, status);
create index resource_gap_created_idx on resource_gap (municipality_id, created_at);
