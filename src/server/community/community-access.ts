import { authorize } from '../access/authorize';
import { ScopedReader } from '../access/scoped-reader';
import type { ActorContext, AppDeps } from '../http/context';
import { fieldError, notFound } from '../http/domain-error';

/** Community work is for those who keep it (community.manage); the refusal is audited. */
export function authorizeCommunity(ctx: ActorContext, action: string, subjectId?: string) {
  authorize(
    ctx.actor,
    'community.manage',
    { municipalityId: ctx.actor.municipalityId },
    { subjectType: action.split('.')[0] ?? 'community', ...(subjectId ? { subjectId } : {}) },
  );
}

/** A community base of the municipality, still in use, or the field's refusal. */
export async function loadBase(
  deps: AppDeps,
  ctx: ActorContext,
  baseId: string,
  options: { archivedToo: boolean } = { archivedToo: false },
) {
  const base = await new ScopedReader(deps.database.db, ctx.actor)
    .socialResources()
    .select(['social_resource.id', 'social_resource.name', 'social_resource.coordinator_name'])
    .where('social_resource.id', '=', baseId)
    .where('social_resource.is_community_base', '=', true)
    .$if(!options.archivedToo, (q) => q.where('social_resource.archived_at', 'is', null))
    .executeTakeFirst();
  if (!base) throw fieldError('baseId', 'notACommunityBase');
  return base;
}

/** An activity held at the base, or the field's refusal. */
export async function assertActivityAtBase(
  deps: AppDeps,
  ctx: ActorContext,
  activityId: string | null,
  baseId: string,
) {
  if (!activityId) return null;
  const activity = await new ScopedReader(deps.database.db, ctx.actor)
    .communityActivities()
    .select(['community_activity.id', 'community_activity.name'])
    .where('community_activity.id', '=', activityId)
    .where('community_activity.base_id', '=', baseId)
    .executeTakeFirst();
  if (!activity) throw fieldError('activityId', 'activityNotAtBase');
  return activity;
}

export async function loadActivity(deps: AppDeps, ctx: ActorContext, id: string, action: string) {
  const activity = await new ScopedReader(deps.database.db, ctx.actor)
    .communityActivities()
    .selectAll('community_activity')
    .where('community_activity.id', '=', id)
    .executeTakeFirst();
  if (!activity) throw notFound({ action, subjectType: 'community_activity', subjectId: id });
  return activity;
}

export async function loadIssue(deps: AppDeps, ctx: ActorContext, id: string, action: string) {
  const issue = await new ScopedReader(deps.database.db, ctx.actor)
    .communityIssues()
    .selectAll('community_issue')
    .where('community_issue.id', '=', id)
    .executeTakeFirst();
  if (!issue) throw notFound({ action, subjectType: 'community_issue', subjectId: id });
  return issue;
}
