-- Bulk import (issue 6): three indexes from before the reads were keyed by municipality and
-- district that no query uses any more, and that every imported case kept up to date.
--
-- support_case (0002, 0003): the home page and the referral lists find the worker's cases through
-- support_case_caseload_idx (municipality, lead worker, status; 0016), which also serves the
-- foreign key to app_user (lead_worker_id, municipality_id). On the national data, EXPLAIN ANALYZE
-- of the home page chooses the same plan with or without them; only a bare count(*) read one.
drop index support_case_lead_idx;
drop index support_case_lead_current_idx;

-- case_district_history (0011): a district's report starts from the district through
-- case_district_history_district_case_idx (district, case, with the dates; 0013); the monthly,
-- yearly and district reports on the national data read no other index of the table
-- (auto_explain). The history of one case is still read through case_district_history_case_idx.
drop index case_district_history_district_idx;
