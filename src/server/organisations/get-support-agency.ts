import { authorize } from '../access/authorize';
import { ScopedReader } from '../access/scoped-reader';
import type { ActorContext, AppDeps } from '../http/context';
import { notFound } from '../http/domain-error';
import { presentSupportAgency } from './present';

export async function listSupportAgencies(deps: AppDeps, ctx: ActorContext) {
  authorize(ctx.actor, 'directory.read');
  const reader = new ScopedReader(deps.database.db, ctx.actor);
  const agencies = await reader.supportAgencies().selectAll().orderBy('name').execute();
  const sites = await reader
    .agencySites()
    .selectAll()
    .orderBy('sort_order')
    .orderBy('name')
    .execute();
  return agencies.map((a) =>
    presentSupportAgency(
      ctx.actor,
      a,
      sites.filter((s) => s.support_agency_id === a.id),
    ),
  );
}

export async function getSupportAgency(deps: AppDeps, ctx: ActorContext, id: string) {
  authorize(ctx.actor, 'directory.read');
  const reader = new ScopedReader(deps.database.db, ctx.actor);
  const agency = await reader.supportAgencies().selectAll().where('id', '=', id).executeTakeFirst();
  if (!agency)
    throw notFound({ action: 'support_agency.read', subjectType: 'support_agency', subjectId: id });
  const sites = await reader
    .agencySites()
    .selectAll()
    .where('support_agency_id', '=', id)
    .orderBy('sort_order')
    .orderBy('name')
    .execute();
  return presentSupportAgency(ctx.actor, agency, sites);
}
