import { authorize } from '../access/authorize';
import { recordAudit } from '../audit/record-audit';
import type { ActorContext, AppDeps } from '../http/context';
import { rethrowDuplicateName } from './duplicate-name';
import { partnerAgencyColumns } from './partner-agency-columns';
import { presentPartnerAgency } from './present';
import type { PartnerAgencyInput } from './schema';

export async function createPartnerAgency(
  deps: AppDeps,
  ctx: ActorContext,
  input: PartnerAgencyInput,
) {
  const municipalityId = ctx.actor.municipalityId;
  authorize(
    ctx.actor,
    'partnerAgency.manage',
    { municipalityId },
    { subjectType: 'partner_agency' },
  );
  try {
    return await deps.database.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('partner_agency')
        .values({ ...partnerAgencyColumns(input, deps.now()), municipality_id: municipalityId })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, {
        action: 'partner_agency.create',
        outcome: 'success',
        subjectType: 'partner_agency',
        subjectId: row.id,
        legalBasis: 'administration',
      });
      return presentPartnerAgency(ctx.actor, row);
    });
  } catch (error) {
    rethrowDuplicateName(error);
  }
}
