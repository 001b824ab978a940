import type { StatutoryProgramme } from '../../domain/cases/vocabulary';
import { abilitiesFor, auditCase } from '../cases/case-access';
import { transitionCase } from '../cases/transition';
import type { ActorContext, AppDeps } from '../http/context';
import { DomainError, forbidden } from '../http/domain-error';
import { getPlan } from './get-plan';
import { loadPlan, stepPlan } from './plan-access';

/**
 * 支援決定・確認: the municipality decides the statutory services in the adopted plan, or, where
 * it has none, only confirms. Only a 自治体担当者 records it; a commissioned agency cannot.
 */
export async function decideSupport(
  deps: AppDeps,
  ctx: ActorContext,
  caseId: string,
  planId: string,
  input: {
    version: number;
    caseVersion: number;
    kind: 'decision' | 'confirmation';
    decidedOn: string;
    programmesDecided: StatutoryProgramme[];
    note: string | null;
  },
) {
  const loaded = await loadPlan(deps, ctx, caseId, planId, 'support_decision.create', 'read');
  if (!abilitiesFor(ctx, loaded).decideSupport) {
    throw forbidden({
      action: 'support_decision.create',
      subjectType: 'plan',
      subjectId: planId,
      personId: loaded.row.person_id,
    });
  }
  const { row, plan } = loaded;
  const db = deps.database.db;
  const existing = await db
    .selectFrom('support_decision')
    .select('id')
    .where('plan_id', '=', planId)
    .executeTakeFirst();
  if (existing) throw new DomainError('SUPPORT_DECISION_EXISTS');
  await db.transaction().execute(async (trx) => {
    await stepPlan(trx, ctx, row, plan, 'decide', { now: deps.now(), version: input.version });
    const decision = await trx
      .insertInto('support_decision')
      .values({
        municipality_id: row.municipality_id,
        plan_id: planId,
        case_id: caseId,
        kind: input.kind,
        decided_on: input.decidedOn,
        decided_by: ctx.actor.userId,
        programmes_decided: input.kind === 'decision' ? input.programmesDecided : [],
        note: input.note,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await auditCase(
      trx,
      ctx,
      row,
      'support_decision.create',
      { type: 'support_decision', id: decision.id },
      {
        kind: input.kind,
        programmes: input.programmesDecided,
      },
    );
    if (plan.revision === 0) {
      await transitionCase(trx, ctx, row, 'decide_support', {
        now: deps.now(),
        version: input.caseVersion,
      });
    }
  });
  return getPlan(deps, ctx, caseId, planId, { audit: false });
}
