-- The caseworker's home page reads the cases they lead that are still current (not closed,
-- referred out or information only): a few hundred among the thousands they have led over the
-- years. This index holds only those, in the order the page lists them.
create index support_case_lead_current_idx on support_case (lead_worker_id, status_changed_at desc)
  where status not in ('closed', 'referred_out', 'info_only');
