-- つなぎ between agencies (DOMAIN.md §2, §3 step 2, §5): a referral carries a hand-over (引継ぎ)
-- within the person's consent, the receiving agency accepts, declines or returns it
-- (つなぎもどし) with a reason, and the sender follows it until the person is known to have
-- arrived. Every step is kept in an append-only history; partner staff record what they did.

-- The receiver's answers beside the sender's follow-up (domain/referrals/referral-status.ts).
alter table referral drop constraint referral_status_check;
alter table referral add constraint referral_status_check check (
  status in ('pending', 'accepted', 'declined', 'returned', 'arrived', 'not_arrived', 'cancelled')
);

alter table referral
  -- 引継ぎ内容: what the receiver needs to know, shared only under the consent named here.
  add column hand_over_summary text check (char_length(hand_over_summary) <= 4000),
  add column consent_id uuid,
  -- The day the receiver should answer by.
  add column due_on date,
  add column responded_at timestamptz,
  add column responded_by uuid,
  add column response_reason text check (char_length(response_reason) <= 2000),
  -- The sender has taken note of a decline or return and decided what next.
  add column noted_at timestamptz,
  add column noted_by uuid,
  add constraint referral_consent_fk foreign key (consent_id, municipality_id) references consent (id, municipality_id),
  add constraint referral_responded_by_fk foreign key (responded_by, municipality_id) references app_user (id, municipality_id),
  add constraint referral_noted_by_fk foreign key (noted_by, municipality_id) references app_user (id, municipality_id),
  -- An outside destination (a name only) receives nothing through the system.
  add constraint referral_hand_over_on_system check (
    partner_agency_id is not null or (hand_over_summary is null and consent_id is null and due_on is null)
  ),
  add constraint referral_reason_for_refusal check (
    status not in ('declined', 'returned') or (response_reason is not null and responded_at is not null)
  ),
  add constraint referral_due_after_referral check (due_on is null or due_on >= referred_on);

-- The receiving agency's inbox, and the referrals still under way.
create index referral_partner_idx on referral (partner_agency_id, status) where partner_agency_id is not null;
create index referral_open_idx on referral (municipality_id, follow_up_on) where status in ('pending', 'accepted');

-- Documents of the case handed over with a referral (only within consent, checked when sent and
-- again whenever the receiver reads them).
create table referral_attachment (
  referral_id uuid not null,
  attachment_id uuid not null,
  municipality_id uuid not null,
  primary key (referral_id, attachment_id),
  foreign key (referral_id, municipality_id) references referral (id, municipality_id) on delete cascade,
  foreign key (attachment_id, municipality_id) references attachment (id, municipality_id)
);

-- The history of each referral: who did what, when, and why. Never changed afterwards.
create table referral_event (
  id bigint generated always as identity primary key,
  referral_id uuid not null,
  case_id uuid not null,
  municipality_id uuid not null,
  event text not null check (event in ('sent', 'accepted', 'declined', 'returned', 'arrived', 'not_arrived', 'cancelled')),
  actor_user_id uuid,
  -- The actor's partner agency when the receiver acted.
  actor_partner_agency_id uuid,
  occurred_at timestamptz not null default clock_timestamp(),
  reason text check (char_length(reason) <= 2000),
  foreign key (referral_id, municipality_id) references referral (id, municipality_id),
  foreign key (case_id, municipality_id) references support_case (id, municipality_id),
  foreign key (actor_user_id, municipality_id) references app_user (id, municipality_id),
  foreign key (actor_partner_agency_id, municipality_id) references partner_agency (id, municipality_id)
);

create index referral_event_referral_idx on referral_event (referral_id, id);
create index referral_event_case_idx on referral_event (case_id, id);

create trigger referral_event_append_only
  before update or delete on referral_event
  for each row execute function refuse_history_change();

-- The referrals made before this migration get their history from what their rows say.
insert into referral_event (referral_id, case_id, municipality_id, event, actor_user_id, occurred_at)
  select id, case_id, municipality_id, 'sent', created_by, created_at from referral order by created_at;
insert into referral_event (referral_id, case_id, municipality_id, event, occurred_at, reason)
  select id, case_id, municipality_id, status, updated_at, confirmation_note from referral
  where status in ('arrived', 'not_arrived', 'cancelled') order by updated_at;

-- What partner staff did for the person (関係機関の支援記録), seen by the case's workers.
create table partner_activity (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null,
  case_id uuid not null,
  partner_agency_id uuid not null,
  referral_id uuid,
  occurred_on date not null,
  kind text not null check (kind in ('interview', 'visit', 'phone', 'accompaniment', 'meeting', 'service', 'other')),
  summary text not null check (char_length(summary) between 1 and 4000),
  recorded_by uuid not null,
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (id, municipality_id),
  foreign key (case_id, municipality_id) references support_case (id, municipality_id),
  foreign key (partner_agency_id, municipality_id) references partner_agency (id, municipality_id),
  foreign key (referral_id, municipality_id) references referral (id, municipality_id),
  foreign key (recorded_by, municipality_id) references app_user (id, municipality_id)
);

create index partner_activity_case_idx on partner_activity (case_id, occurred_on);
create index partner_activity_agency_idx on partner_activity (partner_agency_id, occurred_on);
