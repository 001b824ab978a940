-- Bulk import (issue 6): a 管理番号 is the importing agency's own, not the municipality's. A
-- municipality often has two support agencies (one direct, one commissioned), each numbering its
-- Excel lists from 1; keyed by the municipality alone, agency B's person 1 was refused as agency
-- A's, and B's case file could attach a case to A's person 1. The link now names the agency that
-- imported the row, and the key includes it.
alter table import_link add column support_agency_id uuid;

-- Existing links: the agency that imported each row, from what that import wrote in the same
-- transaction. A person has no agency of its own, but the import's audit row (append-only) names
-- the importer's agency at that moment and every person the import created.
update import_link il set support_agency_id = (
  select a.actor_organisation_id from audit_log a
  where a.action = 'person.import' and a.outcome = 'success'
    and a.actor_organisation_type = 'support_agency'
    and a.municipality_id = il.municipality_id
    and a.person_ids @> array[il.record_id]
  order by a.occurred_at
  limit 1)
where il.kind = 'person';

-- A case was opened in the importer's agency, and a case never changes agency.
update import_link il set support_agency_id = c.support_agency_id
from support_case c
where il.kind = 'case' and c.id = il.record_id and c.municipality_id = il.municipality_id;

-- A contact record was recorded by the importer, whose agency (which may have changed since) is
-- in the audit row of that import: the recorder's first contact import from the link's
-- transaction on. Where none is found, the agency of the record's case.
update import_link il set support_agency_id = coalesce(
  (select a.actor_organisation_id from audit_log a
   where a.action = 'contact.import' and a.outcome = 'success'
     and a.actor_organisation_type = 'support_agency'
     and a.municipality_id = il.municipality_id
     and a.actor_user_id = r.recorded_by
     and a.occurred_at >= il.created_at
   order by a.occurred_at
   limit 1),
  c.support_agency_id)
from contact_record r
join support_case c on c.id = r.case_id
where il.kind = 'contact' and r.id = il.record_id and r.municipality_id = il.municipality_id;

-- Links the app did not write itself (no audit row): in a municipality with one agency, that one.
update import_link il set support_agency_id = (
  select s.id from support_agency s where s.municipality_id = il.municipality_id)
where il.support_agency_id is null
  and (select count(*) from support_agency s where s.municipality_id = il.municipality_id) = 1;

-- What is still unattributed cannot be given to a guessed agency (its numbers would then shadow
-- the real importer's): the link goes, the record stays, and a re-run imports that row again.
delete from import_link where support_agency_id is null;

alter table import_link alter column support_agency_id set not null;
alter table import_link drop constraint import_link_pkey;
alter table import_link add primary key (municipality_id, support_agency_id, kind, external_ref);
alter table import_link add foreign key (support_agency_id, municipality_id)
  references support_agency (id, municipality_id);
