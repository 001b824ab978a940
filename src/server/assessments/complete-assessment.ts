import { auditCase } from '../cases/case-access';
import type { ActorContext, AppDeps } from '../http/context';
import { DomainError, versionConflict } from '../http/domain-error';
import { loadAssessment } from './assessment-access';

/** A completed version is kept as it is; later changes make a new version. */
export async function completeAssessment(
  deps: AppDeps,
  ctx: ActorContext,
  caseId: string,
  assessmentId: string,
  input: { version: number },
) {
  const { row, assessment } = await loadAssessment(
    deps,
    ctx,
    caseId,
    assessmentId,
    'assessment.complete',
  );
  if (assessment.status !== 'draft')
    throw new DomainError('TRANSITION_NOT_ALLOWED', {
      details: { status: 'completed', allowedActions: [] },
    });
  const domains = await deps.database.db
    .selectFrom('assessment_domain')
    .select('domain')
    .where('assessment_id', '=', assessmentId)
    .execute();
  if (domains.length === 0) {
    throw new DomainError('VALIDATION_FAILED', {
      fields: [{ path: 'domains', key: 'assessmentEmpty' }],
    });
  }
  return deps.database.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('assessment')
      .set({
        status: 'completed',
        completed_at: deps.now(),
        version: input.version + 1,
        updated_at: deps.now(),
      })
      .where('id', '=', assessmentId)
      .where('version', '=', input.version)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw versionConflict({ id: assessment.id, version: assessment.version });
    await auditCase(trx, ctx, row, 'assessment.complete', { type: 'assessment', id: assessmentId });
    return updated;
  });
}
