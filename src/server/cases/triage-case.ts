import { todayInJapan } from '../../domain/text/wareki';
import type { ActorContext, AppDeps } from '../http/context';
import { fieldError, notFound } from '../http/domain-error';
import { auditCase, loadCaseToWork } from './case-access';
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
  const referral = input.referral;
  if (referral?.partnerAgencyId) {
    const partner = await db
      .selectFrom('partner_agency')
      .select('id')
      .where('id', '=', referral.partnerAgencyId)
      .where('municipality_id', '=', row.municipality_id)
      .executeTakeFirst();
    if (!partner) throw fieldError('referral.partnerAgencyId', 'unknownReference');
  }
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
    if (input.outcome === 'refer_out' && referral) {
      const created = await trx
        .insertInto('referral')
        .values({
          municipality_id: row.municipality_id,
          case_id: caseId,
          partner_agency_id: referral.partnerAgencyId,
          destination_name: referral.destinationName,
          reason: referral.reason,
          accompanied: referral.accompanied,
          to_public_assistance: referral.toPublicAssistance,
          referred_on: today,
          follow_up_on: referral.followUpOn,
          created_by: ctx.actor.userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await auditCase(
        trx,
        ctx,
        row,
        'referral.create',
        { type: 'referral', id: created.id },
        {
          toPublicAssistance: referral.toPublicAssistance,
        },
      );
    }
    return updated;
  });
}
