import { type LoadedCase, loadCase, loadCaseToWork } from '../cases/case-access';
import type { Assessment } from '../db/schema';
import type { ActorContext, AppDeps } from '../http/context';
import { notFound } from '../http/domain-error';

/** An assessment of a case the actor may work (or, with `read`, see). */
export async function loadAssessment(
  deps: AppDeps,
  ctx: ActorContext,
  caseId: string,
  assessmentId: string,
  action: string,
  mode: 'work' | 'read' = 'work',
): Promise<LoadedCase & { assessment: Assessment }> {
  const loaded =
    mode === 'work'
      ? await loadCaseToWork(deps, ctx, caseId, action)
      : await loadCase(deps, ctx, caseId, action);
  const assessment = await deps.database.db
    .selectFrom('assessment')
    .selectAll()
    .where('id', '=', assessmentId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  if (!assessment) throw notFound({ action, subjectType: 'assessment', subjectId: assessmentId });
  return { ...loaded, assessment };
}
