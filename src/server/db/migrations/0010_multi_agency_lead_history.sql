-- An ended multi-agency case still says which agency led it: the agencies leave on the day it
-- ends and the lead keeps its mark. While the case is open, the lead is still one of the agencies
-- involved — the lead cannot leave without handing the lead on first (multi-agency/remove-member.ts)
-- — so only an end leaves a lead with a leaving date. One lead per case stays a unique index.
do $$
declare
  name text;
begin
  select conname into name
  from pg_constraint
  where conrelid = 'multi_agency_member'::regclass
    and contype = 'c'
    and pg_get_constraintdef(oid) ilike '%not lead%';
  execute format('alter table multi_agency_member drop constraint %I', name);
end
$$;
