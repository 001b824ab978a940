import { authorize } from '../access/authorize';
import { ScopedReader } from '../access/scoped-reader';
import { recordAudit } from '../audit/record-audit';
import { isForeignKeyViolation } from '../db/errors';
import type { ActorContext, AppDeps } from '../http/context';
import { DomainError, notFound } from '../http/domain-error';

/** A district can go only while nothing refers to it (the database's foreign keys decide). */
export async function removeDistrict(deps: AppDeps, ctx: ActorContext, id: string) {
  const reader = new ScopedReader(deps.database.db, ctx.actor);
  const current = await reader.districts().selectAll().where('id', '=', id).executeTakeFirst();
  if (!current)
    throw notFound({ action: 'district.delete', subjectType: 'district', subjectId: id });
  authorize(
    ctx.actor,
    'municipality.update',
    { municipalityId: current.municipality_id },
    { subjectType: 'district', subjectId: id },
  );
  try {
    await deps.database.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('district').where('id', '=', id).execute();
      await recordAudit(trx, ctx, {
        action: 'district.delete',
        outcome: 'success',
        subjectType: 'district',
        subjectId: id,
        legalBasis: 'administration',
      });
    });
  } catch (error) {
    if (isForeignKeyViolation(error)) throw new DomainError('STILL_IN_USE');
    throw error;
  }
}
