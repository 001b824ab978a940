-- Suggesting an agenda at national size (issue 6): the oldest plans awaiting review and the
-- longest-waiting evaluations of a municipality, read in that order from an index so the first
-- hundred are found without sorting every waiting case (a city has over a thousand of each).
drop index plan_under_review_idx;
create index plan_under_review_idx on plan (municipality_id, submitted_on)
  where status = 'under_review';
drop index support_case_evaluation_idx;
create index support_case_evaluation_idx on support_case (municipality_id, status_changed_at)
  where status = 'evaluation';
