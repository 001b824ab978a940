-- Statistics at national size (issue 5, measured in docs/benchmarks.md with 1,000,000 cases).

-- A district report tests every counted event against the case's district on the event's day
-- (`exists (select 1 from case_district_history h where h.case_id = … and h.district_id = …)`).
-- With the district first and the dates carried in the index, that test is answered from the
-- index alone, either as a probe per event or as the hash of one district's rows, instead of a
-- scan of the whole history (177 ms → 91 ms for a month's triage with 1,000,000 cases).
create index case_district_history_district_case_idx
  on case_district_history (district_id, case_id) include (valid_from, valid_to);

-- Meeting statistics: the agenda items of the range's meetings, read from the index alone
-- (a nested loop over the month's meetings instead of a scan of every agenda item; a district's
-- month: 366 ms → 66 ms).
create index meeting_item_meeting_case_idx on meeting_item (meeting_id) include (case_id, minutes);
