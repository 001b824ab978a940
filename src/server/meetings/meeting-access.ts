import { type Kysely, sql } from 'kysely';
import type { Actor } from '../../domain/actor';
import { meetingTypeRules } from '../../domain/meetings/meeting-types';
import { can } from '../../domain/policies/can';
import { canSeeMeeting, type ItemAccess, itemAccess } from '../../domain/policies/meeting-policy';
import { ScopedReader } from '../access/scoped-reader';
import type { Database, Meeting, MeetingItem, MeetingSeries } from '../db/schema';
import type { ActorContext, AppDeps } from '../http/context';
import { DomainError, forbidden, notFound } from '../http/domain-error';

export interface LoadedMeeting {
  meeting: Meeting;
  series: MeetingSeries;
  /** The meeting's own body first, then those of a joint sitting. */
  bodies: MeetingSeries[];
}

/** A meeting the actor may see (its date, bodies and attendance), or 404 and an audit row. */
export async function loadMeeting(
  deps: AppDeps,
  ctx: ActorContext,
  meetingId: string,
  action: string,
): Promise<LoadedMeeting> {
  const db = deps.database.db;
  const meeting = await new ScopedReader(db, ctx.actor)
    .meetings()
    .selectAll()
    .where('meeting.id', '=', meetingId)
    .executeTakeFirst();
  if (!meeting) throw notFound({ action, subjectType: 'meeting', subjectId: meetingId });
  const joint = await db
    .selectFrom('meeting_joint_series')
    .select('series_id')
    .where('meeting_id', '=', meetingId)
    .execute();
  const bodies = await db
    .selectFrom('meeting_series')
    .selectAll()
    .where('id', 'in', [meeting.series_id, ...joint.map((j) => j.series_id)])
    .execute();
  const series = bodies.find((b) => b.id === meeting.series_id);
  if (!series) throw new Error(`meeting ${meetingId} without its series`);
  return {
    meeting,
    series,
    bodies: [series, ...bodies.filter((b) => b.id !== series.id)],
  };
}

/** Whether the actor may see a body's meetings at all, from the series row alone. */
export async function seesSeries(
  db: Kysely<Database>,
  actor: Actor,
  series: MeetingSeries,
): Promise<boolean> {
  const member = await new ScopedReader(db, actor)
    .membershipOf(sql.val(series.id))
    .executeTakeFirst();
  return canSeeMeeting(actor, {
    municipalityId: series.municipality_id,
    sharing: meetingTypeRules[series.type].sharing,
    hostAgencyId: series.host_agency_id,
    involved: member !== undefined,
  });
}

/**
 * For each item of a meeting, whether the actor may see what is said about its case, and on
 * which basis (policies/meeting-policy.ts). The facts are read in a few queries for the whole
 * agenda.
 */
export async function itemAccessFor(
  db: Kysely<Database>,
  actor: Actor,
  loaded: LoadedMeeting,
  items: readonly MeetingItem[],
): Promise<Map<string, ItemAccess>> {
  const result = new Map<string, ItemAccess>();
  if (items.length === 0) return result;
  const reader = new ScopedReader(db, actor);
  const itemIds = items.map((i) => i.id);
  const caseIds = [...new Set(items.map((i) => i.case_id))];
  const consentIds = items.flatMap((i) => (i.consent_id ? [i.consent_id] : []));
  const { userId, partnerAgencyId } = actor;
  const [memberOf, acknowledged, guests, attends, readable, consents] = await Promise.all([
    Promise.all(
      loaded.bodies.map(async (b) => ({
        id: b.id,
        member: (await reader.membershipOf(sql.val(b.id)).executeTakeFirst()) !== undefined,
      })),
    ),
    db
      .selectFrom('meeting_acknowledgement')
      .select('series_id')
      .where('user_id', '=', userId)
      .where(
        'series_id',
        'in',
        loaded.bodies.map((b) => b.id),
      )
      .execute(),
    db
      .selectFrom('meeting_item_guest')
      .select(['item_id', 'appointed'])
      .where('item_id', 'in', itemIds)
      .where((eb) =>
        eb.or([
          eb('user_id', '=', userId),
          ...(partnerAgencyId ? [eb('partner_agency_id', '=', partnerAgencyId)] : []),
        ]),
      )
      .execute(),
    db
      .selectFrom('meeting_attendee')
      .select('id')
      .where('meeting_id', '=', loaded.meeting.id)
      .where((eb) =>
        eb.or([
          eb('user_id', '=', userId),
          ...(partnerAgencyId ? [eb('partner_agency_id', '=', partnerAgencyId)] : []),
        ]),
      )
      .executeTakeFirst(),
    reader.cases().select('support_case.id').where('support_case.id', 'in', caseIds).execute(),
    consentIds.length && partnerAgencyId
      ? db
          .selectFrom('consent')
          .leftJoin('consent_agency', (join) =>
            join
              .onRef('consent_agency.consent_id', '=', 'consent.id')
              .on('consent_agency.partner_agency_id', '=', partnerAgencyId),
          )
          .select(['consent.id', 'consent.all_agencies', 'consent_agency.partner_agency_id'])
          .where('consent.id', 'in', consentIds)
          .where('consent.withdrawn_on', 'is', null)
          .execute()
      : Promise.resolve([]),
  ]);
  const members = new Set(memberOf.filter((m) => m.member).map((m) => m.id));
  const acks = new Set(acknowledged.map((a) => a.series_id));
  const readableIds = new Set(readable.map((r) => r.id));
  const covering = new Set(
    consents.filter((c) => c.all_agencies || c.partner_agency_id !== null).map((c) => c.id),
  );
  for (const item of items) {
    const body = loaded.bodies.find((b) => b.id === item.series_id) ?? loaded.series;
    const mine = guests.filter((g) => g.item_id === item.id);
    result.set(
      item.id,
      itemAccess(actor, {
        municipalityId: item.municipality_id,
        sharing: meetingTypeRules[body.type].sharing,
        hostAgencyId: body.host_agency_id,
        member: members.has(body.id),
        appointedGuest: mine.some((g) => g.appointed),
        acknowledged: acks.has(body.id),
        invited: attends !== undefined || mine.length > 0,
        readsCase: readableIds.has(item.case_id),
        consentCoversActor: item.consent_id !== null && covering.has(item.consent_id),
      }),
    );
  }
  return result;
}

/** One item the actor may see, or the refusal (403 with the reason, audited). */
export async function loadItem(
  deps: AppDeps,
  ctx: ActorContext,
  meetingId: string,
  itemId: string,
  action: string,
) {
  const loaded = await loadMeeting(deps, ctx, meetingId, action);
  const db = deps.database.db;
  const item = await db
    .selectFrom('meeting_item')
    .selectAll()
    .where('id', '=', itemId)
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
  if (!item) throw notFound({ action, subjectType: 'meeting_item', subjectId: itemId });
  const access = (await itemAccessFor(db, ctx.actor, loaded, [item])).get(item.id);
  if (!access?.allowed) {
    const personId = await db
      .selectFrom('support_case')
      .select('person_id')
      .where('id', '=', item.case_id)
      .executeTakeFirstOrThrow();
    throw new DomainError(access?.code ?? 'FORBIDDEN', {
      denied: {
        action,
        subjectType: 'meeting_item',
        subjectId: itemId,
        personId: personId.person_id,
      },
    });
  }
  return { ...loaded, item, access };
}

/** Refuses unless the actor may manage meetings of this body (and see it). */
export async function assertManages(
  db: Kysely<Database>,
  actor: Actor,
  series: MeetingSeries,
  action: string,
) {
  if (!can(actor, 'meeting.manage', { municipalityId: series.municipality_id })) {
    throw forbidden({ action, subjectType: 'meeting_series', subjectId: series.id });
  }
  if (!(await seesSeries(db, actor, series))) {
    throw notFound({ action, subjectType: 'meeting_series', subjectId: series.id });
  }
}
