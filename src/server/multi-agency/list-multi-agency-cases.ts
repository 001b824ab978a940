import { consentCovering } from '../../domain/cases/consent';
import { todayInJapan } from '../../domain/text/wareki';
import { authorize } from '../access/authorize';
import { ScopedReader } from '../access/scoped-reader';
import { recordAudit } from '../audit/record-audit';
import { consentRecordsOf } from '../consent/consent-records';
import type { ActorContext, AppDeps } from '../http/context';
import type { ListQuery } from './schema';

/**
 * The coordinator's list (多機関協働の一覧): the households in their sight, open ones by default,
 * with the lead agency, the number of agencies, and the next review. The list names the people it
 * shows in one audit row. Partner staff get the open cases their agency takes part in, within the
 * person's consent, without the case number.
 */
export async function listMultiAgencyCases(
  deps: AppDeps,
  ctx: ActorContext,
  query: ListQuery,
  auditAction = 'multi_agency.list',
) {
  // Partner staff see the households their agency takes part in, within the person's consent.
  const partnerAgencyId = ctx.actor.roles.includes('partner_staff')
    ? ctx.actor.partnerAgencyId
    : null;
  if (!partnerAgencyId) authorize(ctx.actor, 'multiAgency.manage');
  const db = deps.database.db;
  let q = new ScopedReader(db, ctx.actor)
    .multiAgencyCases()
    .innerJoin('support_case', 'support_case.id', 'multi_agency_case.case_id')
    .innerJoin('person', 'person.id', 'support_case.person_id')
    .leftJoin('app_user', 'app_user.id', 'multi_agency_case.coordinator_id')
    .leftJoin(
      'partner_agency as referrer',
      'referrer.id',
      'multi_agency_case.referred_by_partner_agency_id',
    )
    .leftJoin(
      'support_agency as referrer_agency',
      'referrer_agency.id',
      'multi_agency_case.referred_by_support_agency_id',
    )
    .select((eb) => [
      'multi_agency_case.id',
      'multi_agency_case.case_id',
      'multi_agency_case.status',
      'multi_agency_case.referred_on',
      'multi_agency_case.accepted_on',
      'multi_agency_case.plan_review_on',
      'multi_agency_case.ended_on',
      'multi_agency_case.coordinator_id',
      'support_case.case_number',
      'person.id as person_id',
      'person.name as person_name',
      'app_user.display_name as coordinator_name',
      eb.fn.coalesce('referrer.name', 'referrer_agency.name').as('referrer_name'),
      eb
        .selectFrom('multi_agency_member')
        .leftJoin('partner_agency', 'partner_agency.id', 'multi_agency_member.partner_agency_id')
        .leftJoin('support_agency', 'support_agency.id', 'multi_agency_member.support_agency_id')
        .select((m) => m.fn.coalesce('partner_agency.name', 'support_agency.name').as('name'))
        .whereRef('multi_agency_member.multi_agency_case_id', '=', 'multi_agency_case.id')
        .where('multi_agency_member.lead', '=', true)
        .limit(1)
        .as('lead_name'),
      eb
        .selectFrom('multi_agency_member')
        .select((m) =>
          m.fn
            .count<number>(
              m.fn.coalesce(
                'multi_agency_member.partner_agency_id',
                'multi_agency_member.support_agency_id',
              ),
            )
            .distinct()
            .as('n'),
        )
        .whereRef('multi_agency_member.multi_agency_case_id', '=', 'multi_agency_case.id')
        .where('multi_agency_member.left_on', 'is', null)
        .as('agency_count'),
    ]);
  if (query.scope === 'open') {
    q = q.where('multi_agency_case.status', 'in', ['referred', 'accepted', 'active']);
  }
  if (query.mine) q = q.where('multi_agency_case.coordinator_id', '=', ctx.actor.userId);
  const found = await q
    .orderBy('multi_agency_case.referred_on', 'desc')
    .orderBy('multi_agency_case.id')
    .limit(500)
    .execute();
  const rows = partnerAgencyId ? await withinConsent(deps, found, partnerAgencyId) : found;
  await recordAudit(db, ctx, {
    action: auditAction,
    outcome: 'success',
    personIds: rows.map((r) => r.person_id),
    legalBasis: partnerAgencyId ? 'consent' : 'own_case',
    detail: { scope: query.scope, mine: query.mine, count: rows.length },
  });
  // Partner staff read the household's case only through the multi-agency case: no case number.
  return rows.map((r) => ({
    id: r.id,
    caseId: partnerAgencyId ? null : r.case_id,
    caseNumber: partnerAgencyId ? null : r.case_number,
    personName: r.person_name,
    status: r.status,
    referredOn: r.referred_on,
    acceptedOn: r.accepted_on,
    reviewOn: r.plan_review_on,
    endedOn: r.ended_on,
    coordinatorId: r.coordinator_id,
    coordinatorName: r.coordinator_name,
    referrerName: r.referrer_name,
    leadName: r.lead_name,
    agencyCount: Number(r.agency_count ?? 0),
  }));
}

/** The rows whose person's consent covers the partner agency today. */
async function withinConsent<T extends { case_id: string }>(
  deps: AppDeps,
  rows: T[],
  partnerAgencyId: string,
): Promise<T[]> {
  const on = todayInJapan(deps.now());
  const kept: T[] = [];
  for (const row of rows) {
    const records = await consentRecordsOf(deps.database.db, row.case_id);
    if (consentCovering(records, [partnerAgencyId], on)) kept.push(row);
  }
  return kept;
}
