import { missingAttemptsForInterruption } from '../../domain/cases/interruption';
import { transact } from '../db/transact';
import type { ActorContext, AppDeps } from '../http/context';
import { DomainError, fieldError } from '../http/domain-error';
import { auditCase, loadCaseToWork } from './case-access';
import type { ClosureInput } from './schema';
import { assertTransition, transitionCase } from './transition';

/**
 * 終結 or 中断 (DOMAIN.md §3 step 13), with the follow-up agreed with the meeting and the person:
 * who, how, until when. An interruption needs recorded attempts to reach the person first.
 */
export async function closeCase(
  deps: AppDeps,
  ctx: ActorContext,
  caseId: string,
  input: ClosureInput,
) {
  const { row } = await loadCaseToWork(
    deps,
    ctx,
    caseId,
    `case.${input.kind === 'termination' ? 'terminate' : 'interrupt'}`,
  );
  assertTransition(row, input.kind === 'termination' ? 'terminate' : 'interrupt');
  const db = deps.database.db;
  if (input.kind === 'interruption') {
    const contacts = await db
      .selectFrom('contact_record')
      .select(['mode', 'occurred_at', 'reached'])
      .where('case_id', '=', caseId)
      .execute();
    const missing = missingAttemptsForInterruption(
      contacts.map((c) => ({
        mode: c.mode,
        occurredAt: c.occurred_at.toISOString(),
        reached: c.reached,
      })),
    );
    if (missing.length > 0)
      throw new DomainError('INTERRUPTION_NEEDS_ATTEMPTS', { details: { missing } });
  }
  if (input.kind === 'termination' && row.status === 'evaluation') {
    // At プラン評価, the evaluation sheet comes first: it is where termination is decided.
    const evaluated = await db
      .selectFrom('evaluation')
      .select('id')
      .where('case_id', '=', caseId)
      .where('decision', '=', 'terminate')
      .where('created_at', '>=', row.status_changed_at)
      .executeTakeFirst();
    if (!evaluated) throw new DomainError('EVALUATION_REQUIRED');
  }
  if (input.followUp && input.followUpBy) {
    const worker = await db
      .selectFrom('app_user')
      .select('id')
      .where('id', '=', input.followUpBy)
      .where('municipality_id', '=', row.municipality_id)
      .where('disabled_at', 'is', null)
      .executeTakeFirst();
    if (!worker) throw fieldError('followUpBy', 'unknownReference');
  }
  return transact(db, async (trx) => {
    const updated = await transitionCase(
      trx,
      ctx,
      row,
      input.kind === 'termination' ? 'terminate' : 'interrupt',
      {
        now: deps.now(),
        version: input.version,
        reason: input.reasonDetail,
        changes: { closed_on: input.decidedOn },
      },
    );
    const closure = await trx
      .insertInto('case_closure')
      .values({
        municipality_id: row.municipality_id,
        case_id: caseId,
        kind: input.kind,
        decided_on: input.decidedOn,
        reason: input.kind === 'interruption' ? 'contact_lost' : input.reason,
        reason_detail: input.reasonDetail,
        meeting_note: input.meetingNote,
        follow_up: input.followUp,
        follow_up_by: input.followUp ? input.followUpBy : null,
        follow_up_method: input.followUp ? input.followUpMethod : null,
        follow_up_until: input.followUp ? input.followUpUntil : null,
        recorded_by: ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // An open plan ends with the case.
    await trx
      .updateTable('plan')
      .set({ status: 'closed', updated_at: deps.now() })
      .where('case_id', '=', caseId)
      .where('status', 'in', ['draft', 'under_review', 'adopted', 'decided', 'active', 'evaluated'])
      .execute();
    await auditCase(
      trx,
      ctx,
      row,
      `case.${input.kind}`,
      { type: 'case_closure', id: closure.id },
      {
        reason: input.reason,
        followUp: input.followUp,
      },
    );
    return updated;
  });
}
