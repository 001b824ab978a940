import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { MunicipalityKind } from '../../domain/organisations';
import { recordAudit } from '../audit/record-audit';
import { hashPassword } from '../auth/passwords';
import type { Config } from '../config';
import type { Database } from '../db/schema';

export interface TenantInput {
  name: string;
  nameKana: string;
  prefecture: string;
  kind: MunicipalityKind;
  population: number;
  adminLoginId: string;
  adminName: string;
}

/**
 * An operator's first step on a new instance (or for a new municipality on a shared one): the
 * municipality and its first administrator, whose temporary password must be changed at the first
 * sign-in. Everything else is then done in the screens.
 */
export async function createTenant(
  db: Kysely<Database>,
  cost: Config['passwordHash'],
  input: TenantInput,
): Promise<{ municipalityId: string; temporaryPassword: string }> {
  const temporaryPassword = randomBytes(9).toString('base64url');
  const passwordHash = await hashPassword(temporaryPassword, cost);
  return db.transaction().execute(async (trx) => {
    const municipality = await trx
      .insertInto('municipality')
      .values({
        name: input.name,
        name_kana: input.nameKana,
        prefecture: input.prefecture,
        kind: input.kind,
        population: input.population,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const admin = await trx
      .insertInto('app_user')
      .values({
        municipality_id: municipality.id,
        login_id: input.adminLoginId,
        display_name: input.adminName,
        roles: ['admin'],
        password_hash: passwordHash,
        must_change_password: true,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(
      trx,
      { requestId: `cli-${randomBytes(6).toString('hex')}`, ip: null, lang: 'ja', actor: null },
      {
        action: 'tenant.create',
        outcome: 'success',
        actor: null,
        municipalityId: municipality.id,
        subjectType: 'municipality',
        subjectId: municipality.id,
        legalBasis: 'administration',
        detail: { adminUserId: admin.id },
      },
    );
    return { municipalityId: municipality.id, temporaryPassword };
  });
}
