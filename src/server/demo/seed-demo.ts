import type { Kysely } from 'kysely';
import { hashPassword } from '../auth/passwords';
import type { Config } from '../config';
import type { Database } from '../db/schema';
import {
  demoAgencies,
  demoDistricts,
  demoMunicipality,
  demoPartners,
  demoPassword,
  demoUsers,
} from './demo-data';

const marker = 'demo_data';

export async function hasDemoData(db: Kysely<Database>): Promise<boolean> {
  const row = await db
    .selectFrom('instance_secret')
    .select('name')
    .where('name', '=', marker)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Creates the fictional 架空市 with its agencies, partners and one user per role — only on a
 * database with no municipality at all, so it never mixes with real data. Returns whether it did.
 */
export async function seedDemoData(
  db: Kysely<Database>,
  cost: Config['passwordHash'],
): Promise<boolean> {
  const existing = await db.selectFrom('municipality').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  // One hash for all demo accounts: they share the printed demo password anyway.
  const passwordHash = await hashPassword(demoPassword, cost);

  await db.transaction().execute(async (trx) => {
    const municipality = await trx
      .insertInto('municipality')
      .values(demoMunicipality)
      .returning('id')
      .executeTakeFirstOrThrow();
    const municipalityId = municipality.id;

    await trx
      .insertInto('district')
      .values(
        demoDistricts.map((d, i) => ({ ...d, municipality_id: municipalityId, sort_order: i })),
      )
      .execute();

    const agencyIds: Record<'direct' | 'commissioned', string> = { direct: '', commissioned: '' };
    for (const key of ['direct', 'commissioned'] as const) {
      const { sites, ...agency } = demoAgencies[key];
      const row = await trx
        .insertInto('support_agency')
        .values({ ...agency, municipality_id: municipalityId })
        .returning('id')
        .executeTakeFirstOrThrow();
      agencyIds[key] = row.id;
      await trx
        .insertInto('agency_site')
        .values(
          sites.map((s, i) => ({
            ...s,
            support_agency_id: row.id,
            municipality_id: municipalityId,
            sort_order: i,
          })),
        )
        .execute();
    }

    const partners = await trx
      .insertInto('partner_agency')
      .values(demoPartners.map((p) => ({ ...p, municipality_id: municipalityId })))
      .returning(['id', 'field'])
      .execute();
    const careCentre = partners.find((p) => p.field === 'care')?.id ?? null;

    await trx
      .insertInto('app_user')
      .values(
        demoUsers.map((u) => ({
          municipality_id: municipalityId,
          login_id: u.loginId,
          display_name: u.displayName,
          display_name_kana: u.kana,
          roles: u.roles,
          support_agency_id:
            u.organisation === 'direct' || u.organisation === 'commissioned'
              ? agencyIds[u.organisation]
              : null,
          partner_agency_id: u.organisation === 'partner' ? careCentre : null,
          password_hash: passwordHash,
        })),
      )
      .execute();

    await trx.insertInto('instance_secret').values({ name: marker, value: 'seeded' }).execute();
  });
  return true;
}
