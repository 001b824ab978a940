import type { ContactRecord } from '../db/schema';
import type { OutreachEscalation } from '../db/schema-participation';

/** An attempt as the outreach tab shows it (only contact records that are attempts come here). */
export function presentAttempt(c: ContactRecord) {
  const { outreach_channel: channel, outreach_outcome: outcome } = c;
  // The table's CHECK sets both on every attempt; a record without them is a caller's mistake.
  if (!channel || !outcome) throw new Error(`contact record ${c.id} is not an outreach attempt`);
  return {
    id: c.id,
    occurredAt: c.occurred_at.toISOString(),
    channel,
    outcome,
    via: c.outreach_via,
    summary: c.summary,
    place: c.place,
    personState: c.person_state,
    nextStep: c.next_step,
    nextApproachOn: c.next_approach_on,
    recordedBy: c.recorded_by,
    version: c.version,
  };
}

export function presentEscalation(e: OutreachEscalation) {
  return {
    id: e.id,
    observedAt: e.observed_at.toISOString(),
    observed: e.observed,
    escalatedTo: e.escalated_to,
    partnerAgencyId: e.partner_agency_id,
    escalatedToName: e.escalated_to_name,
    escalatedAt: e.escalated_at.toISOString(),
    response: e.response,
    attemptId: e.contact_record_id,
    recordedBy: e.recorded_by,
    version: e.version,
  };
}
