import { canReferFrom } from '../../domain/referrals/referral-status';
import { todayInJapan } from '../../domain/text/wareki';
import { loadCaseToWork } from '../cases/case-access';
import type { ActorContext, AppDeps } from '../http/context';
import { DomainError } from '../http/domain-error';
import { checkReferral, insertReferral } from './insert-referral';
import type { ReferralInput } from './schema';

/**
 * つなぎ during support: the worker refers the person to another agency (with a hand-over within
 * consent) while the case stays theirs. The case's status does not change; a referral at the
 * triage goes through the triage (cases/triage-case.ts) and the same insert.
 */
export async function createReferral(
  deps: AppDeps,
  ctx: ActorContext,
  caseId: string,
  input: ReferralInput,
) {
  const { row } = await loadCaseToWork(deps, ctx, caseId, 'referral.create');
  if (!canReferFrom(row.status)) {
    throw new DomainError('TRANSITION_NOT_ALLOWED', {
      details: { status: row.status, action: 'refer' },
    });
  }
  const db = deps.database.db;
  const now = deps.now();
  const today = todayInJapan(now);
  const referral = { ...input, referredOn: input.referredOn ?? today };
  const checked = await checkReferral(db, row, referral, today);
  return db.transaction().execute((trx) => insertReferral(trx, ctx, row, referral, checked, now));
}
