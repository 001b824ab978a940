-- Search at national size (issue 6): the name index is read per municipality.
--
-- The bigram index over every person of every municipality found all the people whose name
-- holds the query — 50,054 of 1,000,000 for さとう — before the municipality and agency were
-- tested on their cases (448 ms). Keyed by the municipality as well, the index yields only the
-- municipality's own matches. A bigram is prefixed with the first eight characters of the
-- municipality's id; two municipalities sharing them only add candidates that the case's own
-- municipality test then drops.
create function person_search_keys(municipality_id uuid, grams text[]) returns text[]
  language sql immutable strict parallel safe
  return array(select left(municipality_id::text, 8) || g from unnest(grams) as g);

create index person_search_keys_idx
  on person using gin (person_search_keys(municipality_id, search_grams));

drop index person_search_grams_idx;
