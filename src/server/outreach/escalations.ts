import { ScopedReader } from '../access/scoped-reader';
import { auditCase, correctCaseRecord, loadCaseToWork } from '../cases/case-access';
import type { ActorContext, AppDeps } from '../http/context';
import { fieldError } from '../http/domain-error';
import type { EscalationInput } from './schema';

function columns(input: EscalationInput) {
  return {
    observed_at: input.observedAt,
    observed: input.observed,
    escalated_to: input.escalatedTo,
    partner_agency_id: input.partnerAgencyId,
    escalated_to_name: input.escalatedToName,
    escalated_at: input.escalatedAt,
    response: input.response,
    contact_record_id: input.attemptId,
  };
}

/** The attempt must be one of this case's records, the agency one of the municipality's. */
async function assertReferences(
  deps: AppDeps,
  ctx: ActorContext,
  caseId: string,
  input: EscalationInput,
) {
  const db = deps.database.db;
  if (input.attemptId) {
    const found = await db
      .selectFrom('contact_record')
      .select('id')
      .where('id', '=', input.attemptId)
      .where('case_id', '=', caseId)
      .executeTakeFirst();
    if (!found) throw fieldError('attemptId', 'unknownReference');
  }
  if (input.partnerAgencyId) {
    const found = await new ScopedReader(db, ctx.actor)
      .partnerAgencies()
      .select('partner_agency.id')
      .where('partner_agency.id', '=', input.partnerAgencyId)
      .executeTakeFirst();
    if (!found) throw fieldError('partnerAgencyId', 'unknownReference');
  }
}

/**
 * 緊急時の対応: what was seen while reaching out (someone who has not eaten for days, a fall, a
 * threat to life), to whom it was passed on — police, ambulance, 保健センター, 生活保護 — and when.
 * The person's consent is not asked for here: a life comes first (個人情報保護法第27条第1項第2号).
 */
export async function recordEscalation(
  deps: AppDeps,
  ctx: ActorContext,
  caseId: string,
  input: EscalationInput,
) {
  const { row } = await loadCaseToWork(deps, ctx, caseId, 'outreach_escalation.create');
  await assertReferences(deps, ctx, caseId, input);
  return deps.database.db.transaction().execute(async (trx) => {
    const created = await trx
      .insertInto('outreach_escalation')
      .values({
        ...columns(input),
        case_id: caseId,
        municipality_id: row.municipality_id,
        recorded_by: ctx.actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await auditCase(
      trx,
      ctx,
      row,
      'outreach_escalation.create',
      { type: 'outreach_escalation', id: created.id },
      { escalatedTo: input.escalatedTo, partnerAgencyId: input.partnerAgencyId },
    );
    return created;
  });
}

export async function updateEscalation(
  deps: AppDeps,
  ctx: ActorContext,
  caseId: string,
  id: string,
  input: { version: number; escalation: EscalationInput },
) {
  return correctCaseRecord(deps, ctx, caseId, {
    action: 'outreach_escalation.update',
    subject: { type: 'outreach_escalation', id },
    version: input.version,
    load: async (db) => {
      await assertReferences(deps, ctx, caseId, input.escalation);
      return db
        .selectFrom('outreach_escalation')
        .selectAll()
        .where('id', '=', id)
        .where('case_id', '=', caseId)
        .executeTakeFirst();
    },
    changes: () => columns(input.escalation),
    write: (trx, changes, stamp) =>
      trx
        .updateTable('outreach_escalation')
        .set({ ...(changes as ReturnType<typeof columns>), ...stamp })
        .where('id', '=', id)
        .where('version', '=', input.version)
        .returningAll()
        .executeTakeFirst(),
  });
}
