import { todayInJapan } from '../../domain/text/wareki';
import { auditCase, loadCaseToWork } from '../cases/case-access';
import { changeCaseStatus } from '../cases/change-case-status';
import type { ActorContext, AppDeps } from '../http/context';
import { DomainError } from '../http/domain-error';

/**
 * A new version of the インテーク・アセスメントシート. It starts from the last version, so a
 * re-assessment changes only what changed; the first one also moves an applied case to
 * アセスメント中 (which needs the person's consent).
 */
export async function startAssessment(
  deps: AppDeps,
  ctx: ActorContext,
  caseId: string,
  input: { caseVersion: number },
) {
  let { row } = await loadCaseToWork(deps, ctx, caseId, 'assessment.create');
  if (row.status === 'applied' || row.status === 'reopened') {
    row = await changeCaseStatus(deps, ctx, caseId, {
      version: input.caseVersion,
      action: 'start_assessment',
      reason: null,
    });
  }
  const ended = [
    'detected',
    'intake',
    'referred_out',
    'info_only',
    'continuing',
    'terminated',
    'interrupted',
    'closed',
  ];
  if (ended.includes(row.status)) {
    throw new DomainError('TRANSITION_NOT_ALLOWED', {
      details: { status: row.status, allowedActions: [] },
    });
  }
  const db = deps.database.db;
  return db.transaction().execute(async (trx) => {
    const last = await trx
      .selectFrom('assessment')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('version_no', 'desc')
      .executeTakeFirst();
    if (last?.status === 'draft') return last;
    const created = await trx
      .insertInto('assessment')
      .values({
        municipality_id: row.municipality_id,
        case_id: caseId,
        version_no: (last?.version_no ?? 0) + 1,
        assessed_on: todayInJapan(deps.now()),
        author_id: ctx.actor.userId,
        strengths: last?.strengths ?? null,
        prognosis: last?.prognosis ?? null,
        worker_view: last?.worker_view ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (last) {
      const domains = await trx
        .selectFrom('assessment_domain')
        .selectAll()
        .where('assessment_id', '=', last.id)
        .execute();
      if (domains.length > 0) {
        await trx
          .insertInto('assessment_domain')
          .values(domains.map((d) => ({ ...d, assessment_id: created.id })))
          .execute();
      }
    }
    await auditCase(
      trx,
      ctx,
      row,
      'assessment.create',
      { type: 'assessment', id: created.id },
      {
        versionNo: created.version_no,
      },
    );
    return created;
  });
}
