import type { Kysely } from 'kysely';
import { layOutTimetable } from '../../domain/meetings/agenda';
import { confidentialityNotice, meetingTypeRules } from '../../domain/meetings/meeting-types';
import type { ItemAccess } from '../../domain/policies/meeting-policy';
import { authorize } from '../access/authorize';
import { ScopedReader } from '../access/scoped-reader';
import { recordAudit } from '../audit/record-audit';
import type { Database, LegalBasis, MeetingItem } from '../db/schema';
import type { ActorContext, AppDeps } from '../http/context';
import { fieldError, versionConflict } from '../http/domain-error';
import {
  assertManages,
  itemAccessFor,
  type LoadedMeeting,
  loadItem,
  loadMeeting,
} from './meeting-access';
import type { AttendanceInput, MeetingInput, MeetingUpdateInput } from './schema';
import { loadSeries, presentSeries } from './series';

/**
 * Meetings of a body: scheduled with the members invited (the core, or the full membership),
 * possibly sitting jointly with other bodies; the attendance taken on the day; the agenda read
 * item by item within what each reader may see.
 */
export async function listMeetings(
  deps: AppDeps,
  ctx: ActorContext,
  range: { from?: string | undefined; to?: string | undefined; order?: 'asc' | 'desc' },
) {
  authorize(ctx.actor, 'meeting.read');
  let query = new ScopedReader(deps.database.db, ctx.actor)
    .meetings()
    .innerJoin('meeting_series', 'meeting_series.id', 'meeting.series_id')
    .select((eb) => [
      'meeting.id',
      'meeting.held_on',
      'meeting.starts_at',
      'meeting.place',
      'meeting.status',
      'meeting.series_id',
      'meeting_series.name as series_name',
      'meeting_series.type',
      eb
        .selectFrom('meeting_item')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('meeting_item.meeting_id', '=', 'meeting.id')
        .as('items'),
    ]);
  if (range.from) query = query.where('meeting.held_on', '>=', range.from);
  if (range.to) query = query.where('meeting.held_on', '<=', range.to);
  const rows = await query
    .orderBy('meeting.held_on', range.order ?? 'asc')
    .orderBy('meeting.starts_at', range.order ?? 'asc')
    .limit(500)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    heldOn: r.held_on,
    startsAt: r.starts_at,
    place: r.place,
    status: r.status,
    seriesId: r.series_id,
    seriesName: r.series_name,
    type: r.type,
    items: Number(r.items ?? 0),
  }));
}

async function inviteMembers(
  trx: Kysely<Database>,
  meeting: { id: string; municipality_id: string; tier: 'core' | 'full' },
  seriesIds: readonly string[],
) {
  const members = await trx
    .selectFrom('meeting_member')
    .leftJoin('app_user', 'app_user.id', 'meeting_member.user_id')
    .leftJoin('partner_agency', 'partner_agency.id', 'meeting_member.partner_agency_id')
    .leftJoin('support_agency', 'support_agency.id', 'meeting_member.support_agency_id')
    .select([
      'meeting_member.user_id',
      'meeting_member.partner_agency_id',
      'meeting_member.name',
      'meeting_member.organisation',
      'app_user.roles',
      'partner_agency.name as partner_name',
      'support_agency.name as agency_name',
    ])
    .where('meeting_member.series_id', 'in', seriesIds)
    .where('meeting_member.ended_on', 'is', null)
    .where('meeting_member.tier', 'in', meeting.tier === 'full' ? ['core', 'full'] : ['core'])
    .execute();
  const seen = new Set<string>();
  const rows = members.flatMap((m) => {
    const key = m.user_id ?? m.partner_agency_id ?? `${m.name}|${m.organisation ?? m.agency_name}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [
      {
        municipality_id: meeting.municipality_id,
        meeting_id: meeting.id,
        user_id: m.user_id,
        partner_agency_id: m.partner_agency_id,
        name: m.user_id ? null : (m.name ?? m.partner_name ?? m.agency_name),
        organisation: m.organisation ?? m.partner_name ?? m.agency_name,
        municipal: m.roles?.includes('municipal_officer') ?? false,
        roles: ['member' as const],
      },
    ];
  });
  if (rows.length > 0) await trx.insertInto('meeting_attendee').values(rows).execute();
}

export async function createMeeting(deps: AppDeps, ctx: ActorContext, input: MeetingInput) {
  const series = await loadSeries(deps, ctx, input.seriesId, 'meeting.create');
  const db = deps.database.db;
  await assertManages(db, ctx.actor, series, 'meeting.create');
  const joint = [...new Set(input.jointSeriesIds.filter((id) => id !== series.id))];
  for (const [i, id] of joint.entries()) {
    const found = await new ScopedReader(db, ctx.actor)
      .meetingSeries()
      .select('meeting_series.id')
      .where('meeting_series.id', '=', id)
      .executeTakeFirst();
    if (!found) throw fieldError(`jointSeriesIds.${i}`, 'unknownReference');
  }
  return db.transaction().execute(async (trx) => {
    const meeting = await trx
      .insertInto('meeting')
      .values({
        municipality_id: series.municipality_id,
        series_id: series.id,
        held_on: input.heldOn,
        starts_at: input.startsAt ?? series.default_start,
        place: input.place ?? series.place,
        online: input.online ?? series.online,
        tier: input.tier,
        note: input.note,
        created_by: ctx.actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (joint.length > 0) {
      await trx
        .insertInto('meeting_joint_series')
        .values(
          joint.map((id) => ({
            meeting_id: meeting.id,
            municipality_id: meeting.municipality_id,
            series_id: id,
          })),
        )
        .execute();
    }
    await inviteMembers(trx, meeting, [series.id, ...joint]);
    await recordAudit(trx, ctx, {
      action: 'meeting.create',
      outcome: 'success',
      subjectType: 'meeting',
      subjectId: meeting.id,
      legalBasis: 'administration',
    });
    return { id: meeting.id, version: meeting.version };
  });
}

export async function updateMeeting(
  deps: AppDeps,
  ctx: ActorContext,
  meetingId: string,
  input: MeetingUpdateInput,
) {
  const loaded = await loadMeeting(deps, ctx, meetingId, 'meeting.update');
  const db = deps.database.db;
  await assertManages(db, ctx.actor, loaded.series, 'meeting.update');
  if (loaded.meeting.version !== input.version) throw versionConflict(loaded.meeting);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('meeting')
      .set({
        held_on: input.heldOn,
        starts_at: input.startsAt,
        place: input.place,
        online: input.online,
        status: input.status,
        note: input.note,
        version: input.version + 1,
        updated_at: deps.now(),
      })
      .where('id', '=', meetingId)
      .where('version', '=', input.version)
      .returning(['id', 'version'])
      .executeTakeFirst();
    if (!row) throw versionConflict(loaded.meeting);
    await recordAudit(trx, ctx, {
      action: 'meeting.update',
      outcome: 'success',
      subjectType: 'meeting',
      subjectId: meetingId,
      legalBasis: 'administration',
    });
    return row;
  });
}

/** The attendance as taken on the day (or the invitations changed before it): the whole list. */
export async function recordAttendance(
  deps: AppDeps,
  ctx: ActorContext,
  meetingId: string,
  input: AttendanceInput,
) {
  const loaded = await loadMeeting(deps, ctx, meetingId, 'meeting.attendance');
  const db = deps.database.db;
  await assertManages(db, ctx.actor, loaded.series, 'meeting.attendance');
  if (loaded.meeting.version !== input.version) throw versionConflict(loaded.meeting);
  const reader = new ScopedReader(db, ctx.actor);
  const userIds = input.attendees.flatMap((a) => (a.userId ? [a.userId] : []));
  const partnerIds = input.attendees.flatMap((a) => (a.partnerAgencyId ? [a.partnerAgencyId] : []));
  const [users, partners] = await Promise.all([
    userIds.length
      ? reader.users().select(['id', 'roles']).where('id', 'in', userIds).execute()
      : Promise.resolve([]),
    partnerIds.length
      ? reader.partnerAgencies().select(['id', 'name']).where('id', 'in', partnerIds).execute()
      : Promise.resolve([]),
  ]);
  for (const [i, a] of input.attendees.entries()) {
    if (a.userId && !users.some((u) => u.id === a.userId))
      throw fieldError(`attendees.${i}.userId`, 'unknownReference');
    if (a.partnerAgencyId && !partners.some((p) => p.id === a.partnerAgencyId))
      throw fieldError(`attendees.${i}.partnerAgencyId`, 'unknownReference');
  }
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('meeting')
      .set({ version: input.version + 1, updated_at: deps.now() })
      .where('id', '=', meetingId)
      .where('version', '=', input.version)
      .returning(['id', 'version'])
      .executeTakeFirst();
    if (!row) throw versionConflict(loaded.meeting);
    await trx.deleteFrom('meeting_attendee').where('meeting_id', '=', meetingId).execute();
    if (input.attendees.length > 0) {
      await trx
        .insertInto('meeting_attendee')
        .values(
          input.attendees.map((a) => ({
            municipality_id: loaded.meeting.municipality_id,
            meeting_id: meetingId,
            user_id: a.userId,
            partner_agency_id: a.partnerAgencyId,
            name: a.name,
            organisation:
              a.organisation ?? partners.find((p) => p.id === a.partnerAgencyId)?.name ?? null,
            municipal:
              users.find((u) => u.id === a.userId)?.roles.includes('municipal_officer') ?? false,
            roles: a.roles,
            present: a.present,
          })),
        )
        .execute();
    }
    await recordAudit(trx, ctx, {
      action: 'meeting.attendance',
      outcome: 'success',
      subjectType: 'meeting',
      subjectId: meetingId,
      legalBasis: 'administration',
      detail: { attendees: input.attendees.length },
    });
    return row;
  });
}

const auditBasis: Record<Extract<ItemAccess, { allowed: true }>['basis'], LegalBasis> = {
  own_case: 'own_case',
  consent: 'consent',
  support_meeting: 'support_meeting',
};

/** Audits the items shown, one row per legal basis, naming the people. */
export async function auditItemsShown(
  db: Kysely<Database>,
  ctx: ActorContext,
  meetingId: string,
  shown: { personId: string; access: ItemAccess }[],
  action = 'meeting.read',
) {
  const byBasis = new Map<LegalBasis, string[]>();
  for (const s of shown) {
    if (!s.access.allowed) continue;
    const basis = auditBasis[s.access.basis];
    byBasis.set(basis, [...(byBasis.get(basis) ?? []), s.personId]);
  }
  for (const [basis, personIds] of byBasis) {
    await recordAudit(db, ctx, {
      action,
      outcome: 'success',
      subjectType: 'meeting',
      subjectId: meetingId,
      personIds,
      legalBasis: basis,
      legalBasisRef: meetingId,
    });
  }
}

async function agendaRows(db: Kysely<Database>, meetingId: string) {
  return db
    .selectFrom('meeting_item')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .orderBy('position')
    .execute();
}

/** The meeting page: the meeting, its bodies, attendance, and the agenda as the reader may see it. */
export async function getMeeting(deps: AppDeps, ctx: ActorContext, meetingId: string) {
  const loaded = await loadMeeting(deps, ctx, meetingId, 'meeting.read');
  const db = deps.database.db;
  const items = await agendaRows(db, meetingId);
  const access = await itemAccessFor(db, ctx.actor, loaded, items);
  const agenda = await presentAgenda(db, loaded, items, access);
  const [attendees, acks] = await Promise.all([
    db
      .selectFrom('meeting_attendee')
      .leftJoin('app_user', 'app_user.id', 'meeting_attendee.user_id')
      .select([
        'meeting_attendee.id',
        'meeting_attendee.user_id',
        'meeting_attendee.partner_agency_id',
        'meeting_attendee.name',
        'meeting_attendee.organisation',
        'meeting_attendee.municipal',
        'meeting_attendee.roles',
        'meeting_attendee.present',
        'app_user.display_name',
      ])
      .where('meeting_attendee.meeting_id', '=', meetingId)
      .orderBy('meeting_attendee.municipal', 'desc')
      .orderBy('meeting_attendee.organisation')
      .execute(),
    db
      .selectFrom('meeting_acknowledgement')
      .select(['series_id', 'acknowledged_at'])
      .where('user_id', '=', ctx.actor.userId)
      .where(
        'series_id',
        'in',
        loaded.bodies.map((b) => b.id),
      )
      .execute(),
  ]);
  await auditItemsShown(
    db,
    ctx,
    meetingId,
    agenda.flatMap((a) => (a.personId ? [{ personId: a.personId, access: a.access }] : [])),
  );
  const { meeting } = loaded;
  return {
    id: meeting.id,
    version: meeting.version,
    heldOn: meeting.held_on,
    startsAt: meeting.starts_at,
    place: meeting.place,
    online: meeting.online,
    tier: meeting.tier,
    status: meeting.status,
    note: meeting.note,
    series: presentSeries(loaded.series),
    bodies: loaded.bodies.map((b) => ({
      ...presentSeries(b),
      acknowledgedAt: acks.find((a) => a.series_id === b.id)?.acknowledged_at.toISOString() ?? null,
    })),
    confidentialityNotice: loaded.bodies.some((b) => meetingTypeRules[b.type].sharing === 'law')
      ? confidentialityNotice
      : null,
    attendees: attendees.map((a) => ({
      id: a.id,
      userId: a.user_id,
      partnerAgencyId: a.partner_agency_id,
      name: a.display_name ?? a.name,
      organisation: a.organisation,
      municipal: a.municipal,
      roles: a.roles,
      present: a.present,
    })),
    agenda: agenda.map(({ personId: _personId, access: _access, ...item }) => item),
    canManage: await canManage(db, ctx, loaded),
  };
}

/** One item, for a reader it is shared with; the read is audited with its basis. */
export async function getItem(deps: AppDeps, ctx: ActorContext, meetingId: string, itemId: string) {
  const loaded = await loadItem(deps, ctx, meetingId, itemId, 'meeting_item.read');
  const db = deps.database.db;
  const kase = await db
    .selectFrom('support_case')
    .innerJoin('person', 'person.id', 'support_case.person_id')
    .select(['support_case.case_number', 'person.id as person_id', 'person.name'])
    .where('support_case.id', '=', loaded.item.case_id)
    .executeTakeFirstOrThrow();
  await auditItemsShown(
    db,
    ctx,
    meetingId,
    [{ personId: kase.person_id, access: loaded.access }],
    'meeting_item.read',
  );
  return {
    id: loaded.item.id,
    kind: loaded.item.kind,
    caseId: loaded.item.case_id,
    caseNumber: kase.case_number,
    personName: kase.name,
    summary: loaded.item.summary,
    basis: loaded.item.basis,
    decision: loaded.item.decision,
  };
}

async function canManage(db: Kysely<Database>, ctx: ActorContext, loaded: LoadedMeeting) {
  try {
    await assertManages(db, ctx.actor, loaded.series, 'meeting.manage');
    return true;
  } catch {
    return false;
  }
}

/** Who joins the given items for that case only, with the names of their organisations or accounts. */
export async function itemGuests(db: Kysely<Database>, itemIds: readonly string[]) {
  if (itemIds.length === 0) return [];
  return db
    .selectFrom('meeting_item_guest')
    .leftJoin('partner_agency', 'partner_agency.id', 'meeting_item_guest.partner_agency_id')
    .leftJoin('app_user', 'app_user.id', 'meeting_item_guest.user_id')
    .select([
      'meeting_item_guest.id',
      'meeting_item_guest.item_id',
      'meeting_item_guest.partner_agency_id',
      'meeting_item_guest.user_id',
      'meeting_item_guest.name',
      'meeting_item_guest.appointed',
      'partner_agency.name as partner_name',
      'app_user.display_name as user_name',
    ])
    .where('meeting_item_guest.item_id', 'in', itemIds)
    .execute();
}

/** The agenda with its timetable; an item the reader may not see shows its slot and kind only. */
export async function presentAgenda(
  db: Kysely<Database>,
  loaded: LoadedMeeting,
  items: readonly MeetingItem[],
  access: Map<string, ItemAccess>,
) {
  const visible = items.filter((i) => access.get(i.id)?.allowed);
  const visibleIds = visible.map((i) => i.id);
  const caseIds = visible.map((i) => i.case_id);
  const reporterIds = [...new Set(visible.flatMap((i) => (i.reporter_id ? [i.reporter_id] : [])))];
  const [cases, guests, homework, gaps, reporters] = await Promise.all([
    caseIds.length
      ? db
          .selectFrom('support_case')
          .innerJoin('person', 'person.id', 'support_case.person_id')
          .select([
            'support_case.id',
            'support_case.case_number',
            'support_case.status',
            'support_case.person_id',
            'person.name',
            'person.name_kana',
          ])
          .where('support_case.id', 'in', caseIds)
          .execute()
      : Promise.resolve([]),
    itemGuests(
      db,
      items.map((i) => i.id),
    ),
    visibleIds.length
      ? db
          .selectFrom('task')
          .leftJoin('app_user', 'app_user.id', 'task.owner_id')
          .select([
            'task.id',
            'task.meeting_item_id',
            'task.description',
            'task.owner_id',
            'task.due_on',
            'task.done_on',
            'app_user.display_name as owner_name',
          ])
          .where('task.meeting_item_id', 'in', visibleIds)
          .orderBy('task.created_at')
          .execute()
      : Promise.resolve([]),
    visibleIds.length
      ? db
          .selectFrom('resource_gap')
          .select(['id', 'meeting_item_id', 'description', 'status'])
          .where('meeting_item_id', 'in', visibleIds)
          .execute()
      : Promise.resolve([]),
    reporterIds.length
      ? db
          .selectFrom('app_user')
          .select(['id', 'display_name'])
          .where('id', 'in', reporterIds)
          .execute()
      : Promise.resolve([]),
  ]);
  const timetable = layOutTimetable(loaded.meeting.starts_at, items, loaded.series.phase_minutes);
  return items.map((item, index) => {
    const itemAccess = access.get(item.id) ?? { allowed: false, code: 'MEETING_NOT_MEMBER' };
    const body = loaded.bodies.find((b) => b.id === item.series_id) ?? loaded.series;
    const slot = timetable[index];
    const base = {
      id: item.id,
      position: item.position,
      kind: item.kind,
      minutes: item.minutes,
      start: slot?.start ?? loaded.meeting.starts_at,
      end: slot?.end ?? loaded.meeting.starts_at,
      phases: slot?.phases ?? [],
      seriesId: body.id,
      seriesName: body.name,
      guests: guests
        .filter((g) => g.item_id === item.id)
        .map((g) => ({
          id: g.id,
          partnerAgencyId: g.partner_agency_id,
          userId: g.user_id,
          name: g.partner_name ?? g.user_name ?? g.name,
          appointed: g.appointed,
        })),
    };
    if (!itemAccess.allowed) {
      return {
        ...base,
        // Which agency joins would say what the case is about.
        guests: [] as typeof base.guests,
        visible: false as const,
        refusal: itemAccess.code,
        personId: null,
        access: itemAccess,
      };
    }
    const kase = cases.find((c) => c.id === item.case_id);
    return {
      ...base,
      visible: true as const,
      basis: item.basis,
      version: item.version,
      caseId: item.case_id,
      caseNumber: kase?.case_number ?? null,
      caseStatus: kase?.status ?? null,
      personName: kase?.name ?? null,
      personNameKana: kase?.name_kana ?? null,
      planId: item.plan_id,
      reporterId: item.reporter_id,
      reporterName: reporters.find((r) => r.id === item.reporter_id)?.display_name ?? null,
      summary: item.summary,
      discussion: item.discussion,
      checks: {
        fits: item.check_fits,
        addresses: item.check_addresses,
        motivates: item.check_motivates,
      },
      personAttended: item.person_attended,
      decision: item.decision,
      decisionNote: item.decision_note,
      decidedAt: item.decided_at?.toISOString() ?? null,
      homework: homework
        .filter((h) => h.meeting_item_id === item.id)
        .map((h) => ({
          id: h.id,
          description: h.description,
          ownerId: h.owner_id,
          ownerName: h.owner_name,
          dueOn: h.due_on,
          doneOn: h.done_on,
        })),
      resourceGaps: gaps
        .filter((g) => g.meeting_item_id === item.id)
        .map((g) => ({ id: g.id, description: g.description, status: g.status })),
      personId: kase?.person_id ?? null,
      access: itemAccess,
    };
  });
}
