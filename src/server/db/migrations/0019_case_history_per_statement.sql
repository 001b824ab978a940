-- Bulk import (issue 6): a new case's first place in the district history (0011) is written once
-- per statement for all the cases it inserts, instead of by a trigger call per case. The same rows
-- as before; importing 20,000 cases into the embedded database is some 7 % faster. A change of
-- district is still followed case by case (support_case_district_history_update), so the row
-- trigger's function keeps only that part.
drop trigger support_case_district_history_insert on support_case;

create function case_district_history_open() returns trigger language plpgsql as $$
begin
  insert into case_district_history (case_id, municipality_id, district_id, valid_from)
  select id, municipality_id, district_id, opened_on from new_cases;
  return null;
end
$$;

create trigger support_case_district_history_insert
  after insert on support_case
  referencing new table as new_cases
  for each statement execute function case_district_history_open();

create or replace function case_district_history_follow() returns trigger language plpgsql as $$
declare
  today date := (now() at time zone 'Asia/Tokyo')::date;
begin
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
