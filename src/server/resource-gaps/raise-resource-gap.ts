import { authorize } from '../access/authorize';
import { ScopedReader } from '../access/scoped-reader';
import { recordAudit } from '../audit/record-audit';
import type { ActorContext, AppDeps } from '../http/context';
import { fieldError } from '../http/domain-error';
import { getResourceGap } from './get-resource-gap';
import type { RaiseResourceGapInput } from './schema';

/**
 * A gap raised by hand (not in a meeting): what is missing, and the cases it affects — only cases
 * the actor may see. Linking cases is writing about people: the audit row names them.
 */
export async function raiseResourceGap(
  deps: AppDeps,
  ctx: ActorContext,
  input: RaiseResourceGapInput,
) {
  const municipalityId = ctx.actor.municipalityId;
  authorize(ctx.actor, 'resourceGap.manage', { municipalityId }, { subjectType: 'resource_gap' });
  const db = deps.database.db;
  const cases =
    input.caseIds.length > 0
      ? await new ScopedReader(db, ctx.actor)
          .cases()
          .select(['support_case.id', 'support_case.person_id'])
          .where('support_case.id', 'in', input.caseIds)
          .execute()
      : [];
  const visible = new Set(cases.map((c) => c.id));
  const missing = input.caseIds.findIndex((id) => !visible.has(id));
  if (missing >= 0) throw fieldError(`caseIds.${missing}`, 'unknownReference');
  const now = deps.now();
  const id = await db.transaction().execute(async (trx) => {
    const gap = await trx
      .insertInto('resource_gap')
      .values({
        municipality_id: municipalityId,
        description: input.description,
        raised_by: ctx.actor.userId,
        status_changed_at: now,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (cases.length > 0) {
      await trx
        .insertInto('resource_gap_case')
        .values(
          cases.map((c) => ({ gap_id: gap.id, municipality_id: municipalityId, case_id: c.id })),
        )
        .execute();
    }
    await recordAudit(trx, ctx, {
      action: 'resource_gap.raise',
      outcome: 'success',
      subjectType: 'resource_gap',
      subjectId: gap.id,
      ...(cases.length > 0
        ? { personIds: cases.map((c) => c.person_id), legalBasis: 'own_case' as const }
        : { legalBasis: 'administration' as const }),
      detail: { cases: cases.length },
    });
    return gap.id;
  });
  return getResourceGap(deps, ctx, id, { audit: false });
}
