import { changedFields } from '../audit/changed-fields';
import type { ActorContext, AppDeps } from '../http/context';
import { notFound, versionConflict } from '../http/domain-error';
import { auditCase, loadCaseToWork } from './case-access';
import type { DetectionInput } from './schema';

export async function updateDetection(
  deps: AppDeps,
  ctx: ActorContext,
  caseId: string,
  input: DetectionInput & { version: number },
) {
  const { row } = await loadCaseToWork(deps, ctx, caseId, 'detection.update');
  const db = deps.database.db;
  const current = await db
    .selectFrom('detection')
    .selectAll()
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  if (!current)
    throw notFound({ action: 'detection.update', subjectType: 'case', subjectId: caseId });
  if (current.version !== input.version) throw versionConflict(current);
  const columns = {
    detected_on: input.detectedOn,
    source: input.source,
    source_detail: input.sourceDetail,
    signs: input.signs,
    approach_plan: input.approachPlan,
  };
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('detection')
      .set({ ...columns, version: input.version + 1, updated_at: deps.now() })
      .where('case_id', '=', caseId)
      .where('version', '=', input.version)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw versionConflict(current);
    await auditCase(
      trx,
      ctx,
      row,
      'detection.update',
      { type: 'case', id: caseId },
      {
        changed: changedFields(current, columns),
      },
    );
    return updated;
  });
}
