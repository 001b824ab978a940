import { authorize } from '../access/authorize';
import { ScopedReader } from '../access/scoped-reader';
import { recordAudit } from '../audit/record-audit';
import type { ActorContext, AppDeps } from '../http/context';
import { notFound } from '../http/domain-error';
import { gapMeetings, resourceGapRows } from './gap-queries';
import { type GapHistoryEntry, presentResourceGap } from './present';

/** A gap the actor follows, or 404 — an id out of sight is an attempt worth an audit row. */
export async function loadResourceGap(
  deps: AppDeps,
  ctx: ActorContext,
  id: string,
  action: string,
) {
  const reader = new ScopedReader(deps.database.db, ctx.actor);
  const row = await resourceGapRows(reader).where('resource_gap.id', '=', id).executeTakeFirst();
  if (!row) throw notFound({ action, subjectType: 'resource_gap', subjectId: id });
  authorize(
    ctx.actor,
    'resourceGap.manage',
    { municipalityId: row.municipality_id },
    { subjectType: 'resource_gap', subjectId: id },
  );
  return { row, reader };
}

/**
 * One gap with its history (raised, then every step: who, when, the note), the meeting it came
 * from, the resource that resulted, and the cases it affects — only those the actor may see. The
 * cases are personal data: the read is audited naming their people.
 */
export async function getResourceGap(
  deps: AppDeps,
  ctx: ActorContext,
  id: string,
  options: { audit: boolean } = { audit: true },
) {
  const { row, reader } = await loadResourceGap(deps, ctx, id, 'resource_gap.read');
  const db = deps.database.db;
  const [meetings, events, cases] = await Promise.all([
    gapMeetings(reader, row.meeting_item_id ? [row.meeting_item_id] : []),
    db
      .selectFrom('resource_gap_event')
      .leftJoin('app_user', 'app_user.id', 'resource_gap_event.actor_user_id')
      .selectAll('resource_gap_event')
      .select('app_user.display_name as actor_name')
      .where('resource_gap_event.gap_id', '=', id)
      .orderBy('resource_gap_event.id')
      .execute(),
    reader
      .resourceGapCases()
      .innerJoin('support_case', 'support_case.id', 'resource_gap_case.case_id')
      .innerJoin('person', 'person.id', 'support_case.person_id')
      .select([
        'support_case.id',
        'support_case.case_number',
        'support_case.status',
        'person.id as person_id',
        'person.name',
      ])
      .where('resource_gap_case.gap_id', '=', id)
      .orderBy('support_case.case_number')
      .execute(),
  ]);
  if (options.audit && cases.length > 0) {
    await recordAudit(db, ctx, {
      action: 'resource_gap.read',
      outcome: 'success',
      subjectType: 'resource_gap',
      subjectId: id,
      personIds: cases.map((c) => c.person_id),
      legalBasis: 'own_case',
      detail: { cases: cases.length },
    });
  }
  const history: GapHistoryEntry[] = [
    {
      step: 'raise',
      fromStatus: null,
      toStatus: 'raised',
      note: null,
      resourceId: null,
      actorName: row.raised_by_name,
      occurredAt: row.created_at.toISOString(),
    },
    ...events.map((e) => ({
      step: e.step,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      note: e.note,
      resourceId: e.resource_id,
      actorName: e.actor_name,
      occurredAt: e.occurred_at.toISOString(),
    })),
  ];
  return {
    ...presentResourceGap(
      ctx.actor,
      row,
      row.meeting_item_id ? (meetings.get(row.meeting_item_id) ?? null) : null,
    ),
    history,
    cases: cases.map((c) => ({
      id: c.id,
      caseNumber: c.case_number,
      status: c.status,
      personName: c.name,
    })),
    /** Linked cases the actor may not see: counted, not shown. */
    hiddenCaseCount: Number(row.case_count) - cases.length,
  };
}

export type ResourceGapDetail = Awaited<ReturnType<typeof getResourceGap>>;
