import { authorize } from '../access/authorize';
import { ScopedReader } from '../access/scoped-reader';
import { recordAudit } from '../audit/record-audit';
import type { ActorContext, AppDeps } from '../http/context';
import { notFound, versionConflict } from '../http/domain-error';

/**
 * Tasks on the user's home page: homework from meetings, with the case named where the user may
 * read it. Only the owner sees and completes their tasks.
 */
export async function listMyTasks(deps: AppDeps, ctx: ActorContext) {
  authorize(ctx.actor, 'task.update');
  const db = deps.database.db;
  const rows = await db
    .selectFrom('task')
    .leftJoin('meeting_item', 'meeting_item.id', 'task.meeting_item_id')
    .leftJoin('meeting', 'meeting.id', 'meeting_item.meeting_id')
    .leftJoin('meeting_series', 'meeting_series.id', 'meeting.series_id')
    .select([
      'task.id',
      'task.version',
      'task.description',
      'task.due_on',
      'task.case_id',
      'meeting.id as meeting_id',
      'meeting.held_on',
      'meeting_series.name as series_name',
    ])
    .where('task.owner_id', '=', ctx.actor.userId)
    .where('task.municipality_id', '=', ctx.actor.municipalityId)
    .where('task.done_on', 'is', null)
    .orderBy('task.due_on')
    .limit(100)
    .execute();
  const caseIds = [...new Set(rows.flatMap((r) => (r.case_id ? [r.case_id] : [])))];
  const cases = caseIds.length
    ? await new ScopedReader(db, ctx.actor)
        .cases()
        .innerJoin('person', 'person.id', 'support_case.person_id')
        .select([
          'support_case.id',
          'support_case.case_number',
          'person.id as person_id',
          'person.name',
        ])
        .where('support_case.id', 'in', caseIds)
        .execute()
    : [];
  if (cases.length > 0) {
    await recordAudit(db, ctx, {
      action: 'task.list',
      outcome: 'success',
      subjectType: 'task',
      personIds: cases.map((c) => c.person_id),
      legalBasis: 'own_case',
    });
  }
  return rows.map((r) => {
    const kase = cases.find((c) => c.id === r.case_id);
    return {
      id: r.id,
      version: r.version,
      description: r.description,
      dueOn: r.due_on,
      caseId: kase?.id ?? null,
      caseNumber: kase?.case_number ?? null,
      personName: kase?.name ?? null,
      meetingId: r.meeting_id,
      meetingOn: r.held_on,
      seriesName: r.series_name,
    };
  });
}

export async function completeTask(
  deps: AppDeps,
  ctx: ActorContext,
  taskId: string,
  input: { version: number; doneOn: string },
) {
  authorize(ctx.actor, 'task.update');
  const db = deps.database.db;
  const task = await db
    .selectFrom('task')
    .selectAll()
    .where('id', '=', taskId)
    .where('owner_id', '=', ctx.actor.userId)
    .where('municipality_id', '=', ctx.actor.municipalityId)
    .executeTakeFirst();
  if (!task) throw notFound({ action: 'task.complete', subjectType: 'task', subjectId: taskId });
  if (task.version !== input.version) throw versionConflict({ version: task.version });
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('task')
      .set({ done_on: input.doneOn, version: input.version + 1, updated_at: deps.now() })
      .where('id', '=', taskId)
      .where('version', '=', input.version)
      .returning(['id', 'version', 'done_on'])
      .executeTakeFirst();
    if (!row) throw versionConflict({ version: task.version });
    await recordAudit(trx, ctx, {
      action: 'task.complete',
      outcome: 'success',
      subjectType: 'task',
      subjectId: taskId,
      legalBasis: 'self',
    });
    return { id: row.id, version: row.version, doneOn: row.done_on };
  });
}
