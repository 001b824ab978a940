import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { SupportAgencyInput } from './schema';

/**
 * Makes an agency's sites match the list sent: kept ones are updated in place (their ids stay,
 * so later records pointing at a site keep pointing at it), new ones inserted, missing ones removed.
 */
export async function saveAgencySites(
  trx: Kysely<Database>,
  agency: { id: string; municipality_id: string },
  sites: SupportAgencyInput['sites'],
): Promise<void> {
  const existing = await trx
    .selectFrom('agency_site')
    .select('id')
    .where('support_agency_id', '=', agency.id)
    .execute();
  const keep = new Set(sites.flatMap((s) => (s.id ? [s.id] : [])));
  const gone = existing.map((e) => e.id).filter((id) => !keep.has(id));
  if (gone.length > 0) await trx.deleteFrom('agency_site').where('id', 'in', gone).execute();
  // Names are unique per agency: clear the kept rows' names first so a swap of two names works.
  for (const [index, site] of sites.entries()) {
    if (site.id) {
      await trx
        .updateTable('agency_site')
        .set({ name: `__renaming__${index}` })
        .where('id', '=', site.id)
        .where('support_agency_id', '=', agency.id)
        .execute();
    }
  }
  for (const [index, site] of sites.entries()) {
    const values = {
      name: site.name,
      postal_code: site.postalCode,
      address: site.address,
      phone: site.phone,
      opening_hours: site.openingHours,
      is_outreach_desk: site.isOutreachDesk,
      sort_order: index,
    };
    const updated = site.id
      ? await trx
          .updateTable('agency_site')
          .set(values)
          .where('id', '=', site.id)
          .where('support_agency_id', '=', agency.id)
          .executeTakeFirst()
      : undefined;
    if (!updated || Number(updated.numUpdatedRows) === 0) {
      await trx
        .insertInto('agency_site')
        .values({
          ...values,
          support_agency_id: agency.id,
          municipality_id: agency.municipality_id,
        })
        .execute();
    }
  }
}
