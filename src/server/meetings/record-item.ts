import type { Kysely } from 'kysely';
import { decisionsFor, itemDecisionLabels } from '../../domain/meetings/agenda';
import { meetingTypeRules } from '../../domain/meetings/meeting-types';
import { can } from '../../domain/policies/can';
import { ScopedReader } from '../access/scoped-reader';
import { recordAudit } from '../audit/record-audit';
import { closeCase } from '../cases/close-case';
import type { Database } from '../db/schema';
import type { ActorContext, AppDeps } from '../http/context';
import { DomainError, fieldError, forbidden, versionConflict } from '../http/domain-error';
import { reviewPlan } from '../plans/review-plan';
import { loadItem } from './meeting-access';
import type { ItemRecordInput } from './schema';

/**
 * What a meeting said and decided about one case: the discussion, the three plan checks, whether
 * the person attended, the decision, homework (each a task on its owner's home page) and the
 * social resources found missing. A decision moves the case through the same use cases as the
 * case page — an adopted plan waits for the municipality's support decision, an approved
 * termination terminates — all in one transaction with the record of the meeting.
 */
export async function recordItem(
  deps: AppDeps,
  ctx: ActorContext,
  meetingId: string,
  itemId: string,
  input: ItemRecordInput,
) {
  const loaded = await loadItem(deps, ctx, meetingId, itemId, 'meeting_item.record');
  const { item, meeting } = loaded;
  if (!can(ctx.actor, 'meeting.record', { municipalityId: meeting.municipality_id }))
    throw forbidden({
      action: 'meeting_item.record',
      subjectType: 'meeting_item',
      subjectId: itemId,
    });
  if (item.version !== input.version) throw versionConflict({ version: item.version });
  if (item.decision && input.decision !== item.decision)
    throw new DomainError('ITEM_ALREADY_DECIDED');
  const deciding = input.decision !== null && item.decision === null;
  const db = deps.database.db;
  const body = loaded.bodies.find((b) => b.id === item.series_id) ?? loaded.series;
  if (input.decision && !decisionsFor[item.kind].includes(input.decision))
    throw fieldError('decision', 'decisionNotForItem');
  if (deciding && input.decision === 'termination_approved' && !input.closure?.reason)
    throw fieldError('closure.reason', 'choose');
  if (deciding && input.closure?.followUp && !input.closure.followUpBy)
    throw fieldError('closure.followUpBy', 'choose');
  if (deciding && meetingTypeRules[body.type].municipalOfficerRequired) {
    const officer = await db
      .selectFrom('meeting_attendee')
      .select('id')
      .where('meeting_id', '=', meetingId)
      .where('municipal', '=', true)
      .where('present', '=', true)
      .executeTakeFirst();
    if (!officer) throw new DomainError('MUNICIPAL_OFFICER_REQUIRED');
  }
  const reader = new ScopedReader(db, ctx.actor);
  for (const [i, h] of input.homework.entries()) {
    const owner = await reader.users().select('id').where('id', '=', h.ownerId).executeTakeFirst();
    if (!owner) throw fieldError(`homework.${i}.ownerId`, 'unknownReference');
  }
  const kase = await db
    .selectFrom('support_case')
    .select(['id', 'person_id', 'version'])
    .where('id', '=', item.case_id)
    .executeTakeFirstOrThrow();
  const now = deps.now();
  const note = `${body.name}（${meeting.held_on}）：${input.decision ? itemDecisionLabels[input.decision].ja : ''}${input.decisionNote ? ` ${input.decisionNote}` : ''}`;

  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('meeting_item')
      .set({
        discussion: input.discussion,
        check_fits: input.checkFits,
        check_addresses: input.checkAddresses,
        check_motivates: input.checkMotivates,
        person_attended: input.personAttended,
        decision: input.decision,
        decision_note: input.decisionNote,
        decided_at: input.decision ? (item.decided_at ?? now) : null,
        decided_by: input.decision ? (item.decided_by ?? ctx.actor.userId) : null,
        version: input.version + 1,
        updated_at: now,
      })
      .where('id', '=', itemId)
      .where('version', '=', input.version)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw versionConflict({ version: item.version });

    if (deciding && meetingTypeRules[body.type].decidesPlans) {
      await moveCase(
        trx,
        deps,
        ctx,
        { ...item, decision: input.decision },
        {
          caseVersion: kase.version,
          on: meeting.held_on,
          note,
          closure: input.closure,
        },
      );
    }
    if (input.homework.length > 0) {
      await trx
        .insertInto('task')
        .values(
          input.homework.map((h) => ({
            municipality_id: meeting.municipality_id,
            owner_id: h.ownerId,
            case_id: item.case_id,
            meeting_item_id: itemId,
            description: h.description,
            due_on: h.dueOn,
            created_by: ctx.actor.userId,
          })),
        )
        .execute();
    }
    for (const gap of input.resourceGaps) {
      const created = await trx
        .insertInto('resource_gap')
        .values({
          municipality_id: meeting.municipality_id,
          description: gap.description,
          meeting_item_id: itemId,
          raised_by: ctx.actor.userId,
          created_at: now,
          updated_at: now,
          status_changed_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('resource_gap_case')
        .values({
          gap_id: created.id,
          municipality_id: meeting.municipality_id,
          case_id: item.case_id,
        })
        .execute();
    }
    await recordAudit(trx, ctx, {
      action: 'meeting_item.record',
      outcome: 'success',
      subjectType: 'meeting_item',
      subjectId: itemId,
      personId: kase.person_id,
      legalBasis: loaded.access.allowed ? loaded.access.basis : 'own_case',
      legalBasisRef: meetingId,
      detail: {
        decision: input.decision,
        homework: input.homework.length,
        resourceGaps: input.resourceGaps.length,
      },
    });
    return { id: row.id, version: row.version, decision: row.decision };
  });
}

/** The decision's effect on the case, through the plan and case use cases, in the caller's transaction. */
async function moveCase(
  trx: Kysely<Database>,
  deps: AppDeps,
  ctx: ActorContext,
  item: { case_id: string; plan_id: string | null; decision: ItemRecordInput['decision'] },
  context: {
    caseVersion: number;
    on: string;
    note: string;
    closure: ItemRecordInput['closure'];
  },
) {
  const inTrx: AppDeps = { ...deps, database: { ...deps.database, db: trx } };
  const plan = item.plan_id
    ? await trx
        .selectFrom('plan')
        .select(['id', 'version'])
        .where('id', '=', item.plan_id)
        .executeTakeFirstOrThrow()
    : null;
  const step = {
    version: plan?.version ?? 0,
    caseVersion: context.caseVersion,
    note: context.note,
    on: context.on,
  };
  switch (item.decision) {
    case 'adopted':
    case 'adopted_with_changes':
      if (plan) await reviewPlan(inTrx, ctx, item.case_id, plan.id, 'adopt', step);
      return;
    case 'returned':
      if (plan) await reviewPlan(inTrx, ctx, item.case_id, plan.id, 'return', step);
      return;
    case 'termination_approved':
    case 'interruption_confirmed': {
      const closure = context.closure;
      await closeCase(inTrx, ctx, item.case_id, {
        version: context.caseVersion,
        kind: item.decision === 'termination_approved' ? 'termination' : 'interruption',
        decidedOn: context.on,
        reason: closure?.reason ?? null,
        reasonDetail: closure?.reasonDetail ?? null,
        meetingNote: context.note,
        followUp: closure?.followUp ?? false,
        followUpBy: closure?.followUpBy ?? null,
        followUpMethod: closure?.followUpMethod ?? null,
        followUpUntil: closure?.followUpUntil ?? null,
      });
      return;
    }
    default:
      return;
  }
}
