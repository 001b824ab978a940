import { auditCase } from '../cases/case-access';
import type { ActorContext, AppDeps } from '../http/context';
import { DomainError, versionConflict } from '../http/domain-error';
import { loadAssessment } from './assessment-access';
import type { AssessmentInput } from './schema';

/** Saves the draft of an assessment: the domains sent replace the ones kept. */
export async function saveAssessment(
  deps: AppDeps,
  ctx: ActorContext,
  caseId: string,
  assessmentId: string,
  input: { version: number; assessment: AssessmentInput },
) {
  const { row, assessment } = await loadAssessment(
    deps,
    ctx,
    caseId,
    assessmentId,
    'assessment.update',
  );
  if (assessment.status !== 'draft')
    throw new DomainError('TRANSITION_NOT_ALLOWED', {
      details: { status: 'completed', allowedActions: [] },
    });
  if (assessment.version !== input.version)
    throw versionConflict({ id: assessment.id, version: assessment.version });
  const a = input.assessment;
  return deps.database.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('assessment')
      .set({
        assessed_on: a.assessedOn,
        strengths: a.strengths,
        prognosis: a.prognosis,
        worker_view: a.workerView,
        version: input.version + 1,
        updated_at: deps.now(),
      })
      .where('id', '=', assessmentId)
      .where('version', '=', input.version)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw versionConflict({ id: assessment.id, version: assessment.version });
    await trx.deleteFrom('assessment_domain').where('assessment_id', '=', assessmentId).execute();
    const filled = a.domains.filter(
      (d) => d.situation || d.issues || d.directFactors || d.indirectFactors,
    );
    if (filled.length > 0) {
      await trx
        .insertInto('assessment_domain')
        .values(
          filled.map((d) => ({
            assessment_id: assessmentId,
            municipality_id: row.municipality_id,
            domain: d.domain,
            situation: d.situation,
            issues: d.issues,
            direct_factors: d.directFactors,
            indirect_factors: d.indirectFactors,
            sources: d.sources,
          })),
        )
        .execute();
    }
    await auditCase(
      trx,
      ctx,
      row,
      'assessment.update',
      { type: 'assessment', id: assessmentId },
      {
        domains: filled.map((d) => d.domain),
      },
    );
    return updated;
  });
}
