import { authorize } from '../access/authorize';
import { ScopedReader } from '../access/scoped-reader';
import type { ActorContext, AppDeps } from '../http/context';

/**
 * The staff a case can be given to or followed up by: active accounts of the municipality that
 * work cases. Names and roles only — the staff directory of the office, not personal files.
 */
export async function listCaseStaff(deps: AppDeps, ctx: ActorContext) {
  authorize(ctx.actor, 'case.read', undefined, { subjectType: 'user' });
  const rows = await new ScopedReader(deps.database.db, ctx.actor)
    .users()
    .select([
      'app_user.id',
      'app_user.display_name',
      'app_user.display_name_kana',
      'app_user.roles',
      'app_user.support_agency_id',
    ])
    .where('app_user.disabled_at', 'is', null)
    .execute();
  return rows
    .filter((u) => u.roles.some((r) => r !== 'partner_staff' && r !== 'admin' && r !== 'auditor'))
    .map((u) => ({
      id: u.id,
      displayName: u.display_name,
      roles: u.roles,
      supportAgencyId: u.support_agency_id,
    }))
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'ja'));
}
