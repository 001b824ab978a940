import type { PartnerActivity, ReferralEventRow } from '../db/schema-referrals';

/** Rows of the referral area as the API shows them: camelCase, ISO dates and times. */
export function presentActivity(a: PartnerActivity) {
  return {
    id: a.id,
    caseId: a.case_id,
    referralId: a.referral_id,
    partnerAgencyId: a.partner_agency_id,
    occurredOn: a.occurred_on,
    kind: a.kind,
    summary: a.summary,
    recordedBy: a.recorded_by,
    version: a.version,
  };
}

export function presentEvent(e: ReferralEventRow) {
  return {
    id: e.id,
    referralId: e.referral_id,
    event: e.event,
    actor: e.actor_user_id,
    actorPartnerAgencyId: e.actor_partner_agency_id,
    occurredAt: e.occurred_at.toISOString(),
    reason: e.reason,
  };
}

export interface DocumentView {
  id: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
}

export type ActivityView = ReturnType<typeof presentActivity>;
export type EventView = ReturnType<typeof presentEvent>;
