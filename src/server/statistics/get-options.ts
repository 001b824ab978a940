import { rolesAllow } from '../../domain/permissions';
import { authorize } from '../access/authorize';
import { ScopedReader } from '../access/scoped-reader';
import type { ActorContext, AppDeps } from '../http/context';
import { agencyBoundTo } from './report-scope';
import { getTargets } from './targets';

/**
 * What the statistics screen may filter by: the agencies the actor may choose (only their own for
 * agency staff), the districts with their populations, the municipality's population, the 目安値,
 * and whether the actor may change the settings or export per person.
 */
export async function getStatisticsOptions(deps: AppDeps, ctx: ActorContext) {
  const { actor } = ctx;
  authorize(actor, 'statistics.read', undefined, { subjectType: 'statistics' });
  const reader = new ScopedReader(deps.database.db, actor);
  const bound = agencyBoundTo(actor);
  let agencies = reader
    .supportAgencies()
    .select(['support_agency.id', 'support_agency.name'])
    .orderBy('support_agency.name');
  if (bound) agencies = agencies.where('support_agency.id', '=', bound);
  const [municipality, agencyRows, districts, targets] = await Promise.all([
    reader.municipality().select(['name', 'population']).executeTakeFirstOrThrow(),
    agencies.execute(),
    reader
      .districts()
      .select(['id', 'name', 'population', 'version'])
      .orderBy('sort_order')
      .orderBy('name')
      .execute(),
    getTargets(deps.database.db, actor.municipalityId),
  ]);
  return {
    municipality: { name: municipality.name, population: municipality.population },
    supportAgencies: agencyRows.map((a) => ({ id: a.id, name: a.name })),
    /** Agency staff see their own agency only: the filter is fixed to it. */
    fixedSupportAgencyId: bound,
    districts: districts.map((d) => ({
      id: d.id,
      name: d.name,
      population: d.population,
      version: d.version,
    })),
    targets,
    abilities: {
      manage: rolesAllow(actor.roles, 'statistics.manage'),
      export: rolesAllow(actor.roles, 'statistics.export'),
      readCases: rolesAllow(actor.roles, 'case.read'),
    },
  };
}
