-- Tax information (DOMAIN.md §4; 地方税法第22条): what came from the tax records — 課税・滞納情報 —
-- is marked where it is written down, so that it is never shared at a body under the law (a
-- 支援会議), whose members' duty of confidentiality does not lift the tax secrecy.

-- A contact record whose content came from the tax records; marked by the worker who writes it.
alter table contact_record add column tax_information boolean not null default false;

-- The reporter's case summary on an agenda item contains tax information.
alter table meeting_item add column summary_tax_information boolean not null default false;
