import { allowedIssueActions } from '../../domain/participation/community';
import type { CommunityActivity, CommunityIssue } from '../db/schema-participation';

export function presentActivity(a: CommunityActivity) {
  return {
    id: a.id,
    baseId: a.base_id,
    name: a.name,
    kind: a.kind,
    schedule: a.schedule,
    heldOn: a.held_on,
    coordinatorName: a.coordinator_name,
    participantsCount: a.participants_count,
    note: a.note,
    version: a.version,
  };
}

export function presentIssue(i: CommunityIssue & { case_number?: string | null }) {
  return {
    id: i.id,
    baseId: i.base_id,
    activityId: i.activity_id,
    noticedOn: i.noticed_on,
    description: i.description,
    status: i.status,
    passedTo: i.passed_to,
    partnerAgencyId: i.partner_agency_id,
    caseId: i.case_id,
    caseNumber: i.case_number ?? null,
    passedOn: i.passed_on,
    passNote: i.pass_note,
    closedOn: i.closed_on,
    closeNote: i.close_note,
    version: i.version,
    /** The steps the issue can take now. */
    actions: allowedIssueActions(i.status),
  };
}
