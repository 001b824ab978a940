import { allowedMatchActions } from '../../domain/participation/participation';
import type { ParticipationFollowUp, ParticipationMatch } from '../db/schema-participation';

export function presentFollowUp(f: ParticipationFollowUp) {
  return {
    id: f.id,
    matchId: f.match_id,
    followedOn: f.followed_on,
    withWhom: f.with_whom,
    note: f.note,
    nextOn: f.next_on,
    recordedBy: f.recorded_by,
    version: f.version,
  };
}

export function presentMatch(m: ParticipationMatch) {
  return {
    id: m.id,
    socialResourceId: m.social_resource_id,
    kind: m.kind,
    status: m.status,
    proposedOn: m.proposed_on,
    trialStartedOn: m.trial_started_on,
    startedOn: m.started_on,
    endedOn: m.ended_on,
    endReason: m.end_reason,
    endNote: m.end_note,
    days: m.days,
    hours: m.hours,
    activities: m.activities,
    accommodations: m.accommodations,
    hostContactName: m.host_contact_name,
    overCapacityAgreed: m.over_capacity_agreed,
    note: m.note,
    createdBy: m.created_by,
    version: m.version,
    /** The steps the match can take now (the screen offers only these). */
    actions: allowedMatchActions(m.status),
  };
}
