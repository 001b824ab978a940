import { type Expression, type Kysely, sql } from 'kysely';
import type { Actor } from '../../domain/actor';
import { rolesAllow } from '../../domain/permissions';
import type { Database } from '../db/schema';

/**
 * Row visibility, decided in one place and denied by default. Every read of tenant data starts
 * here, from a query already limited to what the actor may see; a table without a method here
 * cannot be read through it. What the actor may *do* is the policies' question
 * (src/domain/policies); which rows exist for them is this reader's.
 *
 * A user sees the rows of their own municipality, and of cases only those the case policy allows
 * (src/domain/policies/case-policy.ts, here as SQL): all of them for a municipal officer, those of
 * their agency or team for support staff, none for anyone else. The later areas add their scopes
 * here (consent, 支援会議 membership), so no screen has to remember them.
 */
export class ScopedReader {
  constructor(
    private readonly db: Kysely<Database>,
    readonly actor: Actor,
  ) {}

  /** The actor's own account. */
  self() {
    return this.db.selectFrom('app_user').where('id', '=', this.actor.userId);
  }

  municipality() {
    return this.db.selectFrom('municipality').where('id', '=', this.actor.municipalityId);
  }

  districts() {
    return this.db.selectFrom('district').where('municipality_id', '=', this.actor.municipalityId);
  }

  supportAgencies() {
    return this.db
      .selectFrom('support_agency')
      .where('support_agency.municipality_id', '=', this.actor.municipalityId);
  }

  agencySites() {
    return this.db
      .selectFrom('agency_site')
      .where('agency_site.municipality_id', '=', this.actor.municipalityId);
  }

  partnerAgencies() {
    return this.db
      .selectFrom('partner_agency')
      .where('partner_agency.municipality_id', '=', this.actor.municipalityId);
  }

  /** Staff accounts: personal data of the staff themselves. */
  users() {
    return this.db
      .selectFrom('app_user')
      .where('app_user.municipality_id', '=', this.actor.municipalityId);
  }

  /** Cases the actor may see. */
  cases() {
    const query = this.db
      .selectFrom('support_case')
      .where('support_case.municipality_id', '=', this.actor.municipalityId);
    if (!rolesAllow(this.actor.roles, 'case.read')) return query.where(sql<boolean>`false`);
    if (this.actor.roles.includes('municipal_officer')) return query;
    const { supportAgencyId, userId } = this.actor;
    return query.where((eb) =>
      eb.or([
        ...(supportAgencyId ? [eb('support_case.support_agency_id', '=', supportAgencyId)] : []),
        eb.exists(
          eb
            .selectFrom('case_team_member')
            .select('case_team_member.case_id')
            .whereRef('case_team_member.case_id', '=', 'support_case.id')
            .where('case_team_member.user_id', '=', userId),
        ),
      ]),
    );
  }

  /** People with at least one case the actor may see. */
  persons() {
    return this.db
      .selectFrom('person')
      .where('person.municipality_id', '=', this.actor.municipalityId)
      .where((eb) =>
        eb.exists(
          this.cases()
            .select('support_case.id')
            .where('support_case.person_id', '=', eb.ref('person.id')),
        ),
      );
  }

  /**
   * Meeting bodies (their names, types and schedules: no case in them): staff of the municipality
   * see all of them but another agency's internal case conferences; partner staff those they or
   * their organisation are members of.
   */
  meetingSeries() {
    const query = this.db
      .selectFrom('meeting_series')
      .where('meeting_series.municipality_id', '=', this.actor.municipalityId);
    if (!rolesAllow(this.actor.roles, 'meeting.read')) return query.where(sql<boolean>`false`);
    const { supportAgencyId } = this.actor;
    return query.where((eb) =>
      eb.or([
        eb.exists(this.membershipOf(eb.ref('meeting_series.id'))),
        ...(rolesAllow(this.actor.roles, 'meeting.manage')
          ? [
              eb('meeting_series.type', '<>', 'case_conference'),
              ...(supportAgencyId
                ? [eb('meeting_series.host_agency_id', '=', supportAgencyId)]
                : []),
            ]
          : []),
      ]),
    );
  }

  /**
   * Meetings whose date, body and attendance the actor may see (policies/meeting-policy.ts
   * `canSeeMeeting`, as SQL): those of a body they see, those they attend, and those where they or
   * their organisation join an item. What is said about each case is decided per item.
   */
  meetings() {
    const query = this.db
      .selectFrom('meeting')
      .where('meeting.municipality_id', '=', this.actor.municipalityId);
    if (!rolesAllow(this.actor.roles, 'meeting.read')) return query.where(sql<boolean>`false`);
    const { userId, partnerAgencyId } = this.actor;
    return query.where((eb) =>
      eb.or([
        eb.exists(
          this.meetingSeries()
            .select('meeting_series.id')
            .where('meeting_series.id', '=', eb.ref('meeting.series_id')),
        ),
        eb.exists(
          eb
            .selectFrom('meeting_joint_series')
            .select('meeting_joint_series.series_id')
            .whereRef('meeting_joint_series.meeting_id', '=', 'meeting.id')
            .where((j) => j.exists(this.membershipOf(j.ref('meeting_joint_series.series_id')))),
        ),
        eb.exists(
          eb
            .selectFrom('meeting_attendee')
            .select('meeting_attendee.id')
            .whereRef('meeting_attendee.meeting_id', '=', 'meeting.id')
            .where((a) =>
              a.or([
                a('meeting_attendee.user_id', '=', userId),
                ...(partnerAgencyId
                  ? [a('meeting_attendee.partner_agency_id', '=', partnerAgencyId)]
                  : []),
              ]),
            ),
        ),
        eb.exists(
          eb
            .selectFrom('meeting_item_guest')
            .innerJoin('meeting_item', 'meeting_item.id', 'meeting_item_guest.item_id')
            .select('meeting_item_guest.id')
            .whereRef('meeting_item.meeting_id', '=', 'meeting.id')
            .where((g) =>
              g.or([
                g('meeting_item_guest.user_id', '=', userId),
                ...(partnerAgencyId
                  ? [g('meeting_item_guest.partner_agency_id', '=', partnerAgencyId)]
                  : []),
              ]),
            ),
        ),
      ]),
    );
  }

  /** The actor's own entries on a body's member register: in person, or through their organisation. */
  membershipOf(seriesId: Expression<string>) {
    const { userId, partnerAgencyId, supportAgencyId } = this.actor;
    return this.db
      .selectFrom('meeting_member')
      .select('meeting_member.id')
      .where('meeting_member.series_id', '=', seriesId)
      .where('meeting_member.ended_on', 'is', null)
      .where((eb) =>
        eb.or([
          eb('meeting_member.user_id', '=', userId),
          ...(partnerAgencyId
            ? [eb('meeting_member.partner_agency_id', '=', partnerAgencyId)]
            : []),
          ...(supportAgencyId
            ? [eb('meeting_member.support_agency_id', '=', supportAgencyId)]
            : []),
        ]),
      );
  }

  /**
   * Multi-agency household cases (多機関協働): those whose person's case the actor may see, those
   * they coordinate (ended and returned ones too, as history), and for partner staff only the open
   * ones their agency still takes part in. What partner staff may read there is then the consent's
   * question (policies/multi-agency-policy.ts).
   */
  multiAgencyCases() {
    const query = this.db
      .selectFrom('multi_agency_case')
      .where('multi_agency_case.municipality_id', '=', this.actor.municipalityId);
    const { userId, partnerAgencyId, roles } = this.actor;
    if (roles.includes('partner_staff') && partnerAgencyId) {
      // Partner staff: open cases their agency is still a member of — not ended or returned ones.
      return query
        .where('multi_agency_case.status', 'in', ['referred', 'accepted', 'active'])
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('multi_agency_member')
              .select('multi_agency_member.id')
              .whereRef('multi_agency_member.multi_agency_case_id', '=', 'multi_agency_case.id')
              .where('multi_agency_member.partner_agency_id', '=', partnerAgencyId)
              .where('multi_agency_member.left_on', 'is', null),
          ),
        );
    }
    if (!rolesAllow(roles, 'case.read') && !rolesAllow(roles, 'multiAgency.manage')) {
      return query.where(sql<boolean>`false`);
    }
    return query.where((eb) =>
      eb.or([
        eb.exists(
          this.cases()
            .select('support_case.id')
            .where('support_case.id', '=', eb.ref('multi_agency_case.case_id')),
        ),
        eb('multi_agency_case.coordinator_id', '=', userId),
      ]),
    );
  }

  /** People matched to places (参加支援): those of the cases the actor may see. */
  participationMatches() {
    return this.db
      .selectFrom('participation_match')
      .where('participation_match.municipality_id', '=', this.actor.municipalityId)
      .where((eb) =>
        eb.exists(
          this.cases()
            .select('support_case.id')
            .where('support_case.id', '=', eb.ref('participation_match.case_id')),
        ),
      );
  }

  /**
   * How many people are on trial or taking part at each place of the municipality, whichever
   * agency supports them — counts only, never who — for the capacity rule.
   */
  placeOccupancy() {
    const query = this.db
      .selectFrom('participation_match')
      .where('participation_match.municipality_id', '=', this.actor.municipalityId)
      .where('participation_match.status', 'in', ['trial', 'active'])
      .groupBy('participation_match.social_resource_id')
      .select((eb) => [
        'participation_match.social_resource_id',
        eb.fn.countAll<string>().as('occupied'),
      ]);
    if (!rolesAllow(this.actor.roles, 'directory.read')) return query.where(sql<boolean>`false`);
    return query;
  }

  /** Activities at the community bases (地域づくり): for those who keep them. */
  communityActivities() {
    const query = this.db
      .selectFrom('community_activity')
      .where('community_activity.municipality_id', '=', this.actor.municipalityId);
    if (!rolesAllow(this.actor.roles, 'community.manage')) return query.where(sql<boolean>`false`);
    return query;
  }

  /**
   * Issues noticed at the community bases: few words about someone in the area, so only for
   * those who pass them on.
   */
  communityIssues() {
    const query = this.db
      .selectFrom('community_issue')
      .where('community_issue.municipality_id', '=', this.actor.municipalityId);
    if (!rolesAllow(this.actor.roles, 'community.manage')) return query.where(sql<boolean>`false`);
    return query;
  }

  /**
   * Referrals (つなぎ) the actor may see: partner staff those sent to their own agency — nothing
   * of another agency's, nor one the sender cancelled before the agency accepted it (it never
   * became theirs); case staff those of the cases they see; nobody else any.
   */
  referrals() {
    const query = this.db
      .selectFrom('referral')
      .where('referral.municipality_id', '=', this.actor.municipalityId);
    const { partnerAgencyId } = this.actor;
    if (partnerAgencyId && rolesAllow(this.actor.roles, 'referral.respond')) {
      return query
        .where('referral.partner_agency_id', '=', partnerAgencyId)
        .where((eb) =>
          eb.or([
            eb('referral.status', '<>', 'cancelled'),
            eb('referral.responded_at', 'is not', null),
          ]),
        );
    }
    if (!rolesAllow(this.actor.roles, 'case.read')) return query.where(sql<boolean>`false`);
    return query.where('referral.case_id', 'in', this.cases().select('support_case.id'));
  }

  /**
   * What partner agencies recorded for a person: partner staff see their own agency's records,
   * case staff those of the cases they see.
   */
  partnerActivities() {
    const query = this.db
      .selectFrom('partner_activity')
      .where('partner_activity.municipality_id', '=', this.actor.municipalityId);
    const { partnerAgencyId } = this.actor;
    if (partnerAgencyId && rolesAllow(this.actor.roles, 'referral.respond'))
      return query.where('partner_activity.partner_agency_id', '=', partnerAgencyId);
    if (!rolesAllow(this.actor.roles, 'case.read')) return query.where(sql<boolean>`false`);
    return query.where('partner_activity.case_id', 'in', this.cases().select('support_case.id'));
  }

  /**
   * Cases shared with partner staff through a referral to their agency that they still see (see
   * `referrals()`: not one cancelled before they accepted it); what of them shows is decided per
   * referral, within consent: referrals/shared-cases.ts. Nobody else has any here; case staff
   * read cases through `cases()`.
   */
  sharedCases() {
    const query = this.db
      .selectFrom('support_case')
      .where('support_case.municipality_id', '=', this.actor.municipalityId);
    const { partnerAgencyId } = this.actor;
    if (!partnerAgencyId || !rolesAllow(this.actor.roles, 'referral.respond'))
      return query.where(sql<boolean>`false`);
    return query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('referral')
          .select('referral.id')
          .whereRef('referral.case_id', '=', 'support_case.id')
          .where('referral.partner_agency_id', '=', partnerAgencyId)
          .where((r) =>
            r.or([
              r('referral.status', '<>', 'cancelled'),
              r('referral.responded_at', 'is not', null),
            ]),
          ),
      ),
    );
  }

  /**
   * The social-resource directory (社会資源): published facts about places and services, read by
   * everyone who reads the directory of organisations.
   */
  socialResources() {
    const query = this.db
      .selectFrom('social_resource')
      .where('social_resource.municipality_id', '=', this.actor.municipalityId);
    if (!rolesAllow(this.actor.roles, 'directory.read')) return query.where(sql<boolean>`false`);
    return query;
  }

  /**
   * Resource gaps (地域課題) of the municipality, for those who follow them. The cases linked to a
   * gap are personal data: read them through `resourceGapCases`, which keeps to `cases()`.
   */
  resourceGaps() {
    const query = this.db
      .selectFrom('resource_gap')
      .where('resource_gap.municipality_id', '=', this.actor.municipalityId);
    if (!rolesAllow(this.actor.roles, 'resourceGap.manage'))
      return query.where(sql<boolean>`false`);
    return query;
  }

  /** The links from gaps to the cases they affect, only for cases the actor may see. */
  resourceGapCases() {
    return this.db
      .selectFrom('resource_gap_case')
      .where('resource_gap_case.municipality_id', '=', this.actor.municipalityId)
      .where((eb) =>
        eb.exists(
          this.cases()
            .select('support_case.id')
            .where('support_case.id', '=', eb.ref('resource_gap_case.case_id')),
        ),
      );
  }

  /**
   * The audit log of the actor's municipality. Sign-in attempts with an unknown login ID belong
   * to no municipality and are seen only in the server's own log and by database operators.
   */
  auditLog() {
    return this.db
      .selectFrom('audit_log')
      .where('audit_log.municipality_id', '=', this.actor.municipalityId);
  }
}
