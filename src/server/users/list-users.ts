import { sql } from 'kysely';
import { foldForSearch } from '../../domain/text/kana';
import { authorize } from '../access/authorize';
import { ScopedReader } from '../access/scoped-reader';
import { recordAudit } from '../audit/record-audit';
import type { ActorContext, AppDeps } from '../http/context';
import { loadUser } from './managed-user';
import { presentUser } from './present';
import type { UserListQuery } from './schema';

/** Staff accounts of the municipality, filtered; reading them is audited. */
export async function listUsers(deps: AppDeps, ctx: ActorContext, query: UserListQuery) {
  authorize(ctx.actor, 'user.read', undefined, { subjectType: 'user' });
  let rows = new ScopedReader(deps.database.db, ctx.actor).users().selectAll();
  if (query.role) rows = rows.where(sql<boolean>`${query.role} = any(app_user.roles)`);
  const now = deps.now();
  let items = (await rows.orderBy('login_id').execute()).map((u) => presentUser(ctx.actor, u, now));
  if (query.status !== 'all') items = items.filter((u) => u.status === query.status);
  const q = query.q ? foldForSearch(query.q) : '';
  if (q) {
    items = items.filter((u) =>
      [u.loginId, u.displayName, u.displayNameKana].some((t) => t && foldForSearch(t).includes(q)),
    );
  }
  const collator = new Intl.Collator('ja');
  items.sort((a, b) =>
    collator.compare(a.displayNameKana ?? a.displayName, b.displayNameKana ?? b.displayName),
  );
  await recordAudit(deps.database.db, ctx, {
    action: 'user.list',
    outcome: 'success',
    subjectType: 'user',
    legalBasis: 'administration',
    detail: { rows: items.length },
  });
  return items;
}

export async function getUser(deps: AppDeps, ctx: ActorContext, id: string) {
  authorize(ctx.actor, 'user.read', undefined, { subjectType: 'user', subjectId: id });
  const user = await loadUser(deps, ctx, id, 'user.read');
  await recordAudit(deps.database.db, ctx, {
    action: 'user.read',
    outcome: 'success',
    subjectType: 'user',
    subjectId: id,
    legalBasis: 'administration',
  });
  return presentUser(ctx.actor, user, deps.now());
}
