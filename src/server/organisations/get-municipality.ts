import { authorize } from '../access/authorize';
import { ScopedReader } from '../access/scoped-reader';
import type { ActorContext, AppDeps } from '../http/context';
import { presentMunicipality } from './present';

/** The actor's municipality with its districts (地区). */
export async function getMunicipality(deps: AppDeps, ctx: ActorContext) {
  const reader = new ScopedReader(deps.database.db, ctx.actor);
  authorize(ctx.actor, 'directory.read');
  const municipality = await reader.municipality().selectAll().executeTakeFirstOrThrow();
  const districts = await reader
    .districts()
    .selectAll()
    .orderBy('sort_order')
    .orderBy('name')
    .execute();
  return presentMunicipality(ctx.actor, municipality, districts);
}
