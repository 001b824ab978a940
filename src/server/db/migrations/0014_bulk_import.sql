-- Bulk import (issue 6): what each row of an agency's file became. The agency's own id for the
-- row (管理番号, external_ref) is kept beside the record it made, so a re-run of the same file
-- finds what it wrote and changes nothing. One table for the three kinds keeps the person, case
-- and contact tables as they are; the fingerprint is a hash of the row as imported.
create table import_link (
  municipality_id uuid not null references municipality (id),
  kind text not null check (kind in ('person', 'case', 'contact')),
  external_ref text not null,
  record_id uuid not null,
  fingerprint text not null,
  created_at timestamptz not null default now(),
  primary key (municipality_id, kind, external_ref)
);
