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
   * The audit log of the actor's municipality. Sign-in attempts with an unknown login ID belong
   * to no municipality and are seen only in the server's own log and by database operators.
   */
  auditLog() {
    return this.db
      .selectFrom('audit_log')
      .where('audit_log.municipality_id', '=', this.actor.municipalityId);
  }
}
