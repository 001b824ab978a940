import { abilitiesFor, auditCase } from '../cases/case-access';
import type { ActorContext, AppDeps } from '../http/context';
import { forbidden, versionConflict } from '../http/domain-error';
import { loadAssessment } from './assessment-access';

/** 主任相談支援員のコメント: the chief checks the assessment before the meeting. */
export async function reviewAssessment(
  deps: AppDeps,
  ctx: ActorContext,
  caseId: string,
  assessmentId: string,
  input: { version: number; chiefReview: string },
) {
  const loaded = await loadAssessment(deps, ctx, caseId, assessmentId, 'assessment.review', 'read');
  if (!abilitiesFor(ctx, loaded).reviewAssessment) {
    throw forbidden({
      action: 'assessment.review',
      subjectType: 'assessment',
      subjectId: assessmentId,
      personId: loaded.row.person_id,
    });
  }
  const { row, assessment } = loaded;
  if (assessment.version !== input.version)
    throw versionConflict({ id: assessment.id, version: assessment.version });
  return deps.database.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('assessment')
      .set({
        chief_review: input.chiefReview,
        reviewed_by: ctx.actor.userId,
        reviewed_at: deps.now(),
        version: input.version + 1,
        updated_at: deps.now(),
      })
      .where('id', '=', assessmentId)
      .where('version', '=', input.version)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw versionConflict({ id: assessment.id, version: assessment.version });
    await auditCase(trx, ctx, row, 'assessment.review', { type: 'assessment', id: assessmentId });
    return updated;
  });
}
