import { activeConsents } from '../../domain/cases/consent';
import { canReferToMultiAgency } from '../../domain/policies/multi-agency-policy';
import { auditCase, loadCase } from '../cases/case-access';
import { consentRecordsOf } from '../consent/consent-records';
import { isUniqueViolation } from '../db/errors';
import type { ActorContext, AppDeps } from '../http/context';
import { DomainError, fieldError, forbidden } from '../http/domain-error';
import { today } from './multi-agency-access';
import { assertAgencyExists, assertCoordinator } from './references';
import type { ReferralInput } from './schema';

/**
 * 多機関協働へのつなぎ: a household the referrer (a partner agency such as the 地域包括支援センター,
 * or a support agency) cannot support alone is referred to the coordinator, with the person's
 * consent. One open multi-agency case per person's case at a time.
 */
export async function openMultiAgencyCase(
  deps: AppDeps,
  ctx: ActorContext,
  caseId: string,
  input: ReferralInput,
) {
  const action = 'multi_agency.refer';
  const { row: kase, subject } = await loadCase(deps, ctx, caseId, action);
  if (!canReferToMultiAgency(ctx.actor, subject)) {
    throw forbidden({ action, subjectType: 'case', subjectId: caseId, personId: kase.person_id });
  }
  const db = deps.database.db;
  const now = today(deps);
  if (input.referredOn > now) throw fieldError('referredOn', 'futureDate');
  await assertAgencyExists(
    db,
    kase.municipality_id,
    { partner: input.partnerAgencyId, support: input.supportAgencyId },
    { partner: 'partnerAgencyId', support: 'supportAgencyId' },
  );
  if (input.coordinatorId) await assertCoordinator(db, kase.municipality_id, input.coordinatorId);
  // With the person's consent (DOMAIN.md §5): the newest consent in force on the day.
  const consent = activeConsents(await consentRecordsOf(db, caseId), input.referredOn)[0];
  if (!consent) throw new DomainError('CONSENT_REQUIRED');
  const open = await db
    .selectFrom('multi_agency_case')
    .select('id')
    .where('case_id', '=', caseId)
    .where('status', 'in', ['referred', 'accepted', 'active'])
    .executeTakeFirst();
  if (open) throw new DomainError('MULTI_AGENCY_CASE_OPEN', { details: { id: open.id } });
  // The partial unique index decides a race between two referrals of the same household.
  return db
    .transaction()
    .execute(async (trx) => {
      const created = await trx
        .insertInto('multi_agency_case')
        .values({
          municipality_id: kase.municipality_id,
          case_id: caseId,
          coordinator_id: input.coordinatorId,
          referred_on: input.referredOn,
          referred_by_partner_agency_id: input.partnerAgencyId,
          referred_by_support_agency_id: input.supportAgencyId,
          referrer_contact: input.referrerContact,
          referral_reason: input.reason,
          consent_id: consent.id,
          created_by: ctx.actor.userId,
          created_at: deps.now(),
          updated_at: deps.now(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await auditCase(
        trx,
        ctx,
        kase,
        action,
        { type: 'multi_agency_case', id: created.id },
        {
          consentId: consent.id,
        },
      );
      return created;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw new DomainError('MULTI_AGENCY_CASE_OPEN');
      throw error;
    });
}
