import type { Kysely } from 'kysely';
import type { Actor } from '../../domain/actor';
import type { Database } from '../db/schema';

/**
 * Row visibility, decided in one place and denied by default. Every read of tenant data starts
 * here, from a query already limited to what the actor may see; a table without a method here
 * cannot be read through it. What the actor may *do* is the policies' question
 * (src/domain/policies); which rows exist for them is this reader's.
 *
 * Today a user sees the rows of their own municipality. The later areas add their narrower
 * scopes here (case team, consent, 支援会議 membership), so no screen has to remember them.
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
