import { authorize } from '../access/authorize';
import { recordAudit } from '../audit/record-audit';
import type { ActorContext, AppDeps } from '../http/context';
import { rethrowDuplicateName } from './duplicate-name';
import { presentDistrict } from './present';
import type { DistrictInput } from './schema';

export async function addDistrict(deps: AppDeps, ctx: ActorContext, input: DistrictInput) {
  const municipalityId = ctx.actor.municipalityId;
  authorize(ctx.actor, 'municipality.update', { municipalityId }, { subjectType: 'district' });
  try {
    return await deps.database.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('district')
        .values({
          municipality_id: municipalityId,
          name: input.name,
          name_kana: input.nameKana,
          sort_order: input.sortOrder,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, {
        action: 'district.create',
        outcome: 'success',
        subjectType: 'district',
        subjectId: row.id,
        legalBasis: 'administration',
      });
      return presentDistrict(row);
    });
  } catch (error) {
    rethrowDuplicateName(error);
  }
}
