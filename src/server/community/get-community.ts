import { can } from '../../domain/policies/can';
import { ScopedReader } from '../access/scoped-reader';
import { recordAudit } from '../audit/record-audit';
import type { ActorContext, AppDeps } from '../http/context';
import { authorizeCommunity } from './community-access';
import { presentActivity, presentIssue } from './present';

/**
 * The 地域づくり page: the community bases of the directory with their coordinators, the activities
 * held at each, and the issues noticed there (open first) with where they were passed. The issues
 * carry a few words about people in the area: reading them is audited.
 */
export async function getCommunity(deps: AppDeps, ctx: ActorContext) {
  authorizeCommunity(ctx, 'community.read');
  const db = deps.database.db;
  const reader = new ScopedReader(db, ctx.actor);
  const [bases, activities, issues] = await Promise.all([
    reader
      .socialResources()
      .select([
        'social_resource.id',
        'social_resource.name',
        'social_resource.coordinator_name',
        'social_resource.provider_name',
        'social_resource.provider_partner_agency_id',
        'social_resource.area',
        'social_resource.address',
        'social_resource.phone',
        'social_resource.hours',
        'social_resource.description',
      ])
      .where('social_resource.is_community_base', '=', true)
      .where('social_resource.archived_at', 'is', null)
      .orderBy('social_resource.name')
      .execute(),
    reader
      .communityActivities()
      .selectAll('community_activity')
      .orderBy('community_activity.held_on', 'desc')
      .orderBy('community_activity.name')
      .execute(),
    // The lead an issue became is named only to those who may see that case.
    reader
      .communityIssues()
      .leftJoin(
        reader.cases().select(['support_case.id', 'support_case.case_number']).as('visible_case'),
        'visible_case.id',
        'community_issue.case_id',
      )
      .selectAll('community_issue')
      .select('visible_case.case_number')
      .orderBy('community_issue.noticed_on', 'desc')
      .orderBy('community_issue.created_at', 'desc')
      .execute(),
  ]);
  await recordAudit(db, ctx, {
    action: 'community_issue.list',
    outcome: 'success',
    subjectType: 'community_issue',
    legalBasis: 'administration',
    detail: { issueIds: issues.map((i) => i.id) },
  });
  const order = { open: 0, passed: 1, closed: 2 } as const;
  return {
    bases: bases.map((b) => ({
      id: b.id,
      name: b.name,
      coordinatorName: b.coordinator_name,
      providerName: b.provider_name,
      providerPartnerAgencyId: b.provider_partner_agency_id,
      area: b.area,
      address: b.address,
      phone: b.phone,
      hours: b.hours,
      description: b.description,
      activities: activities.filter((a) => a.base_id === b.id).map(presentActivity),
      issues: issues
        .filter((i) => i.base_id === b.id)
        .sort((x, y) => order[x.status] - order[y.status])
        .map((i) => presentIssue({ ...i, case_id: i.case_number ? i.case_id : null })),
    })),
    abilities: {
      /** Passing an issue as a lead opens a case: only support staff may. */
      createLead: can(ctx.actor, 'case.create', { municipalityId: ctx.actor.municipalityId }),
    },
  };
}

export type CommunityView = Awaited<ReturnType<typeof getCommunity>>;
