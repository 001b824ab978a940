import { sql } from 'kysely';
import { type ParticipationKind, resourceCategories } from '../../domain/resources/vocabulary';
import { foldForSearch } from '../../domain/text/kana';
import { authorize } from '../access/authorize';
import { ScopedReader } from '../access/scoped-reader';
import type { ActorContext, AppDeps } from '../http/context';
import { notFound } from '../http/domain-error';
import { presentSocialResource } from './present';
import type { SocialResourceListQuery } from './schema';

const escapeLike = (text: string) => text.replace(/[%_\\]/g, '\\$&');

/** The directory's rows with the names of their provider agency and district. */
export function socialResourceRows(reader: ScopedReader) {
  return reader
    .socialResources()
    .leftJoin('partner_agency', 'partner_agency.id', 'social_resource.provider_partner_agency_id')
    .leftJoin('district', 'district.id', 'social_resource.district_id')
    .selectAll('social_resource')
    .select([
      'partner_agency.name as provider_partner_agency_name',
      'district.name as district_name',
    ]);
}

/**
 * The social-resource directory, filtered as the list screen asks: kind, class, formal or not,
 * district and area, tag, kind of participation, community bases, text (kana-folded, like the
 * person search), archived or not. Published facts, not personal data: no read audit.
 */
export async function listSocialResources(
  deps: AppDeps,
  ctx: ActorContext,
  query: SocialResourceListQuery,
) {
  authorize(ctx.actor, 'directory.read');
  let rows = socialResourceRows(new ScopedReader(deps.database.db, ctx.actor));
  if (query.category) rows = rows.where('social_resource.category', '=', query.category);
  if (query.serviceClass)
    rows = rows.where('social_resource.service_class', '=', query.serviceClass);
  if (query.formality)
    rows = rows.where('social_resource.formal', '=', query.formality === 'formal');
  if (query.districtId) rows = rows.where('social_resource.district_id', '=', query.districtId);
  const area = query.area?.normalize('NFKC').trim();
  if (area) rows = rows.where('social_resource.area', 'like', `%${escapeLike(area)}%`);
  const tag = query.tag?.trim();
  if (tag) rows = rows.where('social_resource.tags', '@>', sql<string[]>`array[${tag}]::text[]`);
  if (query.participationKind)
    rows = rows.where(
      'social_resource.participation_kinds',
      '@>',
      sql<ParticipationKind[]>`array[${query.participationKind}]::text[]`,
    );
  if (query.communityBase) rows = rows.where('social_resource.is_community_base', '=', true);
  if (!query.includeArchived) rows = rows.where('social_resource.archived_at', 'is', null);
  const q = query.q ? foldForSearch(query.q) : '';
  if (q) rows = rows.where('social_resource.search_text', 'like', `%${escapeLike(q)}%`);

  const items = (await rows.execute()).map((r) => presentSocialResource(ctx.actor, r));
  const collator = new Intl.Collator('ja');
  const reading = (r: (typeof items)[number]) => r.nameKana ?? r.name;
  const compare = (a: (typeof items)[number], b: (typeof items)[number]) => {
    if (query.sort === 'updated') return a.updatedAt.localeCompare(b.updatedAt);
    if (query.sort === 'category') {
      const byCategory =
        resourceCategories.indexOf(a.category) - resourceCategories.indexOf(b.category);
      if (byCategory !== 0) return byCategory;
    }
    return collator.compare(reading(a), reading(b));
  };
  items.sort((a, b) => compare(a, b) * (query.order === 'desc' ? -1 : 1));
  return items;
}

/** The tags in use, for the filter's choices. */
export async function listSocialResourceTags(deps: AppDeps, ctx: ActorContext) {
  authorize(ctx.actor, 'directory.read');
  const rows = await new ScopedReader(deps.database.db, ctx.actor)
    .socialResources()
    .select(sql<string>`unnest(social_resource.tags)`.as('tag'))
    .where('social_resource.archived_at', 'is', null)
    .execute();
  return [...new Set(rows.map((r) => r.tag))].sort(new Intl.Collator('ja').compare);
}

export async function getSocialResource(deps: AppDeps, ctx: ActorContext, id: string) {
  authorize(ctx.actor, 'directory.read');
  const row = await socialResourceRows(new ScopedReader(deps.database.db, ctx.actor))
    .where('social_resource.id', '=', id)
    .executeTakeFirst();
  if (!row)
    throw notFound({
      action: 'social_resource.read',
      subjectType: 'social_resource',
      subjectId: id,
    });
  return presentSocialResource(ctx.actor, row);
}
