import type { Kysely } from 'kysely';
import type { Actor } from '../../domain/actor';
import { consentCovering } from '../../domain/cases/consent';
import { rolesAllow } from '../../domain/permissions';
import { canWorkCase } from '../../domain/policies/case-policy';
import {
  type ReferralSubject,
  referralAbilities,
  referralPartyOf,
} from '../../domain/policies/referral-policy';
import {
  allowedReferralActions,
  nextReferralStatus,
  type ReferralAction,
  type ReferralParty,
  type ReferralStatus,
  referralActionParty,
} from '../../domain/referrals/referral-status';
import { todayInJapan } from '../../domain/text/wareki';
import { ScopedReader } from '../access/scoped-reader';
import { recordAudit } from '../audit/record-audit';
import { caseTeam, subjectOf } from '../cases/case-access';
import { consentRecordsOf } from '../consent/consent-records';
import type { Database, Referral, SupportCase } from '../db/schema';
import type { ActorContext, AppDeps } from '../http/context';
import { DomainError, forbidden, notFound } from '../http/domain-error';

export interface LoadedReferral {
  referral: Referral;
  kase: SupportCase;
  subject: ReferralSubject;
  /** The actor's side of the referral, if any. */
  party: ReferralParty | null;
}

/** Partner staff: users who answer the referrals sent to their agency. */
export function isPartnerStaff(actor: Actor): actor is Actor & { partnerAgencyId: string } {
  return actor.partnerAgencyId !== null && rolesAllow(actor.roles, 'referral.respond');
}

/**
 * A referral the actor may see, by its id alone. Partner staff see those sent to their own
 * agency; any other id is refused with 403 and audited — whether it exists or not, so the answer
 * tells them nothing. Case staff see those of the cases they see; any other is 404 (audited), as
 * everywhere for case data.
 */
export async function loadReferral(
  deps: AppDeps,
  ctx: ActorContext,
  referralId: string,
  action: string,
): Promise<LoadedReferral> {
  const db = deps.database.db;
  const reader = new ScopedReader(db, ctx.actor);
  const denied = { action, subjectType: 'referral', subjectId: referralId };
  const partner = isPartnerStaff(ctx.actor);
  if (!partner && !rolesAllow(ctx.actor.roles, 'case.read')) throw forbidden(denied);
  const referral = await reader
    .referrals()
    .selectAll()
    .where('referral.id', '=', referralId)
    .executeTakeFirst();
  if (!referral) throw partner ? forbidden(denied) : notFound(denied);
  const kase = await (partner ? reader.sharedCases() : reader.cases())
    .selectAll()
    .where('support_case.id', '=', referral.case_id)
    .executeTakeFirstOrThrow();
  return withFacts(db, ctx.actor, referral, kase);
}

/** A referral of a case the actor works (the sender's side), or 404 as for the case itself. */
export async function loadReferralOfCase(
  db: Kysely<Database>,
  actor: Actor,
  kase: SupportCase,
  referralId: string,
  action: string,
): Promise<LoadedReferral> {
  const referral = await new ScopedReader(db, actor)
    .referrals()
    .selectAll()
    .where('referral.id', '=', referralId)
    .where('referral.case_id', '=', kase.id)
    .executeTakeFirst();
  if (!referral) throw notFound({ action, subjectType: 'referral', subjectId: referralId });
  return withFacts(db, actor, referral, kase);
}

async function withFacts(
  db: Kysely<Database>,
  actor: Actor,
  referral: Referral,
  kase: SupportCase,
): Promise<LoadedReferral> {
  const worksCase =
    rolesAllow(actor.roles, 'case.update') &&
    canWorkCase(actor, subjectOf(kase, await caseTeam(db, kase.id)));
  const subject: ReferralSubject = {
    municipalityId: referral.municipality_id,
    status: referral.status,
    partnerAgencyId: referral.partner_agency_id,
    worksCase,
  };
  return { referral, kase, subject, party: referralPartyOf(actor, subject) };
}

export function abilitiesOf(actor: Actor, loaded: LoadedReferral) {
  return referralAbilities(actor, loaded.subject);
}

/**
 * Refuses a step the actor's side may not take: 403 (audited) when the actor is not that side at
 * all, 409 with the steps allowed now when the referral's status does not allow it.
 */
export function assertReferralStep(loaded: LoadedReferral, action: ReferralAction): ReferralStatus {
  const needed = referralActionParty[action];
  if (loaded.party !== needed) {
    throw forbidden({
      action: needed === 'receiver' ? 'referral.respond' : 'referral.confirm',
      subjectType: 'referral',
      subjectId: loaded.referral.id,
      personId: loaded.kase.person_id,
    });
  }
  const allowed = allowedReferralActions(
    loaded.referral.status,
    needed,
    loaded.referral.partner_agency_id !== null,
  );
  if (!allowed.includes(action)) {
    throw new DomainError('REFERRAL_STEP_NOT_ALLOWED', {
      details: { status: loaded.referral.status, action, allowedActions: allowed },
    });
  }
  const to = nextReferralStatus(loaded.referral.status, action);
  if (!to) throw new Error(`the referral table allows ${action} without a status to go to`);
  return to;
}

/**
 * Whether the person's consent covers the receiving agency today: the hand-over shows only then
 * (and the consent that does is the basis named in the audit row).
 */
export async function coveringConsent(
  deps: AppDeps,
  caseId: string,
  partnerAgencyId: string | null,
): Promise<string | null> {
  if (!partnerAgencyId) return null;
  const records = await consentRecordsOf(deps.database.db, caseId);
  return consentCovering(records, [partnerAgencyId], todayInJapan(deps.now()))?.id ?? null;
}

/**
 * A read or write by partner staff of what a case shares with their agency: audited with the
 * person and the basis — the consent that covers the agency, or, where the hand-over is not
 * shared, the referral itself (the person agreed to be referred: つなぎへの本人の同意).
 */
export async function auditShared(
  db: Kysely<Database>,
  ctx: ActorContext,
  entry: {
    action: string;
    kase: SupportCase;
    subject: { type: string; id: string };
    consentId: string | null;
    referralId?: string;
    detail?: Record<string, unknown>;
  },
): Promise<void> {
  await recordAudit(db, ctx, {
    action: entry.action,
    outcome: 'success',
    subjectType: entry.subject.type,
    subjectId: entry.subject.id,
    personId: entry.kase.person_id,
    legalBasis: 'consent',
    legalBasisRef: entry.consentId
      ? `consent:${entry.consentId}`
      : `referral:${entry.referralId ?? entry.subject.id}`,
    ...(entry.detail ? { detail: entry.detail } : {}),
  });
}

/**
 * A hand-over held back because the consent no longer covers the agency: the refusal is audited
 * even though the rest of the page is shown.
 */
export async function auditWithheld(
  db: Kysely<Database>,
  ctx: ActorContext,
  kase: SupportCase,
  referralIds: readonly string[],
): Promise<void> {
  for (const id of referralIds) {
    await recordAudit(db, ctx, {
      action: 'referral.handover.read',
      outcome: 'denied',
      reason: 'HAND_OVER_WITHHELD',
      subjectType: 'referral',
      subjectId: id,
      personId: kase.person_id,
    });
  }
}
