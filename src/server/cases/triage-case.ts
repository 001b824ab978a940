import { todayInJapan } from '../../domain/text/wareki';
import type { ActorContext, AppDeps } from '../http/context';
import { notFound } from '../http/domain-error';
import { checkReferral, insertReferral, type NewReferral } from '../referrals/insert-referral';
import { loadCaseToWork } from './case-access';
import type { TriageInput } from './schema';
import { assertTransition, transitionCase } from './transition';

const actionOf = {
  continue: 'triage_continue',
  refer_out: 'triage_refer_out',
  info_only: 'triage_info_only',
} as const;

/**
 * 振り分け: continue here, refer out (tracked until the person is known to have arrived — no
 * たらい回し), or information only. All three count as 新規相談.
 */
export async function triageCase(
  deps: AppDeps,
  ctx: ActorContext,
  caseId: string,
  input: TriageInput,
) {
  const { row } = await loadCaseToWork(deps, ctx, caseId, 'case.triage');
  assertTransition(row, actionOf[input.outcome]);
  const db = deps.database.db;
  const now = deps.now();
  const today = todayInJapan(now);
  const intake = await db
    .selectFrom('intake')
    .select('case_id')
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  if (!intake) throw notFound({ action: 'case.triage', subjectType: 'case', subjectId: caseId });
  // The referral of a refer-out goes through the same checks and insert as any other (つなぎ).
  const referral: NewReferral | null =
    input.outcome === 'refer_out' && input.referral
      ? {
          partnerAgencyId: input.referral.partnerAgencyId,
          destinationName: input.referral.destinationName,
          reason: input.referral.reason,
          handOverSummary: null,
          attachmentIds: [],
          accompanied: input.referral.accompanied,
          toPublicAssistance: input.referral.toPublicAssistance,
          referredOn: today,
          dueOn: null,
          followUpOn: input.referral.followUpOn,
        }
      : null;
  const checked = referral ? await checkReferral(db, row, referral, today, 'referral.') : null;
  return db.transaction().execute(async (trx) => {
    const updated = await transitionCase(trx, ctx, row, actionOf[input.outcome], {
      now,
      version: input.version,
      reason: input.note,
      changes: input.outcome === 'info_only' ? { closed_on: today } : {},
    });
    await trx
      .updateTable('intake')
      .set({
        triage_outcome: input.outcome,
        triaged_on: today,
        triaged_by: ctx.actor.userId,
        triage_note: input.note,
        version: (eb) => eb('version', '+', 1),
      })
      .where('case_id', '=', caseId)
      .execute();
    if (referral && checked) await insertReferral(trx, ctx, row, referral, checked, now);
    return updated;
  });
}
