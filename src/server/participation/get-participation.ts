import { occupancy } from '../../domain/participation/participation';
import { ScopedReader } from '../access/scoped-reader';
import { abilitiesFor, auditCase, loadCase } from '../cases/case-access';
import type { ActorContext, AppDeps } from '../http/context';
import { presentFollowUp, presentMatch } from './present';

/**
 * The participation tab: the person's places (proposed, on trial, taking part, ended) with the
 * follow-ups of each, and the places of the directory that take people in, with how many of their
 * places are taken. A read of the person's data: audited.
 */
export async function getParticipation(deps: AppDeps, ctx: ActorContext, caseId: string) {
  const loaded = await loadCase(deps, ctx, caseId, 'participation.read');
  const { row } = loaded;
  const db = deps.database.db;
  const reader = new ScopedReader(db, ctx.actor);
  const [matches, followUps, places, occupied] = await Promise.all([
    reader
      .participationMatches()
      .innerJoin('social_resource', 'social_resource.id', 'participation_match.social_resource_id')
      .selectAll('participation_match')
      .select('social_resource.name as place_name')
      .where('participation_match.case_id', '=', caseId)
      .orderBy('participation_match.proposed_on', 'desc')
      .orderBy('participation_match.created_at', 'desc')
      .execute(),
    db
      .selectFrom('participation_follow_up')
      .innerJoin(
        'participation_match',
        'participation_match.id',
        'participation_follow_up.match_id',
      )
      .selectAll('participation_follow_up')
      .where('participation_match.case_id', '=', caseId)
      .orderBy('participation_follow_up.followed_on', 'desc')
      .orderBy('participation_follow_up.created_at', 'desc')
      .execute(),
    reader
      .socialResources()
      .select([
        'social_resource.id',
        'social_resource.name',
        'social_resource.participation_kinds',
        'social_resource.capacity',
        'social_resource.capacity_note',
        'social_resource.accommodations',
        'social_resource.provider_name',
        'social_resource.hours',
        'social_resource.area',
        'social_resource.archived_at',
      ])
      .where((eb) => eb(eb.fn('cardinality', ['social_resource.participation_kinds']), '>', 0))
      .orderBy('social_resource.name')
      .execute(),
    reader.placeOccupancy().execute(),
  ]);
  await auditCase(db, ctx, row, 'participation.read', { type: 'case', id: caseId });
  const taken = new Map(occupied.map((o) => [o.social_resource_id, Number(o.occupied)]));
  const matchedPlaces = new Set(matches.map((m) => m.social_resource_id));
  // Places the person holds or is offered first, the ended ones after them; newest first within.
  const open = (m: { status: string }) => (m.status === 'ended' ? 1 : 0);
  return {
    matches: [...matches]
      .sort((a, b) => open(a) - open(b))
      .map((m) => ({
        ...presentMatch(m),
        placeName: m.place_name,
        followUps: followUps.filter((f) => f.match_id === m.id).map(presentFollowUp),
      })),
    // Archived places stay named on the matches that used them, but are offered no more.
    places: places
      .filter((p) => p.archived_at === null || matchedPlaces.has(p.id))
      .map((p) => ({
        id: p.id,
        name: p.name,
        kinds: p.participation_kinds,
        providerName: p.provider_name,
        hours: p.hours,
        area: p.area,
        accommodations: p.accommodations,
        capacityNote: p.capacity_note,
        archived: p.archived_at !== null,
        ...occupancy(p.capacity, taken.get(p.id) ?? 0),
      })),
    abilities: { update: abilitiesFor(ctx, loaded).update },
  };
}

export type ParticipationView = Awaited<ReturnType<typeof getParticipation>>;
