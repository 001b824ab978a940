import type { Kysely } from 'kysely';
import { allowedCaseActions, type CaseAction, nextStatus } from '../../domain/cases/case-status';
import type { Database, SupportCase, SupportCaseTable } from '../db/schema';
import type { ActorContext } from '../http/context';
import { DomainError, versionConflict } from '../http/domain-error';
import { auditCase } from './case-access';

type CaseChanges = Partial<Pick<SupportCaseTable, 'intake_on' | 'closed_on' | 'district_id'>>;

/** The status an action leads to from the case's status, or 409 with the actions allowed there. */
export function assertTransition(kase: Pick<SupportCase, 'status'>, action: CaseAction) {
  const to = nextStatus(kase.status, action);
  if (!to) {
    throw new DomainError('TRANSITION_NOT_ALLOWED', {
      details: { status: kase.status, action, allowedActions: allowedCaseActions(kase.status) },
    });
  }
  return to;
}

/**
 * The one way a case changes status: the transition table decides (an illegal move answers 409
 * with the actions allowed from here), the case must still be at the version the caller saw, and
 * the change, its history row and its audit row are written in the caller's transaction.
 */
export async function transitionCase(
  trx: Kysely<Database>,
  ctx: ActorContext,
  kase: SupportCase,
  action: CaseAction,
  options: { now: Date; version?: number; reason?: string | null; changes?: CaseChanges },
): Promise<SupportCase> {
  const to = assertTransition(kase, action);
  const expected = options.version ?? kase.version;
  const updated = await trx
    .updateTable('support_case')
    .set({
      ...options.changes,
      status: to,
      status_changed_at: options.now,
      version: expected + 1,
      updated_at: options.now,
    })
    .where('id', '=', kase.id)
    .where('version', '=', expected)
    .returningAll()
    .executeTakeFirst();
  if (!updated) throw versionConflict({ id: kase.id, status: kase.status, version: kase.version });
  await trx
    .insertInto('case_transition')
    .values({
      case_id: kase.id,
      municipality_id: kase.municipality_id,
      from_status: kase.status,
      to_status: to,
      action,
      actor_user_id: ctx.actor.userId,
      reason: options.reason ?? null,
      occurred_at: options.now,
    })
    .execute();
  await auditCase(
    trx,
    ctx,
    kase,
    'case.transition',
    { type: 'case', id: kase.id },
    {
      action,
      from: kase.status,
      to,
    },
  );
  return updated;
}
