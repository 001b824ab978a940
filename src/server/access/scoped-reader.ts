import { type Kysely, sql } from 'kysely';
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
   * The audit log of the actor's municipality. Sign-in attempts with an unknown login ID belong
   * to no municipality and are seen only in the server's own log and by database operators.
   */
  auditLog() {
    return this.db
      .selectFrom('audit_log')
      .where('audit_log.municipality_id', '=', this.actor.municipalityId);
  }
}
