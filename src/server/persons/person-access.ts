import { canWorkCase } from '../../domain/policies/case-policy';
import { ScopedReader } from '../access/scoped-reader';
import { caseTeam, subjectOf } from '../cases/case-access';
import type { Person } from '../db/schema';
import type { ActorContext, AppDeps } from '../http/context';
import { forbidden, notFound } from '../http/domain-error';

/**
 * A person the actor may change: visible (through a case the actor sees) and with at least one
 * case the actor works. Returns the person and that case's number, the legal basis of the write.
 */
export async function loadPersonToWork(
  deps: AppDeps,
  ctx: ActorContext,
  personId: string,
  action: string,
): Promise<{ person: Person; caseNumber: string }> {
  const reader = new ScopedReader(deps.database.db, ctx.actor);
  const person = await findVisiblePerson(reader, personId, action);
  const cases = await reader
    .cases()
    .selectAll()
    .where('support_case.person_id', '=', personId)
    .execute();
  for (const kase of cases) {
    if (canWorkCase(ctx.actor, subjectOf(kase, await caseTeam(deps.database.db, kase.id)))) {
      return { person, caseNumber: kase.case_number };
    }
  }
  throw forbidden({ action, subjectType: 'person', subjectId: personId, personId });
}

/** The person, if the reader sees them (through a case the actor sees); else not found. */
export async function findVisiblePerson(
  reader: ScopedReader,
  personId: string,
  action: string,
): Promise<Person> {
  const person = await reader
    .persons()
    .selectAll('person')
    .where('person.id', '=', personId)
    .executeTakeFirst();
  if (!person) throw notFound({ action, subjectType: 'person', subjectId: personId });
  return person;
}
