import type { Actor } from '../../domain/actor';
import { userAbilities } from '../../domain/policies/user-policy';
import type { AppUser } from '../db/schema';

export type UserStatus = 'active' | 'locked' | 'disabled';

export function userStatus(
  user: Pick<AppUser, 'disabled_at' | 'locked_until'>,
  now: Date,
): UserStatus {
  if (user.disabled_at) return 'disabled';
  if (user.locked_until && user.locked_until > now) return 'locked';
  return 'active';
}

/** A staff account as the administration screens show it: never the password hash or TOTP secret. */
export function presentUser(actor: Actor, user: AppUser, now: Date) {
  return {
    id: user.id,
    loginId: user.login_id,
    displayName: user.display_name,
    displayNameKana: user.display_name_kana,
    email: user.email,
    roles: user.roles,
    supportAgencyId: user.support_agency_id,
    partnerAgencyId: user.partner_agency_id,
    status: userStatus(user, now),
    lockedUntil: user.locked_until?.toISOString() ?? null,
    totpEnabled: user.totp_enabled_at !== null,
    mustChangePassword: user.must_change_password,
    lastSignInAt: user.last_sign_in_at?.toISOString() ?? null,
    passwordChangedAt: user.password_changed_at.toISOString(),
    version: user.version,
    abilities: userAbilities(actor, { id: user.id, municipalityId: user.municipality_id }),
  };
}

export type UserView = ReturnType<typeof presentUser>;
