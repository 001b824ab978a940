-- The case page and the home page at national size (issue 6, docs/benchmarks.md).

-- Every record of a case is read by the case: the 支援決定 and the consent attachments had no
-- index on it, so the case page scanned all of a server's decisions (38 ms with 280,000).
create index support_decision_case_idx on support_decision (case_id);
create index attachment_case_idx on attachment (case_id);

-- The home page reads a worker's cases (current ones, and for referrals all they ever led) from
-- this index alone: it carries the scoped reader's columns (agency, and the id the team test
-- needs) and what the page shows, beside the statistics' count per worker it was made for.
drop index support_case_caseload_idx;
create index support_case_caseload_idx on support_case (municipality_id, lead_worker_id, status)
  include (id, support_agency_id, status_changed_at, case_number, intake_on, person_id);

-- Referrals are followed up on every case a worker led, however long ago: the few open ones
-- among those cases, from an index of the open referrals only.
create index referral_open_case_idx on referral (case_id) where status in ('pending', 'accepted');
