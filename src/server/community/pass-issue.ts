import {
  allowedIssueActions,
  leadSourceDetail,
  nextIssueStatus,
} from '../../domain/participation/community';
import { ScopedReader } from '../access/scoped-reader';
import { recordAudit } from '../audit/record-audit';
import { openDetection } from '../cases/open-detection';
import type { ActorContext, AppDeps } from '../http/context';
import { DomainError, fieldError, versionConflict } from '../http/domain-error';
import { assertActivityAtBase, authorizeCommunity, loadBase, loadIssue } from './community-access';
import type { PassIssueInput } from './schema';

/**
 * An issue passed on: to a specialist partner agency with a note, or to the support agency as a
 * lead — a detected case opened through the same use case as the 把握 screen, its source naming
 * the base, its signs what was noticed — in the same transaction as the issue's change.
 */
export async function passIssue(
  deps: AppDeps,
  ctx: ActorContext,
  id: string,
  input: PassIssueInput,
) {
  authorizeCommunity(ctx, 'community_issue.pass', id);
  const current = await loadIssue(deps, ctx, id, 'community_issue.pass');
  if (current.version !== input.version) throw versionConflict(current);
  if (!nextIssueStatus(current.status, 'pass')) {
    throw new DomainError('STEP_NOT_ALLOWED', {
      details: { status: current.status, allowed: allowedIssueActions(current.status) },
    });
  }
  if (input.passedOn < current.noticed_on) throw fieldError('passedOn', 'notBeforeNoticed');
  const db = deps.database.db;
  if (input.to === 'partner_agency' && input.partnerAgencyId) {
    const partner = await new ScopedReader(db, ctx.actor)
      .partnerAgencies()
      .select('partner_agency.id')
      .where('partner_agency.id', '=', input.partnerAgencyId)
      .where('partner_agency.archived_at', 'is', null)
      .executeTakeFirst();
    if (!partner) throw fieldError('partnerAgencyId', 'unknownReference');
  }
  // An issue noticed at a base that has since closed can still be passed on.
  const base = await loadBase(deps, ctx, current.base_id, { archivedToo: true });
  const activity = await assertActivityAtBase(deps, ctx, current.activity_id, current.base_id);

  return db.transaction().execute(async (trx) => {
    let lead: { id: string; person_id: string } | null = null;
    if (input.to === 'support_agency' && input.person) {
      lead = await openDetection({ ...deps, database: { ...deps.database, db: trx } }, ctx, {
        person: input.person,
        detection: {
          detectedOn: input.passedOn,
          source: 'other',
          sourceDetail: leadSourceDetail(base.name, activity?.name ?? null),
          signs: [current.description, input.note].filter(Boolean).join('\n'),
          approachPlan: input.approachPlan,
        },
      });
    }
    const updated = await trx
      .updateTable('community_issue')
      .set({
        status: 'passed',
        passed_to: input.to,
        partner_agency_id: input.to === 'partner_agency' ? input.partnerAgencyId : null,
        case_id: lead?.id ?? null,
        passed_on: input.passedOn,
        pass_note: input.note,
        passed_by: ctx.actor.userId,
        version: input.version + 1,
        updated_at: deps.now(),
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw versionConflict(current);
    await recordAudit(trx, ctx, {
      action: 'community_issue.pass',
      outcome: 'success',
      subjectType: 'community_issue',
      subjectId: id,
      ...(lead ? { personId: lead.person_id } : {}),
      legalBasis: 'administration',
      detail: {
        to: input.to,
        ...(lead ? { caseId: lead.id } : { partnerAgencyId: input.partnerAgencyId }),
      },
    });
    return updated;
  });
}
