-- 多機関協働 (DOMAIN.md §5; seed 001, seed 004's three-person household): a household referred,
-- with the person's consent, to the coordinator; accepted, or returned to the referrer after
-- consulting them (つなぎもどし); the agencies involved with each one's role (役割分担) and one lead
-- (主担当); the joint plan, reviewed at the 重層的支援会議; the end, naming who carries on. The
-- ties of each household member to their own agencies gain a strength for the ecomap.

-- How strong the tie of a member to an agency is, as the ecomap draws it.
alter table household_member_agency
  add column tie_strength text not null default 'normal' check (tie_strength in ('strong', 'normal', 'weak', 'strained'));

-- A household's multi-agency case, anchored on the person's support case (the household members
-- are the person's). At most one open at a time per case; ended and returned ones stay as history.
create table multi_agency_case (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null,
  case_id uuid not null,
  status text not null default 'referred' check (status in ('referred', 'accepted', 'active', 'ended', 'returned')),
  -- The 多機関協働 coordinator (相談支援包括化推進員 or the municipality's officer).
  coordinator_id uuid,
  -- Who asked for it: a partner agency (e.g. the 地域包括支援センター) or a support agency.
  referred_on date not null,
  referred_by_partner_agency_id uuid,
  referred_by_support_agency_id uuid,
  referrer_contact text check (char_length(referrer_contact) <= 100),
  referral_reason text not null check (char_length(referral_reason) between 1 and 2000),
  -- The person's consent to the referral and to sharing with the agencies involved.
  consent_id uuid not null,
  accepted_on date,
  -- つなぎもどし: why, and with whom at the referrer it was talked through first.
  returned_on date,
  return_reason text check (char_length(return_reason) <= 2000),
  return_consulted_with text check (char_length(return_consulted_with) <= 200),
  -- The joint plan (役割分担表): the household, its issues, the shared goal, the policy, the next review.
  plan_situation text check (char_length(plan_situation) <= 4000),
  plan_issues text check (char_length(plan_issues) <= 4000),
  plan_goal text check (char_length(plan_goal) <= 2000),
  plan_policy text check (char_length(plan_policy) <= 4000),
  plan_written_on date,
  plan_review_on date,
  -- The end: why, who carries on, and whether the household goes back to the window that referred it.
  ended_on date,
  end_reason text check (char_length(end_reason) <= 2000),
  carried_by_partner_agency_id uuid,
  carried_by_support_agency_id uuid,
  returned_to_referrer boolean not null default false,
  created_by uuid,
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (num_nonnulls(referred_by_partner_agency_id, referred_by_support_agency_id) = 1),
  check (num_nonnulls(carried_by_partner_agency_id, carried_by_support_agency_id) <= 1),
  check (status not in ('accepted', 'active', 'ended') or accepted_on is not null),
  check (status <> 'referred' or accepted_on is null),
  check ((status = 'returned') = (returned_on is not null)),
  check (status <> 'returned' or (return_reason is not null and return_consulted_with is not null)),
  check ((status = 'ended') = (ended_on is not null)),
  check (status <> 'ended' or (end_reason is not null and num_nonnulls(carried_by_partner_agency_id, carried_by_support_agency_id) = 1)),
  check (accepted_on is null or accepted_on >= referred_on),
  check (returned_on is null or returned_on >= referred_on),
  check (ended_on is null or ended_on >= accepted_on),
  unique (id, municipality_id),
  foreign key (case_id, municipality_id) references support_case (id, municipality_id),
  foreign key (coordinator_id, municipality_id) references app_user (id, municipality_id),
  foreign key (referred_by_partner_agency_id, municipality_id) references partner_agency (id, municipality_id),
  foreign key (referred_by_support_agency_id, municipality_id) references support_agency (id, municipality_id),
  foreign key (consent_id, municipality_id) references consent (id, municipality_id),
  foreign key (carried_by_partner_agency_id, municipality_id) references partner_agency (id, municipality_id),
  foreign key (carried_by_support_agency_id, municipality_id) references support_agency (id, municipality_id),
  foreign key (created_by, municipality_id) references app_user (id, municipality_id)
);
create unique index multi_agency_case_open_idx on multi_agency_case (case_id) where status in ('referred', 'accepted', 'active');
create index multi_agency_case_municipality_idx on multi_agency_case (municipality_id, status);
create index multi_agency_case_coordinator_idx on multi_agency_case (coordinator_id) where coordinator_id is not null;

-- An agency involved (a partner agency or a support agency), whom it supports (the person, the
-- whole household, or one member), its role, whether it is the lead, and the tie's strength.
-- An agency that leaves keeps its row with the day it left.
create table multi_agency_member (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null,
  multi_agency_case_id uuid not null,
  partner_agency_id uuid,
  support_agency_id uuid,
  supports text not null check (supports in ('person', 'household', 'member')),
  household_member_id uuid,
  role text not null check (char_length(role) between 1 and 1000),
  contact_name text check (char_length(contact_name) <= 100),
  lead boolean not null default false,
  tie_strength text not null default 'normal' check (tie_strength in ('strong', 'normal', 'weak', 'strained')),
  joined_on date not null,
  left_on date,
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (num_nonnulls(partner_agency_id, support_agency_id) = 1),
  check ((supports = 'member') = (household_member_id is not null)),
  check (left_on is null or left_on >= joined_on),
  check (not lead or left_on is null),
  unique (id, municipality_id),
  foreign key (multi_agency_case_id, municipality_id) references multi_agency_case (id, municipality_id) on delete cascade,
  foreign key (partner_agency_id, municipality_id) references partner_agency (id, municipality_id),
  foreign key (support_agency_id, municipality_id) references support_agency (id, municipality_id),
  -- A member still named here cannot be removed from the household (like a plan's service line).
  foreign key (household_member_id, municipality_id) references household_member (id, municipality_id)
);
create index multi_agency_member_case_idx on multi_agency_member (multi_agency_case_id);
create index multi_agency_member_partner_idx on multi_agency_member (partner_agency_id) where partner_agency_id is not null and left_on is null;
-- One lead among the agencies still involved.
create unique index multi_agency_member_lead_idx on multi_agency_member (multi_agency_case_id) where lead;
-- An agency supports the same person once at a time.
create unique index multi_agency_member_current_idx on multi_agency_member (
  multi_agency_case_id,
  coalesce(partner_agency_id, support_agency_id),
  supports,
  coalesce(household_member_id, '00000000-0000-0000-0000-000000000000'::uuid)
) where left_on is null;

-- Each time the 重層的支援会議 looks at the joint plan: the sitting (and the agenda item), the day,
-- what it said, and when to look again.
create table multi_agency_review (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null,
  multi_agency_case_id uuid not null,
  reviewed_on date not null,
  meeting_id uuid,
  meeting_item_id uuid,
  outcome text not null check (outcome in ('agreed', 'agreed_with_changes', 'continued', 'rework')),
  note text check (char_length(note) <= 2000),
  next_review_on date,
  recorded_by uuid,
  created_at timestamptz not null default now(),
  check (meeting_item_id is null or meeting_id is not null),
  check (next_review_on is null or next_review_on >= reviewed_on),
  unique (id, municipality_id),
  foreign key (multi_agency_case_id, municipality_id) references multi_agency_case (id, municipality_id) on delete cascade,
  foreign key (meeting_id, municipality_id) references meeting (id, municipality_id),
  foreign key (meeting_item_id, municipality_id) references meeting_item (id, municipality_id),
  foreign key (recorded_by, municipality_id) references app_user (id, municipality_id)
);
create index multi_agency_review_case_idx on multi_agency_review (multi_agency_case_id, reviewed_on);
