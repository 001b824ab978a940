import type {
  Assessment,
  CaseClosure,
  Consent,
  ContactRecord,
  EmergencySupport,
  Evaluation,
  Monitoring,
  Referral,
  SupportDecision,
} from '../db/schema';
import type { OutreachEscalation } from '../db/schema-participation';
import type { PartnerActivity, ReferralEventRow } from '../db/schema-referrals';

/**
 * Everything that happened in a case, newest first: status changes, contacts, consents,
 * emergency help, every step of each referral and what partner agencies did, assessments, plan changes, decisions, monitoring, evaluations,
 * closures. Entries carry codes and ids; the screen words them.
 */
export interface TimelineEntry {
  /** ISO date (YYYY-MM-DD) or date-time. */
  at: string;
  kind:
    | 'transition'
    | 'contact'
    | 'consent'
    | 'consent_withdrawn'
    | 'emergency'
    | 'escalation'
    | 'referral_event'
    | 'partner_activity'
    | 'assessment'
    | 'plan_change'
    | 'decision'
    | 'monitoring'
    | 'evaluation'
    | 'closure';
  id: string;
  data: Record<string, string | number | boolean | null>;
}

interface Sources {
  transitions: {
    id: number;
    action: string;
    from_status: string | null;
    to_status: string;
    occurred_at: Date;
    reason: string | null;
    actor_user_id: string | null;
  }[];
  contacts: ContactRecord[];
  consents: Consent[];
  emergencies: EmergencySupport[];
  /** Emergencies seen while reaching out, and where they were passed on. */
  escalations: OutreachEscalation[];
  referrals: Referral[];
  /** Every step of every referral (つなぎ): sent, answered, arrived … */
  referralEvents: ReferralEventRow[];
  /** What partner agencies recorded for the person. */
  partnerActivities: PartnerActivity[];
  assessments: Assessment[];
  plans: {
    id: string;
    plan_no: number;
    revision: number;
    status: string;
    created_at: Date;
    change_reason: string | null;
  }[];
  decisions: SupportDecision[];
  monitoring: Monitoring[];
  evaluations: Evaluation[];
  closures: CaseClosure[];
}

export function buildTimeline(s: Sources): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...s.transitions.map((t) => ({
      at: t.occurred_at.toISOString(),
      kind: 'transition' as const,
      id: String(t.id),
      data: {
        action: t.action,
        from: t.from_status,
        to: t.to_status,
        reason: t.reason,
        actor: t.actor_user_id,
      },
    })),
    ...s.contacts.map((c) => ({
      at: c.occurred_at.toISOString(),
      kind: 'contact' as const,
      id: c.id,
      data: {
        mode: c.mode,
        reached: c.reached,
        summary: c.summary,
        actor: c.recorded_by,
        // An outreach attempt (アウトリーチ): how it was tried and what came of it.
        outreachChannel: c.outreach_channel,
        outreachOutcome: c.outreach_outcome,
      },
    })),
    ...s.escalations.map((e) => ({
      at: e.escalated_at.toISOString(),
      kind: 'escalation' as const,
      id: e.id,
      data: {
        escalatedTo: e.escalated_to,
        partnerAgencyId: e.partner_agency_id,
        escalatedToName: e.escalated_to_name,
        actor: e.recorded_by,
      },
    })),
    ...s.consents.map((c) => ({
      at: c.given_on,
      kind: 'consent' as const,
      id: c.id,
      data: { allAgencies: c.all_agencies, signedBy: c.signed_by },
    })),
    ...s.consents
      .filter((c) => c.withdrawn_on)
      .map((c) => ({
        at: c.withdrawn_on ?? '',
        kind: 'consent_withdrawn' as const,
        id: c.id,
        data: { reason: c.withdrawal_reason },
      })),
    ...s.emergencies.map((e) => ({
      at: e.requested_on,
      kind: 'emergency' as const,
      id: e.id,
      data: { emergencyKind: e.kind, outcome: e.outcome },
    })),
    ...s.referralEvents.map((e) => {
      const r = s.referrals.find((x) => x.id === e.referral_id);
      return {
        at: e.occurred_at.toISOString(),
        kind: 'referral_event' as const,
        id: String(e.id),
        data: {
          event: e.event,
          referralId: e.referral_id,
          partnerAgencyId: r?.partner_agency_id ?? null,
          destinationName: r?.destination_name ?? null,
          toPublicAssistance: r?.to_public_assistance ?? false,
          reason: e.reason,
          /** The day the person arrived (or was found not to), as the worker recorded it. */
          confirmedOn:
            e.event === 'arrived' || e.event === 'not_arrived' ? (r?.confirmed_on ?? null) : null,
          actor: e.actor_user_id,
          actorPartnerAgencyId: e.actor_partner_agency_id,
        },
      };
    }),
    ...s.partnerActivities.map((a) => ({
      at: a.occurred_on,
      kind: 'partner_activity' as const,
      id: a.id,
      data: {
        activityKind: a.kind,
        summary: a.summary,
        partnerAgencyId: a.partner_agency_id,
        referralId: a.referral_id,
        actor: a.recorded_by,
      },
    })),
    ...s.assessments
      .filter((a) => a.completed_at)
      .map((a) => ({
        at: a.completed_at?.toISOString() ?? '',
        kind: 'assessment' as const,
        id: a.id,
        data: { versionNo: a.version_no },
      })),
    ...s.plans
      .filter((p) => p.revision > 0)
      .map((p) => ({
        at: p.created_at.toISOString(),
        kind: 'plan_change' as const,
        id: p.id,
        data: { planNo: p.plan_no, revision: p.revision, reason: p.change_reason },
      })),
    ...s.decisions.map((d) => ({
      at: d.decided_on,
      kind: 'decision' as const,
      id: d.id,
      data: { decisionKind: d.kind, actor: d.decided_by },
    })),
    ...s.monitoring
      .filter((m) => m.done_on)
      .map((m) => ({
        at: m.done_on ?? '',
        kind: 'monitoring' as const,
        id: m.id,
        data: { nextAction: m.next_action },
      })),
    ...s.evaluations.map((e) => ({
      at: e.evaluated_on,
      kind: 'evaluation' as const,
      id: e.id,
      data: { decision: e.decision, employed: e.employed },
    })),
    ...s.closures.map((c) => ({
      at: c.decided_on,
      kind: 'closure' as const,
      id: c.id,
      data: { closureKind: c.kind, reason: c.reason, followUp: c.follow_up },
    })),
  ];
  // Newest first; at the same moment, what was written later (each source comes oldest first).
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) =>
      a.entry.at < b.entry.at ? 1 : a.entry.at > b.entry.at ? -1 : b.index - a.index,
    )
    .map((x) => x.entry);
}
