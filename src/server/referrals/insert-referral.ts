import type { Kysely } from 'kysely';
import { consentCovering } from '../../domain/cases/consent';
import { auditCase } from '../cases/case-access';
import { consentRecordsOf } from '../consent/consent-records';
import type { Database, SupportCase } from '../db/schema';
import type { ActorContext } from '../http/context';
import { fieldError } from '../http/domain-error';

/** A referral as both the triage (振り分け) and a referral during support make it. */
export interface NewReferral {
  partnerAgencyId: string | null;
  destinationName: string | null;
  reason: string | null;
  handOverSummary: string | null;
  attachmentIds: readonly string[];
  accompanied: boolean;
  toPublicAssistance: boolean;
  referredOn: string;
  dueOn: string | null;
  followUpOn: string | null;
}

export interface CheckedReferral {
  /** The consent that covers the agency referred to, when one does. */
  consentId: string | null;
}

/**
 * Checks a new referral against the records before anything is written: the answer and follow-up
 * dates are not before the referral date, the agency is one of the municipality's, the documents
 * are the case's, and a hand-over (summary or documents) goes only to an agency the person's
 * consent covers — otherwise a field error names the agency. Field paths carry `prefix` (the
 * triage nests the referral under `referral.`).
 */
export async function checkReferral(
  db: Kysely<Database>,
  kase: SupportCase,
  input: NewReferral,
  today: string,
  prefix = '',
): Promise<CheckedReferral> {
  if (input.referredOn > today) throw fieldError(`${prefix}referredOn`, 'futureDate');
  // Against the referral date as resolved (today when none was given), not only as typed.
  if (input.dueOn !== null && input.dueOn < input.referredOn)
    throw fieldError(`${prefix}dueOn`, 'notBeforeReferral');
  if (input.followUpOn !== null && input.followUpOn < input.referredOn)
    throw fieldError(`${prefix}followUpOn`, 'notBeforeReferral');
  if (!input.partnerAgencyId) return { consentId: null };
  const partner = await db
    .selectFrom('partner_agency')
    .select(['id', 'name'])
    .where('id', '=', input.partnerAgencyId)
    .where('municipality_id', '=', kase.municipality_id)
    .executeTakeFirst();
  if (!partner) throw fieldError(`${prefix}partnerAgencyId`, 'unknownReference');
  if (input.attachmentIds.length > 0) {
    const found = await db
      .selectFrom('attachment')
      .select('id')
      .where('id', 'in', [...input.attachmentIds])
      .where('case_id', '=', kase.id)
      .execute();
    if (found.length !== input.attachmentIds.length)
      throw fieldError(`${prefix}attachmentIds`, 'unknownReference');
  }
  const covering = consentCovering(await consentRecordsOf(db, kase.id), [partner.id], today);
  const handsOver = input.handOverSummary !== null || input.attachmentIds.length > 0;
  if (handsOver && !covering) {
    throw fieldError(
      `${prefix}${input.handOverSummary !== null ? 'handOverSummary' : 'attachmentIds'}`,
      'handOverOutsideConsent',
      { agency: partner.name },
    );
  }
  return { consentId: covering?.id ?? null };
}

/**
 * Writes a checked referral in the caller's transaction: the referral, its documents, the first
 * line of its history and the audit row. The case keeps its lead worker: the sender stays the
 * owner until the arrival is confirmed.
 */
export async function insertReferral(
  trx: Kysely<Database>,
  ctx: ActorContext,
  kase: SupportCase,
  input: NewReferral,
  checked: CheckedReferral,
  now: Date,
) {
  const created = await trx
    .insertInto('referral')
    .values({
      municipality_id: kase.municipality_id,
      case_id: kase.id,
      partner_agency_id: input.partnerAgencyId,
      destination_name: input.destinationName,
      reason: input.reason,
      hand_over_summary: input.handOverSummary,
      consent_id: checked.consentId,
      accompanied: input.accompanied,
      to_public_assistance: input.toPublicAssistance,
      referred_on: input.referredOn,
      due_on: input.dueOn,
      follow_up_on: input.followUpOn,
      created_by: ctx.actor.userId,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (input.attachmentIds.length > 0) {
    await trx
      .insertInto('referral_attachment')
      .values(
        input.attachmentIds.map((attachmentId) => ({
          referral_id: created.id,
          attachment_id: attachmentId,
          municipality_id: kase.municipality_id,
        })),
      )
      .execute();
  }
  await trx
    .insertInto('referral_event')
    .values({
      referral_id: created.id,
      case_id: kase.id,
      municipality_id: kase.municipality_id,
      event: 'sent',
      actor_user_id: ctx.actor.userId,
      occurred_at: now,
    })
    .execute();
  await auditCase(
    trx,
    ctx,
    kase,
    'referral.create',
    { type: 'referral', id: created.id },
    {
      toPublicAssistance: input.toPublicAssistance,
      handOver: input.handOverSummary !== null,
      documents: input.attachmentIds.length,
      ...(checked.consentId ? { consentId: checked.consentId } : {}),
    },
  );
  return created;
}
