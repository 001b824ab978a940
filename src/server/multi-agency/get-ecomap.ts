import type { Kysely } from 'kysely';
import {
  buildEcomap,
  type EcomapAgency,
  type EcomapTie,
  type TieEnd,
} from '../../domain/multi-agency/ecomap';
import { ScopedReader } from '../access/scoped-reader';
import { auditCase, loadCase } from '../cases/case-access';
import type { Database, SupportCase } from '../db/schema';
import type { ActorContext, AppDeps } from '../http/context';

/** A plan's services count while the plan is written, reviewed or in force. */
const currentPlanStatuses = [
  'draft',
  'under_review',
  'adopted',
  'decided',
  'active',
  'evaluated',
] as const;

/**
 * エコマップ: the person's household and every agency or resource tied to one of them — each
 * member's own agencies, the agencies of the open multi-agency case with their roles and the lead,
 * the providers of the current plan's services, the agencies a referral reached, and the support
 * agency of the case — merged and laid out by domain/multi-agency/ecomap.ts. Audited as a read of
 * the case.
 */
export async function getEcomap(deps: AppDeps, ctx: ActorContext, caseId: string) {
  const action = 'ecomap.read';
  const { row: kase } = await loadCase(deps, ctx, caseId, action);
  const db = deps.database.db;
  const [person, members, ties, multiAgencyCaseId] = await Promise.all([
    db
      .selectFrom('person')
      .select(['name', 'version'])
      .where('id', '=', kase.person_id)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('household_member')
      .select(['id', 'name', 'relationship', 'sex', 'lives_together'])
      .where('person_id', '=', kase.person_id)
      .orderBy('sort_order')
      .execute(),
    tiesOf(db, kase),
    openMultiAgencyCase(deps, ctx, caseId),
  ]);
  const map = buildEcomap({
    person: { name: person.name },
    members: members.map((m) => ({
      id: m.id,
      name: m.name,
      relationship: m.relationship,
      sex: m.sex,
      livesTogether: m.lives_together,
    })),
    ties: [...(await multiAgencyTies(db, multiAgencyCaseId)), ...ties],
  });
  await auditCase(db, ctx, kase, action, { type: 'case', id: caseId });
  return {
    caseId,
    caseNumber: kase.case_number,
    personVersion: person.version,
    multiAgencyCaseId,
    ...map,
  };
}

export type EcomapView = Awaited<ReturnType<typeof getEcomap>>;

async function openMultiAgencyCase(deps: AppDeps, ctx: ActorContext, caseId: string) {
  const row = await new ScopedReader(deps.database.db, ctx.actor)
    .multiAgencyCases()
    .select('multi_agency_case.id')
    .where('multi_agency_case.case_id', '=', caseId)
    .where('multi_agency_case.status', 'in', ['referred', 'accepted', 'active'])
    .executeTakeFirst();
  return row?.id ?? null;
}

function endOf(supports: 'person' | 'household' | 'member', memberId: string | null): TieEnd {
  if (supports === 'member' && memberId) return { kind: 'member', memberId };
  return supports === 'household' ? { kind: 'household' } : { kind: 'person' };
}

/** The agencies of the open multi-agency case, the lead first. */
async function multiAgencyTies(
  db: Kysely<Database>,
  multiAgencyCaseId: string | null,
): Promise<EcomapTie[]> {
  if (!multiAgencyCaseId) return [];
  const rows = await db
    .selectFrom('multi_agency_member')
    .leftJoin('partner_agency', 'partner_agency.id', 'multi_agency_member.partner_agency_id')
    .leftJoin('support_agency', 'support_agency.id', 'multi_agency_member.support_agency_id')
    .select([
      'multi_agency_member.partner_agency_id',
      'multi_agency_member.support_agency_id',
      'partner_agency.name as partner_name',
      'support_agency.name as support_name',
      'multi_agency_member.supports',
      'multi_agency_member.household_member_id',
      'multi_agency_member.role',
      'multi_agency_member.lead',
      'multi_agency_member.tie_strength',
    ])
    .where('multi_agency_member.multi_agency_case_id', '=', multiAgencyCaseId)
    .where('multi_agency_member.left_on', 'is', null)
    .orderBy('multi_agency_member.lead', 'desc')
    .orderBy('multi_agency_member.joined_on')
    .orderBy('multi_agency_member.created_at')
    .execute();
  return rows.map((r) => ({
    agency: r.partner_agency_id
      ? { kind: 'partner', id: r.partner_agency_id, name: r.partner_name ?? '' }
      : { kind: 'support', id: r.support_agency_id, name: r.support_name ?? '' },
    end: endOf(r.supports, r.household_member_id),
    source: 'multi_agency',
    strength: r.tie_strength,
    role: r.role,
    lead: r.lead,
  }));
}

/** Everything else the data says about the household's ties. */
async function tiesOf(db: Kysely<Database>, kase: SupportCase): Promise<EcomapTie[]> {
  const [household, plan, referrals, own] = await Promise.all([
    db
      .selectFrom('household_member_agency')
      .innerJoin(
        'household_member',
        'household_member.id',
        'household_member_agency.household_member_id',
      )
      .innerJoin('partner_agency', 'partner_agency.id', 'household_member_agency.partner_agency_id')
      .select([
        'household_member.id as member_id',
        'partner_agency.id',
        'partner_agency.name',
        'household_member_agency.note',
        'household_member_agency.tie_strength',
      ])
      .where('household_member.person_id', '=', kase.person_id)
      .orderBy('household_member.sort_order')
      .orderBy('partner_agency.name_kana')
      .execute(),
    currentPlanServices(db, kase.id),
    db
      .selectFrom('referral')
      .leftJoin('partner_agency', 'partner_agency.id', 'referral.partner_agency_id')
      .select(['referral.partner_agency_id', 'partner_agency.name', 'referral.destination_name'])
      .where('referral.case_id', '=', kase.id)
      .where('referral.status', 'in', ['accepted', 'arrived'])
      .orderBy('referral.referred_on')
      .execute(),
    db
      .selectFrom('support_agency')
      .select(['id', 'name'])
      .where('id', '=', kase.support_agency_id)
      .executeTakeFirstOrThrow(),
  ]);
  return [
    ...household.map(
      (h): EcomapTie => ({
        agency: { kind: 'partner', id: h.id, name: h.name },
        end: { kind: 'member', memberId: h.member_id },
        source: 'household',
        strength: h.tie_strength,
        role: h.note,
      }),
    ),
    ...plan,
    ...referrals.map(
      (r): EcomapTie => ({
        agency: r.partner_agency_id
          ? { kind: 'partner', id: r.partner_agency_id, name: r.name ?? '' }
          : { kind: 'named', id: null, name: r.destination_name ?? '' },
        end: { kind: 'person' },
        source: 'referral',
        strength: null,
        role: null,
      }),
    ),
    {
      agency: { kind: 'support', id: own.id, name: own.name },
      end: { kind: 'person' },
      source: 'own_agency',
      strength: null,
      role: null,
    },
  ];
}

/** The services of the newest plan still written, reviewed or in force, by their providers. */
async function currentPlanServices(db: Kysely<Database>, caseId: string): Promise<EcomapTie[]> {
  const plan = await db
    .selectFrom('plan')
    .select('id')
    .where('case_id', '=', caseId)
    .where('status', 'in', currentPlanStatuses)
    .orderBy('plan_no', 'desc')
    .orderBy('revision', 'desc')
    .executeTakeFirst();
  if (!plan) return [];
  const lines = await db
    .selectFrom('plan_service')
    .leftJoin('partner_agency', 'partner_agency.id', 'plan_service.provider_partner_agency_id')
    .leftJoin('social_resource', 'social_resource.id', 'plan_service.social_resource_id')
    .select([
      'plan_service.content',
      'plan_service.household_member_id',
      'plan_service.provider_partner_agency_id',
      'partner_agency.name as partner_name',
      'plan_service.social_resource_id',
      'social_resource.name as resource_name',
      'plan_service.provider_name',
    ])
    .where('plan_service.plan_id', '=', plan.id)
    .orderBy('plan_service.sort_order')
    .execute();
  return lines.flatMap((l): EcomapTie[] => {
    // The resource a person uses is the tie; then the agency providing it; then a name typed in.
    const agency: EcomapAgency | null = l.social_resource_id
      ? { kind: 'resource', id: l.social_resource_id, name: l.resource_name ?? '' }
      : l.provider_partner_agency_id
        ? { kind: 'partner', id: l.provider_partner_agency_id, name: l.partner_name ?? '' }
        : l.provider_name
          ? { kind: 'named', id: null, name: l.provider_name }
          : null;
    if (!agency) return [];
    return [
      {
        agency,
        end: l.household_member_id
          ? { kind: 'member', memberId: l.household_member_id }
          : { kind: 'person' },
        source: 'plan_service',
        strength: null,
        role: l.content,
      },
    ];
  });
}
