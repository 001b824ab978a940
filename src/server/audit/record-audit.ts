import type { Kysely } from 'kysely';
import type { Actor } from '../../domain/actor';
import type { AuditOutcome, Database, LegalBasis, OrganisationType } from '../db/schema';
import type { RequestContext } from '../http/context';

/**
 * Writes one audit row. Call it with the transaction that makes the change (or reads the data),
 * so the row exists exactly when the change does. Rows are never updated or deleted: the
 * database refuses (migration 0001, audit_log_refuse_change).
 */
export interface AuditEntry {
  action: string;
  outcome: AuditOutcome;
  subjectType?: string;
  subjectId?: string;
  personId?: string;
  /** The people a list or search showed: one row for the whole list. */
  personIds?: readonly string[];
  legalBasis?: LegalBasis;
  legalBasisRef?: string;
  /** For denials and failures: the error code. */
  reason?: string;
  /** Ids and flags only; never names or free text a person typed. */
  detail?: Record<string, unknown>;
  /** Who acted, when the request has no signed-in actor yet (sign-in events). */
  actor?: Actor | null;
  /** The tenant, when there is no actor to take it from. */
  municipalityId?: string | null;
}

export function organisationOf(actor: Actor): { type: OrganisationType; id: string } {
  if (actor.partnerAgencyId) return { type: 'partner_agency', id: actor.partnerAgencyId };
  if (actor.supportAgencyId) return { type: 'support_agency', id: actor.supportAgencyId };
  return { type: 'municipality', id: actor.municipalityId };
}

function auditRow(ctx: RequestContext, entry: AuditEntry) {
  const actor = entry.actor === undefined ? ctx.actor : entry.actor;
  const organisation = actor ? organisationOf(actor) : null;
  return {
    municipality_id:
      entry.municipalityId !== undefined ? entry.municipalityId : (actor?.municipalityId ?? null),
    actor_user_id: actor?.userId ?? null,
    actor_login_id: actor?.loginId ?? null,
    actor_roles: actor ? [...actor.roles] : null,
    actor_organisation_type: organisation?.type ?? null,
    actor_organisation_id: organisation?.id ?? null,
    action: entry.action,
    outcome: entry.outcome,
    subject_type: entry.subjectType ?? null,
    subject_id: entry.subjectId ?? null,
    person_id: entry.personId ?? null,
    person_ids: entry.personIds ? [...new Set(entry.personIds)] : null,
    legal_basis: entry.legalBasis ?? null,
    legal_basis_ref: entry.legalBasisRef ?? null,
    reason: entry.reason ?? null,
    ip: ctx.ip,
    request_id: ctx.requestId,
    detail: JSON.stringify(entry.detail ?? {}),
  };
}

export async function recordAudit(
  db: Kysely<Database>,
  ctx: RequestContext,
  entry: AuditEntry,
): Promise<void> {
  await db.insertInto('audit_log').values(auditRow(ctx, entry)).execute();
}
