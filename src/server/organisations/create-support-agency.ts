import { authorize } from '../access/authorize';
import { recordAudit } from '../audit/record-audit';
import type { ActorContext, AppDeps } from '../http/context';
import { rethrowDuplicateName } from './duplicate-name';
import { getSupportAgency } from './get-support-agency';
import { saveAgencySites } from './save-agency-sites';
import type { SupportAgencyInput } from './schema';
import { supportAgencyColumns } from './support-agency-columns';

export async function createSupportAgency(
  deps: AppDeps,
  ctx: ActorContext,
  input: SupportAgencyInput,
) {
  const municipalityId = ctx.actor.municipalityId;
  authorize(
    ctx.actor,
    'supportAgency.manage',
    { municipalityId },
    { subjectType: 'support_agency' },
  );
  try {
    const id = await deps.database.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('support_agency')
        .values({ ...supportAgencyColumns(input, deps.now()), municipality_id: municipalityId })
        .returning(['id', 'municipality_id'])
        .executeTakeFirstOrThrow();
      await saveAgencySites(trx, row, input.sites);
      await recordAudit(trx, ctx, {
        action: 'support_agency.create',
        outcome: 'success',
        subjectType: 'support_agency',
        subjectId: row.id,
        legalBasis: 'administration',
      });
      return row.id;
    });
    return getSupportAgency(deps, ctx, id);
  } catch (error) {
    rethrowDuplicateName(error);
  }
}
