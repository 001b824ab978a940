import type { Kysely, Updateable } from 'kysely';
import { consentCovering } from '../../domain/cases/consent';
import {
  allowedMultiAgencyActions,
  isOpenMultiAgencyStatus,
  type MultiAgencyAction,
  nextMultiAgencyStatus,
} from '../../domain/multi-agency/multi-agency-case';
import {
  canManageMultiAgencyCase,
  type MultiAgencySubject,
  multiAgencyReadAccess,
} from '../../domain/policies/multi-agency-policy';
import { todayInJapan } from '../../domain/text/wareki';
import { ScopedReader } from '../access/scoped-reader';
import { recordAudit } from '../audit/record-audit';
import { caseTeam, subjectOf } from '../cases/case-access';
import { consentRecordsOf } from '../consent/consent-records';
import { isUniqueViolation } from '../db/errors';
import type { Database, SupportCase } from '../db/schema';
import type { MultiAgencyCase, MultiAgencyCaseTable } from '../db/schema-multi-agency';
import type { ActorContext, AppDeps } from '../http/context';
import { DomainError, forbidden, notFound, versionConflict } from '../http/domain-error';

export interface LoadedMultiAgency {
  row: MultiAgencyCase;
  /** The person's support case it rests on. */
  anchor: SupportCase;
  subject: MultiAgencySubject;
  /** The basis of the actor's reading: their own case work, or the consent covering their agency. */
  basis: 'own_case' | 'consent';
  /** The consent a partner reads under. */
  consentId: string | null;
}

/**
 * A multi-agency case the actor may read, or the refusal: out of the scope of staff, 404; partner
 * staff whose agency is not involved, or not covered by the person's consent, 403 — each refusal
 * audited with what was tried.
 */
export async function loadMultiAgencyCase(
  deps: AppDeps,
  ctx: ActorContext,
  id: string,
  action: string,
): Promise<LoadedMultiAgency> {
  const db = deps.database.db;
  const row = await new ScopedReader(db, ctx.actor)
    .multiAgencyCases()
    .selectAll()
    .where('multi_agency_case.id', '=', id)
    .executeTakeFirst();
  const denied = { action, subjectType: 'multi_agency_case', subjectId: id };
  if (!row) {
    // Partner staff are told plainly that this is not shared with their agency.
    if (ctx.actor.roles.includes('partner_staff')) throw forbidden(denied);
    throw notFound(denied);
  }
  // The reader found the multi-agency case; its anchor case is read for the policy's facts only.
  const anchor = await db
    .selectFrom('support_case')
    .selectAll()
    .where('id', '=', row.case_id)
    .executeTakeFirstOrThrow();
  const { subject, consentId } = await subjectFor(deps, ctx, row, anchor);
  const access = multiAgencyReadAccess(ctx.actor, subject);
  if (!access.allowed) {
    throw new DomainError(access.code, { denied: { ...denied, personId: anchor.person_id } });
  }
  return { row, anchor, subject, basis: access.basis, consentId };
}

async function subjectFor(
  deps: AppDeps,
  ctx: ActorContext,
  row: MultiAgencyCase,
  anchor: SupportCase,
): Promise<{ subject: MultiAgencySubject; consentId: string | null }> {
  const db = deps.database.db;
  const [team, members] = await Promise.all([
    caseTeam(db, anchor.id),
    db
      .selectFrom('multi_agency_member')
      .select('partner_agency_id')
      .where('multi_agency_case_id', '=', row.id)
      .where('left_on', 'is', null)
      .where('partner_agency_id', 'is not', null)
      .execute(),
  ]);
  const partner = ctx.actor.partnerAgencyId;
  const covering = partner
    ? consentCovering(await consentRecordsOf(db, anchor.id), [partner], todayInJapan(deps.now()))
    : undefined;
  return {
    subject: {
      municipalityId: row.municipality_id,
      status: row.status,
      coordinatorId: row.coordinator_id,
      anchor: subjectOf(anchor, team),
      memberPartnerAgencyIds: members.flatMap((m) =>
        m.partner_agency_id ? [m.partner_agency_id] : [],
      ),
      consentCoversActor: covering !== undefined,
    },
    consentId: covering?.id ?? null,
  };
}

/** A multi-agency case the actor may keep (coordinator, officer, the person's workers), or 403. */
export async function loadMultiAgencyCaseToManage(
  deps: AppDeps,
  ctx: ActorContext,
  id: string,
  action: string,
): Promise<LoadedMultiAgency> {
  const loaded = await loadMultiAgencyCase(deps, ctx, id, action);
  if (!canManageMultiAgencyCase(ctx.actor, loaded.subject)) {
    throw forbidden({
      action,
      subjectType: 'multi_agency_case',
      subjectId: id,
      personId: loaded.anchor.person_id,
    });
  }
  return loaded;
}

/** Members, roles, lead and the joint plan change only while the case is open. */
export function assertOpen(loaded: LoadedMultiAgency): void {
  if (!isOpenMultiAgencyStatus(loaded.row.status)) {
    throw new DomainError('STEP_NOT_ALLOWED', {
      details: { status: loaded.row.status, allowed: [] },
    });
  }
}

/** The case row as a stale form compares it with its own input. */
export function presentCaseRow(row: MultiAgencyCase) {
  return {
    id: row.id,
    status: row.status,
    version: row.version,
    situation: row.plan_situation ?? '',
    issues: row.plan_issues ?? '',
    goal: row.plan_goal ?? '',
    policy: row.plan_policy ?? '',
    writtenOn: row.plan_written_on ?? '',
    reviewOn: row.plan_review_on ?? '',
  };
}

/**
 * Changes the case row at the version the caller saw (409 with the current row otherwise), and,
 * for a step of the workflow, only where the transition table allows it (409 with the steps
 * allowed now).
 */
export async function updateCaseRow(
  trx: Kysely<Database>,
  deps: AppDeps,
  loaded: LoadedMultiAgency,
  version: number,
  set: Updateable<MultiAgencyCaseTable>,
  action?: MultiAgencyAction,
): Promise<MultiAgencyCase> {
  const { row } = loaded;
  if (row.version !== version) throw versionConflict(presentCaseRow(row));
  let status = row.status;
  if (action) {
    const next = nextMultiAgencyStatus(row.status, action);
    if (!next) {
      throw new DomainError('STEP_NOT_ALLOWED', {
        details: { status: row.status, allowed: allowedMultiAgencyActions(row.status) },
      });
    }
    status = next;
  }
  const updated = await trx
    .updateTable('multi_agency_case')
    .set({ ...set, status, version: version + 1, updated_at: deps.now() })
    .where('id', '=', row.id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
  if (!updated) throw versionConflict(presentCaseRow(row));
  return updated;
}

/**
 * A read or write of a multi-agency case: audited (a write in its own transaction) with the person
 * and the basis — the staff's own case work, or the consent a partner reads under.
 */
export async function auditMultiAgency(
  db: Kysely<Database>,
  ctx: ActorContext,
  loaded: Pick<LoadedMultiAgency, 'anchor' | 'basis' | 'consentId'> & { row: { id: string } },
  action: string,
  subject?: { type: string; id: string },
  detail?: Record<string, unknown>,
): Promise<void> {
  await recordAudit(db, ctx, {
    action,
    outcome: 'success',
    subjectType: subject?.type ?? 'multi_agency_case',
    subjectId: subject?.id ?? loaded.row.id,
    personId: loaded.anchor.person_id,
    legalBasis: loaded.basis,
    legalBasisRef:
      loaded.basis === 'consent' && loaded.consentId ? loaded.consentId : loaded.anchor.case_number,
    ...(detail ? { detail } : {}),
  });
}

/** The day the server's clock says it is, in Japan. */
export function today(deps: AppDeps): string {
  return todayInJapan(deps.now());
}

/**
 * A unique violation of the one-lead index: another request made an agency the lead between this
 * one's clearing of the lead and its own write.
 */
export function isLeadTaken(error: unknown): boolean {
  return (
    isUniqueViolation(error) &&
    typeof error === 'object' &&
    error !== null &&
    (error as { constraint?: unknown }).constraint === 'multi_agency_member_lead_idx'
  );
}

/** The lead was just taken by another request: 409, to reload and look again. */
export function leadTaken(): DomainError {
  return new DomainError('MULTI_AGENCY_LEAD_TAKEN');
}
