-- The home page (issue 6): the monitoring due for the worker's current cases. It probes the
-- monitoring of each of their cases (543 for the demo worker on the national data); through
-- monitoring_case_idx every probe also read the done ones from the table to test done_on and
-- due_on. The open monitoring alone, with what the page tests, is a seventh of the rows: EXPLAIN
-- ANALYZE of that list 3.2 → 1.7 ms. monitoring_case_idx stays for the case page, which reads
-- all of a case's monitoring.
create index monitoring_open_case_idx on monitoring (case_id)
  include (due_on, plan_id, municipality_id)
  where done_on is null;
