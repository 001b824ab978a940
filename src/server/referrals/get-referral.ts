import { recordAudit } from '../audit/record-audit';
import type { ActorContext, AppDeps } from '../http/context';
import {
  abilitiesOf,
  auditShared,
  coveringConsent,
  isPartnerStaff,
  loadReferral,
} from './referral-access';
import { personBasics, referralViews } from './shared-views';

/**
 * One referral in full, for either side: partner staff of the agency referred to see it within
 * the person's consent (shared-views.ts); case staff who see the case see it as their own work.
 * Partner staff of any other agency get 403, audited (referral-access.ts).
 */
export async function getReferral(deps: AppDeps, ctx: ActorContext, referralId: string) {
  const loaded = await loadReferral(deps, ctx, referralId, 'referral.read');
  const { referral, kase } = loaded;
  const partner = isPartnerStaff(ctx.actor);
  const consentId = partner
    ? await coveringConsent(deps, kase.id, referral.partner_agency_id)
    : referral.consent_id;
  const [views, person] = await Promise.all([
    referralViews(deps, ctx, kase, [referral], partner ? consentId !== null : true),
    personBasics(deps, kase),
  ]);
  if (partner) {
    await auditShared(deps.database.db, ctx, {
      action: 'referral.read',
      kase,
      subject: { type: 'referral', id: referralId },
      consentId,
    });
  } else {
    await recordAudit(deps.database.db, ctx, {
      action: 'referral.read',
      outcome: 'success',
      subjectType: 'referral',
      subjectId: referralId,
      personId: kase.person_id,
      legalBasis: 'own_case',
      legalBasisRef: kase.case_number,
    });
  }
  const view = views[0];
  if (!view) throw new Error(`referral ${referralId} without its view`);
  return {
    ...view,
    caseId: kase.id,
    caseNumber: partner ? null : kase.case_number,
    partnerAgencyId: referral.partner_agency_id,
    destinationName: referral.destination_name,
    person: person.view,
    abilities: { party: loaded.party, ...abilitiesOf(ctx.actor, loaded) },
  };
}
