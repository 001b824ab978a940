import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Role } from '../../domain/roles';
import { hashPassword } from '../auth/passwords';
import type { Database } from '../db/schema';
import { testConfig } from './test-app';

/**
 * Factories: each test builds the world it needs in a municipality of its own. Names are
 * fictional and made unique, so tests running side by side on one database never meet.
 */
export const testPassword = 'correct-horse-battery';

const suffix = () => randomBytes(4).toString('hex');

let cachedHash: Promise<string> | undefined;
/** All factory users share one password, hashed once (with the cheap test cost). */
function testPasswordHash(): Promise<string> {
  cachedHash ??= hashPassword(testPassword, testConfig().passwordHash);
  return cachedHash;
}

export async function createMunicipality(
  db: Kysely<Database>,
  overrides: Partial<{ name: string; population: number }> = {},
) {
  return db
    .insertInto('municipality')
    .values({
      name: overrides.name ?? `テスト市${suffix()}`,
      name_kana: 'てすとし',
      prefecture: '架空県',
      kind: 'city',
      population: overrides.population ?? 100_000,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function createSupportAgency(
  db: Kysely<Database>,
  municipalityId: string,
  overrides: Partial<{ name: string; operation: 'direct' | 'commissioned' }> = {},
) {
  const operation = overrides.operation ?? 'direct';
  return db
    .insertInto('support_agency')
    .values({
      municipality_id: municipalityId,
      name: overrides.name ?? `テスト相談支援センター${suffix()}`,
      operation,
      contractor_name: operation === 'commissioned' ? '社会福祉法人テスト会' : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function createPartnerAgency(
  db: Kysely<Database>,
  municipalityId: string,
  overrides: Partial<{
    name: string;
    name_kana: string;
    field: Database['partner_agency']['field'];
  }> = {},
) {
  return db
    .insertInto('partner_agency')
    .values({
      municipality_id: municipalityId,
      name: overrides.name ?? `テスト関係機関${suffix()}`,
      name_kana: overrides.name_kana ?? null,
      field: overrides.field ?? 'care',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function createUser(
  db: Kysely<Database>,
  input: {
    municipalityId: string;
    roles: Role[];
    supportAgencyId?: string | null;
    partnerAgencyId?: string | null;
    loginId?: string;
    displayName?: string;
    mustChangePassword?: boolean;
  },
) {
  return db
    .insertInto('app_user')
    .values({
      municipality_id: input.municipalityId,
      login_id: input.loginId ?? `user-${suffix()}`,
      display_name: input.displayName ?? 'テスト 職員',
      roles: input.roles,
      support_agency_id: input.supportAgencyId ?? null,
      partner_agency_id: input.partnerAgencyId ?? null,
      password_hash: await testPasswordHash(),
      must_change_password: input.mustChangePassword ?? false,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A municipality with a support agency, a partner agency and one user per role. */
export async function createWorld(db: Kysely<Database>) {
  const municipality = await createMunicipality(db);
  const agency = await createSupportAgency(db, municipality.id);
  const partner = await createPartnerAgency(db, municipality.id);
  const make = (roles: Role[]) =>
    createUser(db, {
      municipalityId: municipality.id,
      roles,
      supportAgencyId: roles.includes('partner_staff') ? null : agency.id,
      partnerAgencyId: roles.includes('partner_staff') ? partner.id : null,
    });
  const users = {
    supportWorker: await make(['support_worker']),
    chief: await make(['chief_support_worker']),
    employment: await make(['employment_support_worker']),
    budget: await make(['household_budget_worker']),
    officer: await make(['municipal_officer']),
    partnerStaff: await make(['partner_staff']),
    admin: await make(['admin']),
    auditor: await make(['auditor']),
  };
  return { municipality, agency, partner, users };
}
