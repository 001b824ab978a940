import type { Actor } from '../../domain/actor';
import { type Action, allowedActions } from '../../domain/permissions';
import type { Role } from '../../domain/roles';
import { ScopedReader } from '../access/scoped-reader';
import { organisationOf } from '../audit/record-audit';
import type { AppDeps } from '../http/context';

export interface SessionUser {
  id: string;
  loginId: string;
  displayName: string;
  roles: Role[];
  municipality: { id: string; name: string };
  organisation: {
    type: 'municipality' | 'support_agency' | 'partner_agency';
    id: string;
    name: string;
  };
  mustChangePassword: boolean;
  totpEnabled: boolean;
}

export interface SessionView {
  csrfToken: string;
  user: SessionUser | null;
  /** What the user may do, for the screens to show only that. */
  permissions: Action[];
}

/** The signed-in user as the screens need them: who, where, and what they may do. */
export async function presentSessionUser(deps: AppDeps, actor: Actor): Promise<SessionUser> {
  const reader = new ScopedReader(deps.database.db, actor);
  const [user, municipality] = await Promise.all([
    reader
      .self()
      .select(['display_name', 'must_change_password', 'totp_enabled_at'])
      .executeTakeFirstOrThrow(),
    reader.municipality().select(['id', 'name']).executeTakeFirstOrThrow(),
  ]);
  const organisation = organisationOf(actor);
  let organisationName = municipality.name;
  if (organisation.type === 'support_agency') {
    const agency = await reader
      .supportAgencies()
      .select('name')
      .where('id', '=', organisation.id)
      .executeTakeFirst();
    organisationName = agency?.name ?? '';
  } else if (organisation.type === 'partner_agency') {
    const partner = await reader
      .partnerAgencies()
      .select('name')
      .where('id', '=', organisation.id)
      .executeTakeFirst();
    organisationName = partner?.name ?? '';
  }
  return {
    id: actor.userId,
    loginId: actor.loginId,
    displayName: user.display_name,
    roles: [...actor.roles],
    municipality,
    organisation: { ...organisation, name: organisationName },
    mustChangePassword: user.must_change_password,
    totpEnabled: user.totp_enabled_at !== null,
  };
}

export function permissionsOf(actor: Actor | null): Action[] {
  return actor ? allowedActions(actor.roles) : [];
}
