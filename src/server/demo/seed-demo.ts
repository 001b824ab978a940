import type { Kysely } from 'kysely';
import { todayInJapan } from '../../domain/text/wareki';
import { hashPassword } from '../auth/passwords';
import { actorOf } from '../auth/session-store';
import type { Config } from '../config';
import type { DatabaseHandle } from '../db/connect';
import type { Database } from '../db/schema';
import type { ActorContext } from '../http/context';
import { createLogger } from '../http/logger';
import { ReportCache } from '../statistics/report-cache';
import { seedDemoCases } from './demo-cases';
import {
  demoAgencies,
  demoDistricts,
  demoMunicipality,
  demoPartners,
  demoPassword,
  demoStatisticsTargets,
  demoUsers,
} from './demo-data';
import { seedDemoMeetings } from './demo-meetings';
import { seedDemoMultiAgency } from './demo-multi-agency';
import { seedDemoParticipation } from './demo-participation';
import { seedDemoReferrals } from './demo-referrals';
import { seedDemoResources } from './demo-resources';
import { type DemoLogin, DemoScript } from './demo-script';

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
 * Creates the fictional 架空市 with its agencies, partners, one user per role, its demo
 * caseload and its meetings — only on a database with no municipality at all, so it never mixes
 * with real data. Returns whether it did. `now` fixes the day the demo stories are told back from.
 */
export async function seedDemoData(
  database: DatabaseHandle,
  config: Config,
  now: Date = new Date(),
): Promise<boolean> {
  const db = database.db;
  const cost = config.passwordHash;
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
    await trx
      .insertInto('statistics_target')
      .values({ ...demoStatisticsTargets, municipality_id: municipalityId })
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
  await seedCases(database, config, now);
  return true;
}

/**
 * A DemoScript on the demo municipality of this database: its demo users as actors, its partners
 * by name, the stories told back from `now`. Used by the demo seeding and by browser tests that
 * need more cases than the demo has.
 */
export async function demoScriptOn(database: DatabaseHandle, config: Config, now: Date) {
  const db: Kysely<Database> = database.db;
  const logins: DemoLogin[] = ['shien', 'shunin', 'shuro', 'kakei', 'jichitai'];
  const users = await db
    .selectFrom('app_user')
    .selectAll()
    .where('login_id', 'in', logins)
    .execute();
  const actors = Object.fromEntries(
    users.map((u) => [
      u.login_id,
      { requestId: 'demo-data', ip: null, lang: 'ja' as const, actor: actorOf(u) },
    ]),
  ) as Record<DemoLogin, ActorContext>;
  const partners = await db.selectFrom('partner_agency').select(['id', 'name']).execute();
  return new DemoScript(
    {
      config,
      database,
      logger: createLogger('silent'),
      csrfKey: '',
      reportCache: new ReportCache(0),
    },
    actors,
    Object.fromEntries(partners.map((p) => [p.name, p.id])),
    todayInJapan(now),
  );
}

async function seedCases(database: DatabaseHandle, config: Config, now: Date) {
  const script = await demoScriptOn(database, config, now);
  const districts = await database.db.selectFrom('district').select(['id', 'name']).execute();
  await seedDemoCases(script, Object.fromEntries(districts.map((d) => [d.name, d.id])));
  await seedDemoMeetings(script);
  await seedDemoMultiAgency(script);
  await seedDemoResources(script);
  await seedDemoReferrals(script);
  await seedDemoParticipation(script);
}
