import { foldForSearch } from '../../domain/text/kana';
import { kanaSimilar } from '../../domain/text/similarity';
import { authorize } from '../access/authorize';
import { ScopedReader } from '../access/scoped-reader';
import { recordAudit } from '../audit/record-audit';
import type { ActorContext, AppDeps } from '../http/context';

/**
 * The duplicate warning at intake: people the worker may see with the same birth date and a
 * similar reading (without a birth date: the same reading). Shown so the worker opens a new case
 * for the person already known rather than a second record. Each one shown is a read, audited.
 */
export async function findDuplicates(
  deps: AppDeps,
  ctx: ActorContext,
  query: { nameKana?: string | undefined; birthDate?: string | null | undefined },
) {
  authorize(ctx.actor, 'case.create', undefined, { subjectType: 'person' });
  const kana = query.nameKana?.trim() ?? '';
  if (!kana) return [];
  let rows = new ScopedReader(deps.database.db, ctx.actor)
    .persons()
    .select([
      'person.id',
      'person.name',
      'person.name_kana',
      'person.birth_date',
      'person.address_city',
      'person.address_street',
    ])
    .where('person.name_kana', 'is not', null);
  if (query.birthDate) rows = rows.where('person.birth_date', '=', query.birthDate);
  else
    rows = rows.where(
      'person.search_text',
      'like',
      `%${foldForSearch(kana).replace(/[%_\\]/g, '\\$&')}%`,
    );
  const same = (other: string) =>
    query.birthDate ? kanaSimilar(other, kana) : foldForSearch(other) === foldForSearch(kana);
  const matches = (await rows.limit(200).execute())
    .filter((p) => same(p.name_kana ?? ''))
    .slice(0, 10);
  if (matches.length > 0) {
    await recordAudit(deps.database.db, ctx, {
      action: 'person.duplicate_check',
      outcome: 'success',
      subjectType: 'person',
      personIds: matches.map((p) => p.id),
      legalBasis: 'own_case',
    });
  }
  return matches.map((p) => ({
    id: p.id,
    name: p.name,
    nameKana: p.name_kana,
    birthDate: p.birth_date,
    address: [p.address_city, p.address_street].filter(Boolean).join(''),
  }));
}
