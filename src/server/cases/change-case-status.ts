import type { Kysely } from 'kysely';
import { activeConsents } from '../../domain/cases/consent';
import { todayInJapan } from '../../domain/text/wareki';
import { consentRecordsOf } from '../consent/consent-records';
import type { Database, SupportCase } from '../db/schema';
import type { ActorContext, AppDeps } from '../http/context';
import { DomainError, fieldError } from '../http/domain-error';
import { loadCaseToWork } from './case-access';
import type { SimpleAction } from './schema';
import { transitionCase } from './transition';

/**
 * What must be true before a status change that carries no record of its own. The transition
 * table says whether the move exists at all; these say whether the case is ready for it.
 */
const guards: Partial<
  Record<
    SimpleAction,
    (db: Kysely<Database>, kase: SupportCase, today: string, reason: string | null) => Promise<void>
  >
> = {
  async start_assessment(db, kase, today) {
    const records = await consentRecordsOf(db, kase.id);
    if (activeConsents(records, today).length === 0) throw new DomainError('CONSENT_REQUIRED');
  },
  async start_evaluation(db, kase) {
    const active = await db
      .selectFrom('plan')
      .select('id')
      .where('case_id', '=', kase.id)
      .where('status', '=', 'active')
      .executeTakeFirst();
    if (!active) throw new DomainError('PLAN_REQUIRED');
  },
  async start_follow_up(db, kase) {
    const closure = await db
      .selectFrom('case_closure')
      .select('follow_up')
      .where('case_id', '=', kase.id)
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
    if (!closure?.follow_up) throw fieldError('reason', 'followUpNotAgreed');
  },
  async reopen(_db, _kase, _today, reason) {
    if (!reason) throw fieldError('reason', 'required');
  },
};

/** A status change with only a reason: start assessment, monitoring, evaluation, follow-up, close, reopen. */
export async function changeCaseStatus(
  deps: AppDeps,
  ctx: ActorContext,
  caseId: string,
  input: { version: number; action: SimpleAction; reason: string | null },
) {
  const { row } = await loadCaseToWork(deps, ctx, caseId, `case.${input.action}`);
  const db = deps.database.db;
  const now = deps.now();
  const today = todayInJapan(now);
  await guards[input.action]?.(db, row, today, input.reason);
  return db.transaction().execute((trx) =>
    transitionCase(trx, ctx, row, input.action, {
      now,
      version: input.version,
      reason: input.reason,
      changes:
        input.action === 'close'
          ? { closed_on: today }
          : input.action === 'reopen'
            ? { closed_on: null }
            : {},
    }),
  );
}
