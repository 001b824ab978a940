import { type Kysely, sql } from 'kysely';
import { rolesAllow } from '../../domain/permissions';
import { type CaseSubject, canWorkCase, caseAbilities } from '../../domain/policies/case-policy';
import { ScopedReader } from '../access/scoped-reader';
import { changedFields } from '../audit/changed-fields';
import { recordAudit } from '../audit/record-audit';
import type { Database, SupportCase } from '../db/schema';
import type { ActorContext, AppDeps } from '../http/context';
import { forbidden, notFound, versionConflict } from '../http/domain-error';

export interface LoadedCase {
  row: SupportCase;
  subject: CaseSubject;
}

export async function caseTeam(db: Kysely<Database>, caseId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('case_team_member')
    .select('user_id')
    .where('case_id', '=', caseId)
    .execute();
  return rows.map((r) => r.user_id);
}

/** The user ids of the case's team, beside a read of `support_case`. */
const teamOfCase = sql<string[]>`array(
  select t.user_id::text from case_team_member t where t.case_id = support_case.id)`;

export function subjectOf(row: SupportCase, team: readonly string[]): CaseSubject {
  return {
    municipalityId: row.municipality_id,
    supportAgencyId: row.support_agency_id,
    status: row.status,
    teamUserIds: team,
  };
}

/**
 * A case the actor may see, or 404 — and a case out of sight is an attempt worth an audit row,
 * named by what was tried. A role that reads no case at all (partner staff, administrators,
 * auditors) is refused with 403 before anything is looked up, so the answer tells nothing about
 * the case; partner staff read what is shared with them through the shared-case view.
 */
export async function loadCase(
  deps: AppDeps,
  ctx: ActorContext,
  caseId: string,
  action: string,
): Promise<LoadedCase> {
  if (!rolesAllow(ctx.actor.roles, 'case.read'))
    throw forbidden({ action, subjectType: 'case', subjectId: caseId });
  // The case and its team in one statement: every request about a case starts here.
  const found = await new ScopedReader(deps.database.db, ctx.actor)
    .cases()
    .selectAll('support_case')
    .select(teamOfCase.as('team_user_ids'))
    .where('support_case.id', '=', caseId)
    .executeTakeFirst();
  if (!found) throw notFound({ action, subjectType: 'case', subjectId: caseId });
  const { team_user_ids: team, ...row } = found;
  return { row, subject: subjectOf(row, team) };
}

/** A case the actor may work (record in, move on), or the refusal. */
export async function loadCaseToWork(
  deps: AppDeps,
  ctx: ActorContext,
  caseId: string,
  action: string,
): Promise<LoadedCase> {
  const loaded = await loadCase(deps, ctx, caseId, action);
  if (!canWorkCase(ctx.actor, loaded.subject)) {
    throw forbidden({
      action,
      subjectType: 'case',
      subjectId: caseId,
      personId: loaded.row.person_id,
    });
  }
  return loaded;
}

export function abilitiesFor(ctx: ActorContext, loaded: LoadedCase) {
  return caseAbilities(ctx.actor, loaded.subject);
}

/**
 * A read or write of a case's records: audited (for a write, in the transaction of the change) with
 * the person and the legal basis — the agency's own case work.
 */
export async function auditCase(
  trx: Kysely<Database>,
  ctx: ActorContext,
  kase: SupportCase,
  action: string,
  subject: { type: string; id: string },
  detail?: Record<string, unknown>,
): Promise<void> {
  await recordAudit(trx, ctx, {
    action,
    outcome: 'success',
    subjectType: subject.type,
    subjectId: subject.id,
    personId: kase.person_id,
    legalBasis: 'own_case',
    legalBasisRef: kase.case_number,
    ...(detail ? { detail } : {}),
  });
}

/**
 * The beats of correcting one record of a case (a contact, an emergency help, an outreach attempt
 * or escalation, a follow-up at a place): the case the actor may work; the record of that case
 * (404 otherwise) at the version the user read (409 with the current record otherwise); the
 * change, at that version, and its audit row naming the fields changed, in one transaction.
 * `load` finds the record within the case; `write` updates it where the version still matches and
 * answers the updated row, or nothing when someone else saved first.
 */
export async function correctCaseRecord<R extends { version: number }>(
  deps: AppDeps,
  ctx: ActorContext,
  caseId: string,
  spec: {
    action: string;
    subject: { type: string; id: string };
    version: number;
    load: (db: Kysely<Database>) => Promise<R | undefined>;
    changes: (current: R) => Record<string, unknown>;
    write: (
      trx: Kysely<Database>,
      changes: Record<string, unknown>,
      stamp: { version: number; updated_at: Date },
    ) => Promise<R | undefined>;
  },
): Promise<R> {
  const { row } = await loadCaseToWork(deps, ctx, caseId, spec.action);
  const db = deps.database.db;
  const current = await spec.load(db);
  if (!current)
    throw notFound({
      action: spec.action,
      subjectType: spec.subject.type,
      subjectId: spec.subject.id,
    });
  if (current.version !== spec.version) throw versionConflict(current);
  const changes = spec.changes(current);
  return db.transaction().execute(async (trx) => {
    const updated = await spec.write(trx, changes, {
      version: spec.version + 1,
      updated_at: deps.now(),
    });
    if (!updated) throw versionConflict(current);
    await auditCase(trx, ctx, row, spec.action, spec.subject, {
      changed: changedFields<Record<string, unknown>>(current, changes),
    });
    return updated;
  });
}
