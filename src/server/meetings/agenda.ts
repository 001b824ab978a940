import type { Kysely } from 'kysely';
import { consentGate, type ItemKind, planKinds } from '../../domain/meetings/agenda';
import { type MeetingType, meetingTypeRules } from '../../domain/meetings/meeting-types';
import { taxInformationShareable } from '../../domain/policies/meeting-policy';
import { authorize } from '../access/authorize';
import { ScopedReader } from '../access/scoped-reader';
import { recordAudit } from '../audit/record-audit';
import { consentRecordsOf } from '../consent/consent-records';
import { fixed } from '../db/fixed';
import type { Database, MeetingSeries, Plan } from '../db/schema';
import type { ActorContext, AppDeps } from '../http/context';
import { DomainError, fieldError, notFound, versionConflict } from '../http/domain-error';
import { assertManages, type LoadedMeeting, loadMeeting } from './meeting-access';
import type { GuestInput, ItemInput, ItemUpdateInput, RequestInput } from './schema';
import { loadSeries } from './series';

/**
 * The agenda builder: what needs a meeting (plans awaiting review, evaluations due, proposed
 * terminations and interruptions, re-plans, and what workers asked for), and items put on an
 * agenda only through the consent gate.
 */

function planKind(plan: Pick<Plan, 'plan_no' | 'revision'>): ItemKind {
  if (plan.revision > 0) return 'plan_change';
  return plan.plan_no === 1 ? 'new_plan' : 'replan';
}

export interface Suggestion {
  caseId: string;
  caseNumber: string;
  personName: string;
  kind: ItemKind;
  planId: string | null;
  reason: 'plan_under_review' | 'evaluation_due' | 'termination_proposed' | 'requested';
  requestId: string | null;
  leadWorkerId: string | null;
  note: string | null;
}

/** What the next meeting of a body should discuss; cases already waiting on an agenda are left out. */
export async function suggestAgenda(
  deps: AppDeps,
  ctx: ActorContext,
  seriesId: string,
): Promise<Suggestion[]> {
  const series = await loadSeries(deps, ctx, seriesId, 'meeting.suggest');
  const db = deps.database.db;
  await assertManages(db, ctx.actor, series, 'meeting.suggest');
  const reader = new ScopedReader(db, ctx.actor);
  const waiting = db
    .selectFrom('meeting_item')
    .select('meeting_item.case_id')
    .where('meeting_item.municipality_id', '=', series.municipality_id)
    .where('meeting_item.decision', 'is', null);
  const rule = meetingTypeRules[series.type];
  const [plans, evaluations, requests] = await Promise.all([
    rule.decidesPlans
      ? reader
          .cases()
          .innerJoin('plan', 'plan.case_id', 'support_case.id')
          .innerJoin('person', 'person.id', 'support_case.person_id')
          .select([
            'support_case.id',
            'support_case.case_number',
            'support_case.lead_worker_id',
            'person.id as person_id',
            'person.name',
            'plan.id as plan_id',
            'plan.plan_no',
            'plan.revision',
          ])
          .where('plan.municipality_id', '=', series.municipality_id)
          .where('plan.status', '=', fixed('under_review'))
          .where('support_case.id', 'not in', waiting)
          .orderBy('plan.submitted_on')
          .limit(100)
          .execute()
      : Promise.resolve([]),
    rule.decidesPlans
      ? reader
          .cases()
          .innerJoin('person', 'person.id', 'support_case.person_id')
          .select((eb) => [
            'support_case.id',
            'support_case.case_number',
            'support_case.lead_worker_id',
            'person.id as person_id',
            'person.name',
            eb
              .selectFrom('evaluation')
              .select('evaluation.decision')
              .whereRef('evaluation.case_id', '=', 'support_case.id')
              .whereRef('evaluation.created_at', '>=', 'support_case.status_changed_at')
              .orderBy('evaluation.created_at', 'desc')
              .limit(1)
              .as('decision'),
          ])
          .where('support_case.municipality_id', '=', series.municipality_id)
          .where('support_case.status', '=', fixed('evaluation'))
          .where('support_case.id', 'not in', waiting)
          .orderBy('support_case.status_changed_at')
          .limit(100)
          .execute()
      : Promise.resolve([]),
    reader
      .cases()
      .innerJoin('meeting_request', 'meeting_request.case_id', 'support_case.id')
      .innerJoin('person', 'person.id', 'support_case.person_id')
      .select([
        'support_case.id',
        'support_case.case_number',
        'support_case.lead_worker_id',
        'person.id as person_id',
        'person.name',
        'meeting_request.id as request_id',
        'meeting_request.kind',
        'meeting_request.note',
      ])
      .where('meeting_request.municipality_id', '=', series.municipality_id)
      .where('meeting_request.meeting_type', '=', series.type)
      .where('meeting_request.item_id', 'is', null)
      .where('meeting_request.withdrawn_at', 'is', null)
      .where('support_case.id', 'not in', waiting)
      .orderBy('meeting_request.requested_at')
      .limit(100)
      .execute(),
  ]);
  const seen = new Set<string>();
  const out: Suggestion[] = [];
  const push = (s: Suggestion) => {
    if (seen.has(s.caseId)) return;
    seen.add(s.caseId);
    out.push(s);
  };
  for (const r of requests) {
    push({
      caseId: r.id,
      caseNumber: r.case_number,
      personName: r.name,
      kind: r.kind,
      planId: null,
      reason: 'requested',
      requestId: r.request_id,
      leadWorkerId: r.lead_worker_id,
      note: r.note,
    });
  }
  for (const p of plans) {
    push({
      caseId: p.id,
      caseNumber: p.case_number,
      personName: p.name,
      kind: planKind(p),
      planId: p.plan_id,
      reason: 'plan_under_review',
      requestId: null,
      leadWorkerId: p.lead_worker_id,
      note: null,
    });
  }
  for (const e of evaluations) {
    const terminate = e.decision === 'terminate';
    push({
      caseId: e.id,
      caseNumber: e.case_number,
      personName: e.name,
      kind: terminate ? 'termination' : 'evaluation',
      planId: null,
      reason: terminate ? 'termination_proposed' : 'evaluation_due',
      requestId: null,
      leadWorkerId: e.lead_worker_id,
      note: null,
    });
  }
  if (out.length > 0) {
    const personOf = new Map(
      [...requests, ...plans, ...evaluations].map((r) => [r.id, r.person_id]),
    );
    await recordAudit(db, ctx, {
      action: 'meeting.suggest',
      outcome: 'success',
      subjectType: 'meeting_series',
      subjectId: series.id,
      personIds: out.flatMap((s) => personOf.get(s.caseId) ?? []),
      legalBasis: 'own_case',
    });
  }
  return out;
}

/** The partner organisations present for an item: those invited to the meeting and its guests. */
async function partnersPresent(
  db: Kysely<Database>,
  meetingId: string,
  guests: readonly GuestInput[],
): Promise<string[]> {
  const attendees = await db
    .selectFrom('meeting_attendee')
    .leftJoin('app_user', 'app_user.id', 'meeting_attendee.user_id')
    .select(['meeting_attendee.partner_agency_id', 'app_user.partner_agency_id as user_partner'])
    .where('meeting_attendee.meeting_id', '=', meetingId)
    .execute();
  const guestUsers = guests.flatMap((g) => (g.userId ? [g.userId] : []));
  const guestUserPartners = guestUsers.length
    ? await db
        .selectFrom('app_user')
        .select('partner_agency_id')
        .where('id', 'in', guestUsers)
        .execute()
    : [];
  return [
    ...new Set(
      [
        ...attendees.flatMap((a) => [a.partner_agency_id, a.user_partner]),
        ...guests.map((g) => g.partnerAgencyId),
        ...guestUserPartners.map((g) => g.partner_agency_id),
      ].filter((id): id is string => id !== null),
    ),
  ];
}

/** The consent gate (domain/meetings/agenda.ts) for one case at one body of a meeting. */
async function gate(
  deps: AppDeps,
  ctx: ActorContext,
  loaded: LoadedMeeting,
  body: MeetingSeries,
  caseId: string,
  guests: readonly GuestInput[],
) {
  const db = deps.database.db;
  const partners = await partnersPresent(db, loaded.meeting.id, guests);
  const result = consentGate(
    body.type,
    await consentRecordsOf(db, caseId),
    partners,
    loaded.meeting.held_on,
  );
  if (result.ok) return result;
  const names = result.missingAgencyIds.length
    ? await db
        .selectFrom('partner_agency')
        .select(['id', 'name'])
        .where('id', 'in', result.missingAgencyIds)
        .execute()
    : [];
  if (result.reason === 'PARTNERS_AT_INTERNAL_MEETING') {
    throw new DomainError('MEETING_PARTNERS_NOT_ALLOWED', { details: { agencies: names } });
  }
  // The other route: a body under the law, where consent is not the basis.
  const alternatives = await new ScopedReader(db, ctx.actor)
    .meetingSeries()
    .select(['meeting_series.id', 'meeting_series.name', 'meeting_series.type'])
    .where('meeting_series.type', 'in', ['support_meeting'] satisfies MeetingType[])
    .where('meeting_series.active', '=', true)
    .execute();
  throw new DomainError('MEETING_CONSENT_MISSING', {
    details: { agencies: names, alternatives },
  });
}

async function assertGuests(deps: AppDeps, ctx: ActorContext, guests: readonly GuestInput[]) {
  const reader = new ScopedReader(deps.database.db, ctx.actor);
  for (const [i, g] of guests.entries()) {
    if (
      g.partnerAgencyId &&
      !(await reader
        .partnerAgencies()
        .select('id')
        .where('id', '=', g.partnerAgencyId)
        .executeTakeFirst())
    )
      throw fieldError(`guests.${i}.partnerAgencyId`, 'unknownReference');
    if (
      g.userId &&
      !(await reader.users().select('id').where('id', '=', g.userId).executeTakeFirst())
    )
      throw fieldError(`guests.${i}.userId`, 'unknownReference');
  }
}

async function writeGuests(
  trx: Kysely<Database>,
  item: { id: string; municipality_id: string },
  guests: readonly GuestInput[],
) {
  await trx.deleteFrom('meeting_item_guest').where('item_id', '=', item.id).execute();
  if (guests.length === 0) return;
  await trx
    .insertInto('meeting_item_guest')
    .values(
      guests.map((g) => ({
        municipality_id: item.municipality_id,
        item_id: item.id,
        partner_agency_id: g.partnerAgencyId,
        user_id: g.userId,
        name: g.name,
        appointed: g.appointed,
      })),
    )
    .execute();
}

/** A summary marked as tax information stays off an item resting on the law (地方税法第22条). */
function assertTaxInformationShareable(basis: 'consent' | 'law' | 'internal', taxMarked: boolean) {
  if (taxMarked && !taxInformationShareable(basis))
    throw fieldError('summaryTaxInformation', 'taxInformationAtSupportMeeting');
}

function auditBasisOf(
  basis: 'consent' | 'law' | 'internal',
  consentId: string | null,
  body: MeetingSeries,
) {
  return basis === 'consent'
    ? { legalBasis: 'consent' as const, legalBasisRef: consentId ?? undefined }
    : basis === 'law'
      ? { legalBasis: 'support_meeting' as const, legalBasisRef: body.legal_basis ?? body.type }
      : { legalBasis: 'own_case' as const };
}

export async function addItem(
  deps: AppDeps,
  ctx: ActorContext,
  meetingId: string,
  input: ItemInput,
) {
  const loaded = await loadMeeting(deps, ctx, meetingId, 'meeting_item.create');
  const db = deps.database.db;
  await assertManages(db, ctx.actor, loaded.series, 'meeting_item.create');
  const body = loaded.bodies.find((b) => b.id === (input.seriesId ?? loaded.series.id));
  if (!body) throw fieldError('seriesId', 'seriesNotInMeeting');
  const kase = await new ScopedReader(db, ctx.actor)
    .cases()
    .selectAll()
    .where('support_case.id', '=', input.caseId)
    .executeTakeFirst();
  if (!kase) throw fieldError('caseId', 'unknownReference');
  await assertGuests(deps, ctx, input.guests);
  const onAgenda = await db
    .selectFrom('meeting_item')
    .select('id')
    .where('meeting_id', '=', meetingId)
    .where('case_id', '=', kase.id)
    .executeTakeFirst();
  if (onAgenda) throw new DomainError('ALREADY_ON_AGENDA');

  const underReview = await db
    .selectFrom('plan')
    .select(['id', 'plan_no', 'revision'])
    .where('case_id', '=', kase.id)
    .where('status', '=', 'under_review')
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  const kind: ItemKind =
    input.kind ??
    (underReview ? planKind(underReview) : kase.status === 'evaluation' ? 'evaluation' : 'sharing');
  if (planKinds.includes(kind) && !underReview) throw fieldError('kind', 'planNotUnderReview');

  const passed = await gate(deps, ctx, loaded, body, kase.id, input.guests);
  assertTaxInformationShareable(passed.basis, input.summaryTaxInformation);
  return db.transaction().execute(async (trx) => {
    const last = await trx
      .selectFrom('meeting_item')
      .select((eb) => eb.fn.max('position').as('max'))
      .where('meeting_id', '=', meetingId)
      .executeTakeFirst();
    const item = await trx
      .insertInto('meeting_item')
      .values({
        municipality_id: loaded.meeting.municipality_id,
        meeting_id: meetingId,
        series_id: body.id,
        case_id: kase.id,
        plan_id: planKinds.includes(kind) ? (underReview?.id ?? null) : null,
        kind,
        position: Number(last?.max ?? 0) + 1,
        minutes: input.minutes ?? body.minutes_per_case,
        reporter_id: input.reporterId ?? kase.lead_worker_id,
        basis: passed.basis,
        consent_id: passed.basis === 'consent' ? passed.consentId : null,
        legal_basis: passed.basis === 'law' ? body.legal_basis : null,
        summary: input.summary,
        summary_tax_information: input.summaryTaxInformation,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeGuests(trx, item, input.guests);
    await trx
      .updateTable('meeting_request')
      .set({ item_id: item.id })
      .where('case_id', '=', kase.id)
      .where('meeting_type', '=', body.type)
      .where('item_id', 'is', null)
      .where('withdrawn_at', 'is', null)
      .execute();
    await recordAudit(trx, ctx, {
      action: 'meeting_item.create',
      outcome: 'success',
      subjectType: 'meeting_item',
      subjectId: item.id,
      personId: kase.person_id,
      ...auditBasisOf(passed.basis, item.consent_id, body),
      detail: { meetingId, kind, basis: passed.basis },
    });
    return { id: item.id, version: item.version, kind, basis: item.basis };
  });
}

async function loadItemToManage(
  deps: AppDeps,
  ctx: ActorContext,
  meetingId: string,
  itemId: string,
  action: string,
) {
  const loaded = await loadMeeting(deps, ctx, meetingId, action);
  await assertManages(deps.database.db, ctx.actor, loaded.series, action);
  const item = await deps.database.db
    .selectFrom('meeting_item')
    .selectAll()
    .where('id', '=', itemId)
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
  if (!item) throw notFound({ action, subjectType: 'meeting_item', subjectId: itemId });
  return { loaded, item };
}

/**
 * Numbers a meeting's items 1, 2, 3… in their order, closing gaps; `move` puts one item at a
 * position first, the others closing up around it.
 */
async function renumberItems(
  trx: Kysely<Database>,
  meetingId: string,
  move?: { id: string; position: number },
) {
  const items = await trx
    .selectFrom('meeting_item')
    .select('id')
    .where('meeting_id', '=', meetingId)
    .orderBy('position')
    .execute();
  let order = items.map((i) => i.id);
  if (move) {
    const others = order.filter((id) => id !== move.id);
    const at = Math.min(Math.max(move.position, 1), others.length + 1) - 1;
    order = [...others.slice(0, at), move.id, ...others.slice(at)];
  }
  for (const [i, id] of order.entries()) {
    await trx
      .updateTable('meeting_item')
      .set({ position: i + 1 })
      .where('id', '=', id)
      .execute();
  }
}

export async function updateItem(
  deps: AppDeps,
  ctx: ActorContext,
  meetingId: string,
  itemId: string,
  input: ItemUpdateInput,
) {
  const { loaded, item } = await loadItemToManage(
    deps,
    ctx,
    meetingId,
    itemId,
    'meeting_item.update',
  );
  if (item.version !== input.version) throw versionConflict({ version: item.version });
  if (item.decision) throw new DomainError('ITEM_ALREADY_DECIDED');
  await assertGuests(deps, ctx, input.guests);
  const body = loaded.bodies.find((b) => b.id === item.series_id) ?? loaded.series;
  const passed = await gate(deps, ctx, loaded, body, item.case_id, input.guests);
  const summaryTaxInformation = input.summaryTaxInformation ?? item.summary_tax_information;
  assertTaxInformationShareable(passed.basis, summaryTaxInformation);
  const db = deps.database.db;
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('meeting_item')
      .set({
        minutes: input.minutes,
        reporter_id: input.reporterId,
        summary: input.summary,
        summary_tax_information: summaryTaxInformation,
        basis: passed.basis,
        consent_id: passed.basis === 'consent' ? passed.consentId : null,
        version: input.version + 1,
        updated_at: deps.now(),
      })
      .where('id', '=', itemId)
      .where('version', '=', input.version)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw versionConflict({ version: item.version });
    if (input.position !== item.position)
      await renumberItems(trx, meetingId, { id: row.id, position: input.position });
    await writeGuests(trx, row, input.guests);
    const kase = await trx
      .selectFrom('support_case')
      .select('person_id')
      .where('id', '=', item.case_id)
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      action: 'meeting_item.update',
      outcome: 'success',
      subjectType: 'meeting_item',
      subjectId: itemId,
      personId: kase.person_id,
      ...auditBasisOf(passed.basis, row.consent_id, body),
    });
    return { id: row.id, version: row.version };
  });
}

export async function removeItem(
  deps: AppDeps,
  ctx: ActorContext,
  meetingId: string,
  itemId: string,
) {
  const { item } = await loadItemToManage(deps, ctx, meetingId, itemId, 'meeting_item.delete');
  if (item.decision) throw new DomainError('ITEM_ALREADY_DECIDED');
  const db = deps.database.db;
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('meeting_item').where('id', '=', itemId).execute();
    await renumberItems(trx, meetingId);
    const kase = await trx
      .selectFrom('support_case')
      .select('person_id')
      .where('id', '=', item.case_id)
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      action: 'meeting_item.delete',
      outcome: 'success',
      subjectType: 'meeting_item',
      subjectId: itemId,
      personId: kase.person_id,
      legalBasis: 'own_case',
    });
  });
}

/** A worker asks for a case to be discussed at the next meeting of a kind of body. */
export async function requestMeeting(deps: AppDeps, ctx: ActorContext, input: RequestInput) {
  authorize(ctx.actor, 'case.update');
  const db = deps.database.db;
  const kase = await new ScopedReader(db, ctx.actor)
    .cases()
    .select(['support_case.id', 'support_case.person_id', 'support_case.municipality_id'])
    .where('support_case.id', '=', input.caseId)
    .executeTakeFirst();
  if (!kase) throw fieldError('caseId', 'unknownReference');
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('meeting_request')
      .values({
        municipality_id: kase.municipality_id,
        case_id: kase.id,
        meeting_type: input.meetingType,
        kind: input.kind,
        note: input.note,
        requested_by: ctx.actor.userId,
        requested_at: deps.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      action: 'meeting_request.create',
      outcome: 'success',
      subjectType: 'case',
      subjectId: kase.id,
      personId: kase.person_id,
      legalBasis: 'own_case',
      detail: { meetingType: input.meetingType, kind: input.kind },
    });
    return row;
  });
}
