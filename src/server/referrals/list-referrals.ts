import { rolesAllow } from '../../domain/permissions';
import { referralAbilities } from '../../domain/policies/referral-policy';
import { referralAlert } from '../../domain/referrals/referral-status';
import { ageOn, todayInJapan } from '../../domain/text/wareki';
import { ScopedReader } from '../access/scoped-reader';
import { recordAudit } from '../audit/record-audit';
import type { ActorContext, AppDeps } from '../http/context';
import { forbidden } from '../http/domain-error';
import { isPartnerStaff } from './referral-access';
import type { ReferralListQuery } from './schema';

const listLimit = 200;

/**
 * The referrals page. For partner staff, the inbox: what was sent to their agency (what needs an
 * answer first). For case staff, the referrals sent from the cases they see; `mine` keeps those of
 * the cases they lead or that they sent (the home page), `attention` those the sender must act
 * on — declined or returned and not yet noted, or overdue. Every person listed is named in one
 * audit row.
 */
export async function listReferrals(deps: AppDeps, ctx: ActorContext, query: ReferralListQuery) {
  const partner = isPartnerStaff(ctx.actor);
  if (!partner && !rolesAllow(ctx.actor.roles, 'case.read')) {
    throw forbidden({ action: 'referral.list', subjectType: 'referral' });
  }
  const db = deps.database.db;
  const today = todayInJapan(deps.now());
  const me = ctx.actor.userId;
  let q = new ScopedReader(db, ctx.actor)
    .referrals()
    .innerJoin('support_case', 'support_case.id', 'referral.case_id')
    .innerJoin('person', 'person.id', 'support_case.person_id')
    .innerJoin('support_agency', 'support_agency.id', 'support_case.support_agency_id')
    .leftJoin('partner_agency', 'partner_agency.id', 'referral.partner_agency_id')
    .leftJoin('app_user as sender', 'sender.id', 'referral.created_by')
    .select([
      'referral.id',
      'referral.case_id',
      'referral.municipality_id',
      'referral.partner_agency_id',
      'referral.destination_name',
      'referral.reason',
      'referral.status',
      'referral.referred_on',
      'referral.due_on',
      'referral.follow_up_on',
      'referral.accompanied',
      'referral.to_public_assistance',
      'referral.responded_at',
      'referral.response_reason',
      'referral.noted_at',
      'referral.version',
      'support_case.case_number',
      'support_case.lead_worker_id',
      'person.id as person_id',
      'person.name',
      'person.name_kana',
      'person.birth_date',
      'support_agency.name as sender_agency',
      'sender.display_name as sender_name',
      'partner_agency.name as partner_name',
    ]);
  if (query.status) q = q.where('referral.status', '=', query.status);
  if (partner) {
    if (query.attention) q = q.where('referral.status', '=', 'pending');
  } else {
    if (query.mine) {
      q = q.where((eb) =>
        eb.or([eb('support_case.lead_worker_id', '=', me), eb('referral.created_by', '=', me)]),
      );
    }
    if (query.attention) {
      q = q.where((eb) =>
        eb.or([
          eb.and([
            eb('referral.status', 'in', ['declined', 'returned']),
            eb('referral.noted_at', 'is', null),
          ]),
          eb.and([
            eb('referral.status', 'in', ['pending', 'accepted']),
            eb('referral.follow_up_on', '<', today),
          ]),
          eb.and([eb('referral.status', '=', 'pending'), eb('referral.due_on', '<', today)]),
        ]),
      );
    }
  }
  const rows = await q
    .orderBy('referral.referred_on', 'desc')
    .orderBy('referral.created_at', 'desc')
    .limit(listLimit)
    .execute();

  if (rows.length > 0) {
    await recordAudit(db, ctx, {
      action: 'referral.list',
      outcome: 'success',
      subjectType: 'referral',
      personIds: rows.map((r) => r.person_id),
      legalBasis: partner ? 'consent' : 'own_case',
    });
  }
  return {
    today,
    items: rows.map((r) => ({
      id: r.id,
      caseId: r.case_id,
      // The case number is the agency's own reference: partner staff do not need it.
      caseNumber: partner ? null : r.case_number,
      personName: r.name,
      personKana: r.name_kana,
      age: r.birth_date ? ageOn(r.birth_date, today) : null,
      partnerAgencyId: r.partner_agency_id,
      destination: r.partner_name ?? r.destination_name ?? '',
      senderAgency: r.sender_agency,
      senderName: r.sender_name,
      reason: r.reason,
      status: r.status,
      referredOn: r.referred_on,
      dueOn: r.due_on,
      followUpOn: partner ? null : r.follow_up_on,
      accompanied: r.accompanied,
      toPublicAssistance: r.to_public_assistance,
      respondedAt: r.responded_at?.toISOString() ?? null,
      responseReason: r.response_reason,
      alert: partner
        ? null
        : referralAlert(
            {
              status: r.status,
              dueOn: r.due_on,
              followUpOn: r.follow_up_on,
              noted: r.noted_at !== null,
            },
            today,
          ),
      version: r.version,
      // Partner staff answer from the inbox; case staff act on the case's page.
      abilities: referralAbilities(ctx.actor, {
        municipalityId: r.municipality_id,
        status: r.status,
        partnerAgencyId: r.partner_agency_id,
        worksCase: false,
      }),
    })),
  };
}
