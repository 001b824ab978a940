import { partnerFieldLabels } from '../../domain/organisations';
import { foldForSearch } from '../../domain/text/kana';
import { authorize } from '../access/authorize';
import { ScopedReader } from '../access/scoped-reader';
import type { ActorContext, AppDeps } from '../http/context';
import { notFound } from '../http/domain-error';
import { presentPartnerAgency } from './present';
import type { PartnerAgencyListQuery } from './schema';

/**
 * The partner directory of the municipality, filtered and sorted. A municipality keeps tens to a
 * few hundred partners, so the kana-folded text match runs here rather than in SQL.
 */
export async function listPartnerAgencies(
  deps: AppDeps,
  ctx: ActorContext,
  query: PartnerAgencyListQuery,
) {
  authorize(ctx.actor, 'directory.read');
  let rows = new ScopedReader(deps.database.db, ctx.actor).partnerAgencies().selectAll();
  if (query.field) rows = rows.where('field', '=', query.field);
  if (!query.includeArchived) rows = rows.where('archived_at', 'is', null);
  let items = (await rows.execute()).map((p) => presentPartnerAgency(ctx.actor, p));

  const q = query.q ? foldForSearch(query.q) : '';
  if (q) {
    items = items.filter((p) =>
      [p.name, p.nameKana, p.liaisonName, p.legalBasis, p.area, p.services].some(
        (text) => text && foldForSearch(text).includes(q),
      ),
    );
  }
  const collator = new Intl.Collator('ja');
  const key = (p: (typeof items)[number]) =>
    query.sort === 'field'
      ? `${String(Object.keys(partnerFieldLabels).indexOf(p.field)).padStart(2, '0')}${p.nameKana ?? p.name}`
      : query.sort === 'updated'
        ? p.updatedAt
        : (p.nameKana ?? p.name);
  items.sort((a, b) => collator.compare(key(a), key(b)) * (query.order === 'desc' ? -1 : 1));
  return items;
}

export async function getPartnerAgency(deps: AppDeps, ctx: ActorContext, id: string) {
  authorize(ctx.actor, 'directory.read');
  const row = await new ScopedReader(deps.database.db, ctx.actor)
    .partnerAgencies()
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row)
    throw notFound({ action: 'partner_agency.read', subjectType: 'partner_agency', subjectId: id });
  return presentPartnerAgency(ctx.actor, row);
}
