import { reviewAction, reviewOutcomesFor } from '../../domain/multi-agency/multi-agency-case';
import { ScopedReader } from '../access/scoped-reader';
import type { ActorContext, AppDeps } from '../http/context';
import { fieldError } from '../http/domain-error';
import {
  auditMultiAgency,
  type LoadedMultiAgency,
  loadMultiAgencyCaseToManage,
  today,
  updateCaseRow,
} from './multi-agency-access';
import type { ReviewInput } from './schema';

/**
 * The 重層的支援会議 looks at the joint plan: its first agreement puts the plan in force (the
 * plan must say what the agencies aim at and how, and who leads); later sittings confirm it,
 * change it, or send it back to be reworked. The sitting and this household's item on its agenda
 * are linked when the meeting was recorded in Tsunagu.
 */
export async function recordReview(
  deps: AppDeps,
  ctx: ActorContext,
  id: string,
  input: ReviewInput,
) {
  const action = 'multi_agency.review';
  const loaded = await loadMultiAgencyCaseToManage(deps, ctx, id, action);
  const { row } = loaded;
  const db = deps.database.db;
  if (!reviewOutcomesFor[row.status].includes(input.outcome)) {
    throw fieldError('outcome', 'reviewOutcomeNotAllowed');
  }
  if (input.reviewedOn > today(deps)) throw fieldError('reviewedOn', 'futureDate');
  if (input.reviewedOn < row.referred_on) {
    throw fieldError('reviewedOn', 'notBeforeMultiAgencyReferral', { date: row.referred_on });
  }
  const step = reviewAction(row.status, input.outcome);
  if (step === 'agree_plan') {
    if (!row.plan_goal || !row.plan_policy) throw fieldError('outcome', 'jointPlanRequired');
    const lead = await db
      .selectFrom('multi_agency_member')
      .select('id')
      .where('multi_agency_case_id', '=', id)
      .where('lead', '=', true)
      .executeTakeFirst();
    if (!lead) throw fieldError('outcome', 'leadRequired');
  }
  const meetingItemId = await assertMeeting(deps, ctx, loaded, input);
  return db.transaction().execute(async (trx) => {
    const updated = await updateCaseRow(
      trx,
      deps,
      loaded,
      input.version,
      input.nextReviewOn ? { plan_review_on: input.nextReviewOn } : {},
      step ?? undefined,
    );
    const review = await trx
      .insertInto('multi_agency_review')
      .values({
        municipality_id: row.municipality_id,
        multi_agency_case_id: id,
        reviewed_on: input.reviewedOn,
        meeting_id: input.meetingId,
        meeting_item_id: meetingItemId,
        outcome: input.outcome,
        note: input.note,
        next_review_on: input.nextReviewOn,
        recorded_by: ctx.actor.userId,
        created_at: deps.now(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await auditMultiAgency(
      trx,
      ctx,
      loaded,
      action,
      {
        type: 'multi_agency_review',
        id: review.id,
      },
      { outcome: input.outcome, meetingId: input.meetingId },
    );
    return { case: updated, review };
  });
}

/**
 * The sitting must be one the actor sees, of a 重層的支援会議 (on its own or sitting jointly), and
 * the item this household's case on its agenda — found on the agenda when not named.
 */
async function assertMeeting(
  deps: AppDeps,
  ctx: ActorContext,
  loaded: LoadedMultiAgency,
  input: ReviewInput,
): Promise<string | null> {
  if (!input.meetingId) return null;
  const db = deps.database.db;
  const meeting = await new ScopedReader(db, ctx.actor)
    .meetings()
    .select(['meeting.id', 'meeting.series_id'])
    .where('meeting.id', '=', input.meetingId)
    .executeTakeFirst();
  if (!meeting) throw fieldError('meetingId', 'unknownReference');
  const multiAgencyBody = await db
    .selectFrom('meeting_series')
    .select('meeting_series.id')
    .where('meeting_series.type', '=', 'multi_agency')
    .where((eb) =>
      eb.or([
        eb('meeting_series.id', '=', meeting.series_id),
        eb(
          'meeting_series.id',
          'in',
          eb
            .selectFrom('meeting_joint_series')
            .select('meeting_joint_series.series_id')
            .where('meeting_joint_series.meeting_id', '=', meeting.id),
        ),
      ]),
    )
    .executeTakeFirst();
  if (!multiAgencyBody) throw fieldError('meetingId', 'notMultiAgencyMeeting');
  const item = await db
    .selectFrom('meeting_item')
    .select('id')
    .where('meeting_id', '=', meeting.id)
    .where('case_id', '=', loaded.anchor.id)
    .$if(input.meetingItemId !== null, (q) => q.where('id', '=', input.meetingItemId as string))
    .executeTakeFirst();
  if (!item && input.meetingItemId) throw fieldError('meetingItemId', 'itemNotForCase');
  return item?.id ?? null;
}
