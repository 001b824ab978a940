import { sql } from 'kysely';
import { endedStatuses } from '../../domain/cases/case-status';
import { foldForSearch } from '../../domain/text/kana';
import { bigrams, phoneDigits } from '../../domain/text/search';
import { authorize } from '../access/authorize';
import { ScopedReader } from '../access/scoped-reader';
import { recordAudit } from '../audit/record-audit';
import type { ActorContext, AppDeps } from '../http/context';

const escapeLike = (text: string) => text.replace(/[%_\\]/g, '\\$&');

/**
 * Finds cases by partial name or reading (hiragana finds katakana, half-width finds full-width,
 * kanji finds kanji), by case number, or by phone number. Only cases the actor may see; the list
 * shown is one audited read naming every person in it.
 */
export async function searchCases(
  deps: AppDeps,
  ctx: ActorContext,
  query: { q: string; status: 'open' | 'ended' | 'all'; limit: number },
) {
  authorize(ctx.actor, 'case.read', undefined, { subjectType: 'case' });
  const q = query.q.trim();
  if (!q) return { items: [], more: false };
  // The matches are ordered and cut to the page first, by case id alone; only the page's rows
  // are then read in full (a common name matches thousands of people in a large city).
  let rows = new ScopedReader(deps.database.db, ctx.actor)
    .cases()
    .innerJoin('person', 'person.id', 'support_case.person_id')
    .select(['support_case.id', 'support_case.opened_on']);

  const digits = phoneDigits(q);
  if (/^\d{4}-\d{1,5}$/.test(q.normalize('NFKC'))) {
    const [year, number] = q.normalize('NFKC').split('-');
    rows = rows.where(
      'support_case.case_number',
      '=',
      `${year}-${String(number).padStart(5, '0')}`,
    );
  } else if (
    digits.length >= 6 &&
    digits.length === q.normalize('NFKC').replace(/[\s-]/g, '').length
  ) {
    rows = rows.where('person.phone_numbers', '@>', sql<string[]>`array[${digits}]::text[]`);
  } else {
    const folded = foldForSearch(q);
    const grams = bigrams(folded);
    // The index is keyed by municipality and bigram (migration 0015): the same expression here.
    if (grams.length > 0)
      rows = rows.where(
        sql<boolean>`person_search_keys(person.municipality_id, person.search_grams) @> person_search_keys(${ctx.actor.municipalityId}::uuid, ${grams}::text[])`,
      );
    rows = rows
      .where('person.municipality_id', '=', ctx.actor.municipalityId)
      .where('person.search_text', 'like', `%${escapeLike(folded)}%`);
  }
  if (query.status === 'open')
    rows = rows.where('support_case.status', 'not in', [...endedStatuses]);
  if (query.status === 'ended') rows = rows.where('support_case.status', 'in', [...endedStatuses]);

  // One row past the page says whether there are more matches than shown.
  const page = rows
    .orderBy('support_case.opened_on', 'desc')
    .limit(query.limit + 1)
    .as('page');
  const matched = await deps.database.db
    .selectFrom(page)
    .innerJoin('support_case', 'support_case.id', 'page.id')
    .innerJoin('person', 'person.id', 'support_case.person_id')
    .leftJoin('app_user', 'app_user.id', 'support_case.lead_worker_id')
    .select([
      'support_case.id',
      'support_case.case_number',
      'support_case.status',
      'support_case.opened_on',
      'support_case.intake_on',
      'support_case.version',
      'person.id as person_id',
      'person.name',
      'person.name_kana',
      'person.birth_date',
      'app_user.display_name as lead_worker_name',
    ])
    .orderBy('page.opened_on', 'desc')
    .orderBy('support_case.id')
    .execute();
  const found = matched.slice(0, query.limit);
  if (found.length > 0) {
    await recordAudit(deps.database.db, ctx, {
      action: 'case.search',
      outcome: 'success',
      subjectType: 'case',
      personIds: found.map((r) => r.person_id),
      legalBasis: 'own_case',
      detail: { results: found.length },
    });
  }
  return {
    /** More matched than the page shows: the newest are shown, and the query should be narrowed. */
    more: matched.length > found.length,
    items: found.map((r) => ({
      id: r.id,
      caseNumber: r.case_number,
      status: r.status,
      openedOn: r.opened_on,
      intakeOn: r.intake_on,
      personId: r.person_id,
      name: r.name,
      nameKana: r.name_kana,
      birthDate: r.birth_date,
      leadWorkerName: r.lead_worker_name,
    })),
  };
}
