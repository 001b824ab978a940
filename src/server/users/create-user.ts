import { checkPassword, passwordMinLength } from '../../domain/password-policy';
import { authorize } from '../access/authorize';
import { ScopedReader } from '../access/scoped-reader';
import { recordAudit } from '../audit/record-audit';
import { hashPassword } from '../auth/passwords';
import { isUniqueViolation } from '../db/errors';
import type { ActorContext, AppDeps } from '../http/context';
import { DomainError, fieldError } from '../http/domain-error';
import { checkUserOrganisation } from './check-organisation';
import { presentUser } from './present';
import type { UserCreateInput } from './schema';
import { insertUser } from './user-store';

/**
 * An administrator opens an account with a first password, which the new user must change at
 * their first sign-in.
 */
export async function createUser(deps: AppDeps, ctx: ActorContext, input: UserCreateInput) {
  const municipalityId = ctx.actor.municipalityId;
  authorize(ctx.actor, 'user.manage', { municipalityId }, { subjectType: 'user' });
  const reader = new ScopedReader(deps.database.db, ctx.actor);
  await checkUserOrganisation(reader, input);
  const problem = checkPassword(input.initialPassword, input.loginId);
  if (problem) throw fieldError('initialPassword', problem, { min: passwordMinLength, max: 128 });
  const passwordHash = await hashPassword(input.initialPassword, deps.config.passwordHash);
  try {
    return await deps.database.db.transaction().execute(async (trx) => {
      const user = await insertUser(trx, {
        municipality_id: municipalityId,
        login_id: input.loginId,
        display_name: input.displayName,
        display_name_kana: input.displayNameKana,
        email: input.email,
        roles: input.roles,
        support_agency_id: input.supportAgencyId,
        partner_agency_id: input.partnerAgencyId,
        password_hash: passwordHash,
        must_change_password: true,
      });
      await recordAudit(trx, ctx, {
        action: 'user.create',
        outcome: 'success',
        subjectType: 'user',
        subjectId: user.id,
        legalBasis: 'administration',
        detail: { roles: input.roles },
      });
      return presentUser(ctx.actor, user, deps.now());
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new DomainError('LOGIN_ID_TAKEN', {
        fields: [{ path: 'loginId', key: 'loginIdTaken' }],
      });
    }
    throw error;
  }
}
