import type { ActorContext, AppDeps } from '../http/context';
import { fieldError } from '../http/domain-error';
import { auditCase, correctCaseRecord, loadCaseToWork } from './case-access';
import type { ContactInput } from './schema';

function columns(input: ContactInput, taxInformation: boolean) {
  return {
    occurred_at: input.occurredAt,
    mode: input.mode,
    summary: input.summary,
    place: input.place,
    participants: input.participants,
    reached: input.reached,
    person_state: input.personState,
    judgement: input.judgement,
    next_step: input.nextStep,
    plan_service_id: input.planServiceId,
    tax_information: input.taxInformation ?? taxInformation,
  };
}

async function assertServiceOfCase(deps: AppDeps, caseId: string, serviceId: string | null) {
  if (!serviceId) return;
  const found = await deps.database.db
    .selectFrom('plan_service')
    .innerJoin('plan', 'plan.id', 'plan_service.plan_id')
    .select('plan_service.id')
    .where('plan_service.id', '=', serviceId)
    .where('plan.case_id', '=', caseId)
    .executeTakeFirst();
  if (!found) throw fieldError('planServiceId', 'unknownReference');
}

/**
 * 支援経過記録: one contact, quick to enter — the time, the way (面談/電話/訪問 …) and what
 * happened are enough; the rest is there when there is more to say. An attempt that did not reach
 * the person is recorded too (reached = false): an interruption needs them.
 */
export async function recordContact(
  deps: AppDeps,
  ctx: ActorContext,
  caseId: string,
  input: ContactInput,
) {
  const { row } = await loadCaseToWork(deps, ctx, caseId, 'contact.create');
  await assertServiceOfCase(deps, caseId, input.planServiceId);
  return deps.database.db.transaction().execute(async (trx) => {
    const created = await trx
      .insertInto('contact_record')
      .values({
        ...columns(input, false),
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
      'contact.create',
      { type: 'contact_record', id: created.id },
      {
        mode: input.mode,
      },
    );
    return created;
  });
}

export async function updateContact(
  deps: AppDeps,
  ctx: ActorContext,
  caseId: string,
  id: string,
  input: { version: number; contact: ContactInput },
) {
  return correctCaseRecord(deps, ctx, caseId, {
    action: 'contact.update',
    subject: { type: 'contact_record', id },
    version: input.version,
    load: async (db) => {
      await assertServiceOfCase(deps, caseId, input.contact.planServiceId);
      return db
        .selectFrom('contact_record')
        .selectAll()
        .where('id', '=', id)
        .where('case_id', '=', caseId)
        .executeTakeFirst();
    },
    changes: (current) => {
      const changes = columns(input.contact, current.tax_information);
      if (current.outreach_channel) {
        // An outreach attempt's mode and answer follow its channel and outcome (outreach/): the
        // outreach tab changes them, not this form.
        changes.mode = current.mode;
        changes.reached = current.reached;
      }
      return changes;
    },
    write: (trx, changes, stamp) =>
      trx
        .updateTable('contact_record')
        .set({ ...(changes as ReturnType<typeof columns>), ...stamp })
        .where('id', '=', id)
        .where('version', '=', input.version)
        .returningAll()
        .executeTakeFirst(),
  });
}
