import { defaultPhaseMinutes } from '../../domain/meetings/agenda';
import { confidentialityNotice, meetingTypeRules } from '../../domain/meetings/meeting-types';
import { authorize } from '../access/authorize';
import { ScopedReader } from '../access/scoped-reader';
import { recordAudit } from '../audit/record-audit';
import type { MeetingSeries } from '../db/schema';
import type { ActorContext, AppDeps } from '../http/context';
import { fieldError, notFound, versionConflict } from '../http/domain-error';
import { assertManages } from './meeting-access';
import type { MemberInput, SeriesInput } from './schema';

/**
 * Meeting bodies (会議体) and their member registers. A body under the law keeps, per user, the
 * acknowledgement of its duty of confidentiality; until then the user sees none of its cases.
 */
function columns(input: SeriesInput) {
  return {
    type: input.type,
    name: input.name,
    legal_basis: input.legalBasis,
    host_agency_id: input.hostAgencyId,
    pattern: input.pattern,
    regular_week: input.pattern === 'ad_hoc' ? null : input.regularWeek,
    regular_weekday: input.pattern === 'ad_hoc' ? null : input.regularWeekday,
    default_start: input.defaultStart,
    place: input.place,
    online: input.online,
    minutes_per_case: input.minutesPerCase,
    phase_minutes: JSON.stringify(input.phaseMinutes ?? defaultPhaseMinutes),
  };
}

export function presentSeries(row: MeetingSeries) {
  const rule = meetingTypeRules[row.type];
  return {
    id: row.id,
    type: row.type,
    name: row.name,
    legalBasis: row.legal_basis,
    sharing: rule.sharing,
    municipalOfficerRequired: rule.municipalOfficerRequired,
    hostAgencyId: row.host_agency_id,
    pattern: row.pattern,
    regularWeek: row.regular_week,
    regularWeekday: row.regular_weekday,
    defaultStart: row.default_start,
    place: row.place,
    online: row.online,
    minutesPerCase: row.minutes_per_case,
    phaseMinutes: row.phase_minutes,
    active: row.active,
    version: row.version,
  };
}

async function assertHost(deps: AppDeps, ctx: ActorContext, input: SeriesInput) {
  if (!input.hostAgencyId) return;
  const agency = await new ScopedReader(deps.database.db, ctx.actor)
    .supportAgencies()
    .select('id')
    .where('id', '=', input.hostAgencyId)
    .executeTakeFirst();
  if (!agency) throw fieldError('hostAgencyId', 'unknownReference');
}

export async function listSeries(deps: AppDeps, ctx: ActorContext) {
  authorize(ctx.actor, 'meeting.read');
  const rows = await new ScopedReader(deps.database.db, ctx.actor)
    .meetingSeries()
    .selectAll()
    .orderBy('meeting_series.type')
    .orderBy('meeting_series.name')
    .execute();
  return rows.map(presentSeries);
}

export async function loadSeries(deps: AppDeps, ctx: ActorContext, id: string, action: string) {
  const row = await new ScopedReader(deps.database.db, ctx.actor)
    .meetingSeries()
    .selectAll()
    .where('meeting_series.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound({ action, subjectType: 'meeting_series', subjectId: id });
  return row;
}

export async function getSeries(deps: AppDeps, ctx: ActorContext, id: string) {
  const row = await loadSeries(deps, ctx, id, 'meeting_series.read');
  const db = deps.database.db;
  const [members, ack] = await Promise.all([
    db
      .selectFrom('meeting_member')
      .leftJoin('app_user', 'app_user.id', 'meeting_member.user_id')
      .leftJoin('partner_agency', 'partner_agency.id', 'meeting_member.partner_agency_id')
      .leftJoin('support_agency', 'support_agency.id', 'meeting_member.support_agency_id')
      .leftJoin('meeting_acknowledgement', (join) =>
        join
          .onRef('meeting_acknowledgement.series_id', '=', 'meeting_member.series_id')
          .onRef('meeting_acknowledgement.user_id', '=', 'meeting_member.user_id'),
      )
      .select([
        'meeting_member.id',
        'meeting_member.tier',
        'meeting_member.user_id',
        'meeting_member.partner_agency_id',
        'meeting_member.support_agency_id',
        'meeting_member.name',
        'meeting_member.organisation',
        'meeting_member.appointed_on',
        'meeting_member.ended_on',
        'app_user.display_name as user_name',
        'partner_agency.name as partner_name',
        'support_agency.name as agency_name',
        'meeting_acknowledgement.acknowledged_at',
      ])
      .where('meeting_member.series_id', '=', id)
      .orderBy('meeting_member.tier')
      .orderBy('meeting_member.appointed_on')
      .execute(),
    db
      .selectFrom('meeting_acknowledgement')
      .select('acknowledged_at')
      .where('series_id', '=', id)
      .where('user_id', '=', ctx.actor.userId)
      .executeTakeFirst(),
  ]);
  const rule = meetingTypeRules[row.type];
  return {
    ...presentSeries(row),
    members: members.map((m) => ({
      id: m.id,
      tier: m.tier,
      userId: m.user_id,
      partnerAgencyId: m.partner_agency_id,
      supportAgencyId: m.support_agency_id,
      name: m.user_name ?? m.partner_name ?? m.agency_name ?? m.name,
      organisation: m.organisation,
      appointedOn: m.appointed_on,
      endedOn: m.ended_on,
      acknowledgedAt: m.acknowledged_at?.toISOString() ?? null,
    })),
    confidentiality:
      rule.sharing === 'law'
        ? {
            notice: confidentialityNotice,
            acknowledgedAt: ack?.acknowledged_at.toISOString() ?? null,
          }
        : null,
  };
}

export async function createSeries(deps: AppDeps, ctx: ActorContext, input: SeriesInput) {
  authorize(ctx.actor, 'meeting.manage');
  await assertHost(deps, ctx, input);
  return deps.database.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('meeting_series')
      .values({ ...columns(input), municipality_id: ctx.actor.municipalityId })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      action: 'meeting_series.create',
      outcome: 'success',
      subjectType: 'meeting_series',
      subjectId: row.id,
      legalBasis: 'administration',
    });
    return presentSeries(row);
  });
}

export async function updateSeries(
  deps: AppDeps,
  ctx: ActorContext,
  id: string,
  input: { version: number; series: SeriesInput },
) {
  const current = await loadSeries(deps, ctx, id, 'meeting_series.update');
  await assertManages(deps.database.db, ctx.actor, current, 'meeting_series.update');
  await assertHost(deps, ctx, input.series);
  if (current.version !== input.version) throw versionConflict(presentSeries(current));
  return deps.database.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('meeting_series')
      .set({ ...columns(input.series), version: input.version + 1, updated_at: deps.now() })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw versionConflict(presentSeries(current));
    await recordAudit(trx, ctx, {
      action: 'meeting_series.update',
      outcome: 'success',
      subjectType: 'meeting_series',
      subjectId: id,
      legalBasis: 'administration',
    });
    return presentSeries(row);
  });
}

export async function addMember(
  deps: AppDeps,
  ctx: ActorContext,
  seriesId: string,
  input: MemberInput,
) {
  const series = await loadSeries(deps, ctx, seriesId, 'meeting_member.create');
  await assertManages(deps.database.db, ctx.actor, series, 'meeting_member.create');
  const reader = new ScopedReader(deps.database.db, ctx.actor);
  const checks = [
    input.userId && {
      path: 'userId',
      query: reader.users().select('id').where('id', '=', input.userId),
    },
    input.partnerAgencyId && {
      path: 'partnerAgencyId',
      query: reader.partnerAgencies().select('id').where('id', '=', input.partnerAgencyId),
    },
    input.supportAgencyId && {
      path: 'supportAgencyId',
      query: reader.supportAgencies().select('id').where('id', '=', input.supportAgencyId),
    },
  ];
  for (const check of checks) {
    if (check && !(await check.query.executeTakeFirst()))
      throw fieldError(check.path, 'unknownReference');
  }
  return deps.database.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('meeting_member')
      .values({
        municipality_id: series.municipality_id,
        series_id: seriesId,
        tier: input.tier,
        user_id: input.userId,
        partner_agency_id: input.partnerAgencyId,
        support_agency_id: input.supportAgencyId,
        name: input.name,
        organisation: input.organisation,
        appointed_on: input.appointedOn,
        ended_on: input.endedOn,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      action: 'meeting_member.create',
      outcome: 'success',
      subjectType: 'meeting_series',
      subjectId: seriesId,
      legalBasis: 'administration',
      detail: { memberId: row.id },
    });
    return row;
  });
}

/** A member leaves the register (kept, with the end date, for the record). */
export async function endMember(
  deps: AppDeps,
  ctx: ActorContext,
  seriesId: string,
  memberId: string,
  endedOn: string,
) {
  const series = await loadSeries(deps, ctx, seriesId, 'meeting_member.end');
  await assertManages(deps.database.db, ctx.actor, series, 'meeting_member.end');
  return deps.database.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('meeting_member')
      .set({ ended_on: endedOn })
      .where('id', '=', memberId)
      .where('series_id', '=', seriesId)
      .returning('id')
      .executeTakeFirst();
    if (!row)
      throw notFound({
        action: 'meeting_member.end',
        subjectType: 'meeting_member',
        subjectId: memberId,
      });
    await recordAudit(trx, ctx, {
      action: 'meeting_member.end',
      outcome: 'success',
      subjectType: 'meeting_series',
      subjectId: seriesId,
      legalBasis: 'administration',
      detail: { memberId },
    });
  });
}

/** The user acknowledges the duty of confidentiality of a body under the law; once is enough. */
export async function acknowledgeConfidentiality(
  deps: AppDeps,
  ctx: ActorContext,
  seriesId: string,
) {
  authorize(ctx.actor, 'meeting.read');
  const db = deps.database.db;
  // A member sees the body; a temporary member appointed for one item sees it through the meeting.
  const series =
    (await new ScopedReader(db, ctx.actor)
      .meetingSeries()
      .selectAll()
      .where('meeting_series.id', '=', seriesId)
      .executeTakeFirst()) ??
    (await db
      .selectFrom('meeting_series')
      .selectAll()
      .where('id', '=', seriesId)
      .where((eb) =>
        eb.exists(
          new ScopedReader(db, ctx.actor)
            .meetings()
            .innerJoin('meeting_item', 'meeting_item.meeting_id', 'meeting.id')
            .select('meeting_item.id')
            .where('meeting_item.series_id', '=', seriesId),
        ),
      )
      .executeTakeFirst());
  if (!series)
    throw notFound({
      action: 'meeting.acknowledge',
      subjectType: 'meeting_series',
      subjectId: seriesId,
    });
  return deps.database.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('meeting_acknowledgement')
      .values({
        series_id: seriesId,
        municipality_id: series.municipality_id,
        user_id: ctx.actor.userId,
        acknowledged_at: deps.now(),
      })
      .onConflict((oc) => oc.columns(['series_id', 'user_id']).doNothing())
      .returning('acknowledged_at')
      .executeTakeFirst();
    if (row) {
      await recordAudit(trx, ctx, {
        action: 'meeting.acknowledge',
        outcome: 'success',
        subjectType: 'meeting_series',
        subjectId: seriesId,
        legalBasis: 'support_meeting',
        legalBasisRef: series.legal_basis ?? series.type,
      });
    }
    const ack = await trx
      .selectFrom('meeting_acknowledgement')
      .select('acknowledged_at')
      .where('series_id', '=', seriesId)
      .where('user_id', '=', ctx.actor.userId)
      .executeTakeFirstOrThrow();
    return { acknowledgedAt: ack.acknowledged_at.toISOString() };
  });
}
