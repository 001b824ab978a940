import { authorize } from '../access/authorize';
import { transact } from '../db/transact';
import type { ActorContext, AppDeps } from '../http/context';
import type { PersonInput } from '../persons/schema';
import { auditCase } from './case-access';
import { openCase } from './new-case';
import type { DetectionInput } from './schema';

/** 把握・アウトリーチ: a lead about someone who has not come by themselves. */
export async function openDetection(
  deps: AppDeps,
  ctx: ActorContext,
  input: { person: PersonInput; detection: DetectionInput },
) {
  authorize(
    ctx.actor,
    'case.create',
    { municipalityId: ctx.actor.municipalityId },
    { subjectType: 'case' },
  );
  // Joins the caller's transaction when there is one (a community issue passed on as a lead).
  return transact(deps.database.db, async (trx) => {
    const kase = await openCase(trx, ctx, {
      personId: null,
      person: input.person,
      status: 'detected',
      openedOn: input.detection.detectedOn,
      intakeOn: null,
      now: deps.now(),
    });
    const d = input.detection;
    await trx
      .insertInto('detection')
      .values({
        case_id: kase.id,
        municipality_id: kase.municipality_id,
        detected_on: d.detectedOn,
        source: d.source,
        source_detail: d.sourceDetail,
        signs: d.signs,
        approach_plan: d.approachPlan,
      })
      .execute();
    await auditCase(trx, ctx, kase, 'detection.create', { type: 'case', id: kase.id });
    return kase;
  });
}
