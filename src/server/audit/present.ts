import type { AuditLogRow } from '../db/schema';

export function presentAuditEntry(row: AuditLogRow) {
  return {
    id: row.id,
    occurredAt: row.occurred_at.toISOString(),
    actorUserId: row.actor_user_id,
    actorLoginId: row.actor_login_id,
    actorRoles: row.actor_roles,
    actorOrganisationType: row.actor_organisation_type,
    actorOrganisationId: row.actor_organisation_id,
    action: row.action,
    outcome: row.outcome,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    personId: row.person_id,
    personIds: row.person_ids,
    legalBasis: row.legal_basis,
    legalBasisRef: row.legal_basis_ref,
    reason: row.reason,
    ip: row.ip,
    requestId: row.request_id,
    detail: row.detail,
  };
}

export type AuditEntryView = ReturnType<typeof presentAuditEntry>;
