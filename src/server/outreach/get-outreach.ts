import { nextApproach } from '../../domain/participation/outreach';
import {
  type OutreachHistoryKind,
  orderOutreachHistory,
} from '../../domain/participation/outreach-history';
import { todayInJapan } from '../../domain/text/wareki';
import { abilitiesFor, auditCase, loadCase } from '../cases/case-access';
import type { ActorContext, AppDeps } from '../http/context';
import { presentAttempt, presentEscalation } from './present';

type Data = Record<string, string | number | boolean | null>;

export interface OutreachHistoryItem {
  at: string;
  kind: OutreachHistoryKind;
  id: string;
  data: Data;
}

/**
 * The outreach tab: every attempt to reach the person and its answer, the emergencies passed on,
 * the next approach planned, and the story from the lead to the consent (the consent area's own
 * record) and the first plan, oldest first. A read of the person's data: audited.
 */
export async function getOutreach(deps: AppDeps, ctx: ActorContext, caseId: string) {
  const loaded = await loadCase(deps, ctx, caseId, 'outreach.read');
  const { row } = loaded;
  const db = deps.database.db;
  const [detection, attempts, escalations, consents, intakeStep, firstPlan] = await Promise.all([
    db.selectFrom('detection').selectAll().where('case_id', '=', caseId).executeTakeFirst(),
    db
      .selectFrom('contact_record')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('outreach_channel', 'is not', null)
      .orderBy('occurred_at')
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('outreach_escalation')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('escalated_at')
      .execute(),
    db
      .selectFrom('consent')
      .select(['id', 'given_on', 'signed_by', 'withdrawn_on'])
      .where('case_id', '=', caseId)
      .orderBy('given_on')
      .execute(),
    // The intake of a lead (把握 → 相談受付): the day the person came to the window, or agreed to.
    db.selectFrom('intake').select('received_on').where('case_id', '=', caseId).executeTakeFirst(),
    db
      .selectFrom('plan')
      .select(['id', 'plan_no', 'created_at'])
      .where('case_id', '=', caseId)
      .orderBy('plan_no')
      .orderBy('revision')
      .executeTakeFirst(),
  ]);

  const items: OutreachHistoryItem[] = [
    ...(detection
      ? [
          {
            at: detection.detected_on,
            kind: 'detection' as const,
            id: caseId,
            data: { source: detection.source, sourceDetail: detection.source_detail },
          },
        ]
      : []),
    ...attempts.map((a) => ({
      at: a.occurred_at.toISOString(),
      kind: 'attempt' as const,
      id: a.id,
      data: {
        channel: a.outreach_channel,
        outcome: a.outreach_outcome,
        via: a.outreach_via,
        summary: a.summary,
        actor: a.recorded_by,
      },
    })),
    ...escalations.map((e) => ({
      at: e.escalated_at.toISOString(),
      kind: 'escalation' as const,
      id: e.id,
      data: {
        escalatedTo: e.escalated_to,
        partnerAgencyId: e.partner_agency_id,
        escalatedToName: e.escalated_to_name,
        observed: e.observed,
      },
    })),
    ...(intakeStep
      ? [{ at: intakeStep.received_on, kind: 'intake' as const, id: caseId, data: {} as Data }]
      : []),
    ...consents.flatMap((c) => [
      {
        at: c.given_on,
        kind: 'consent' as const,
        id: c.id,
        data: { signedBy: c.signed_by } as Data,
      },
      ...(c.withdrawn_on
        ? [{ at: c.withdrawn_on, kind: 'consent_withdrawn' as const, id: c.id, data: {} as Data }]
        : []),
    ]),
    ...(firstPlan
      ? [
          {
            at: firstPlan.created_at.toISOString(),
            kind: 'plan' as const,
            id: firstPlan.id,
            data: { planNo: firstPlan.plan_no },
          },
        ]
      : []),
  ];

  await auditCase(db, ctx, row, 'outreach.read', { type: 'case', id: caseId });

  const presented = attempts.map(presentAttempt);
  const consentedOn = consents.filter((c) => c.withdrawn_on === null).at(-1)?.given_on ?? null;
  return {
    attempts: presented,
    escalations: escalations.map(presentEscalation),
    history: orderOutreachHistory(items),
    nextApproach: nextApproach(presented, todayInJapan(deps.now()), consentedOn),
    consented: consentedOn !== null,
    abilities: { update: abilitiesFor(ctx, loaded).update },
  };
}

export type OutreachView = Awaited<ReturnType<typeof getOutreach>>;
