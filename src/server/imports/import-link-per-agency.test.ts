import { copyFile, mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openPGlite } from '../db/connect';
import { applyMigrations } from '../db/migrate';
import { createMunicipality, createSupportAgency, createUser } from '../test/factories';

/**
 * Migration 0022 gives every existing import link the agency that imported its row. Runs the
 * migrations up to 0021 on a fresh embedded database, writes links as the import did then, and
 * applies the rest.
 */
describe('migration 0022: import links per agency', () => {
  it('gives each existing link the agency that imported it, and keys links by agency', async () => {
    const source = fileURLToPath(new URL('../db/migrations/', import.meta.url));
    const dir = await mkdtemp(join(tmpdir(), 'tsunagu-migrations-'));
    for (const file of await readdir(source)) {
      if (file < '0022') await copyFile(join(source, file), join(dir, file));
    }
    const embedded = await openPGlite({});
    try {
      await applyMigrations(embedded, dir);
      const db = embedded.db;
      const city = await createMunicipality(db);
      const direct = await createSupportAgency(db, city.id);
      const commissioned = await createSupportAgency(db, city.id, { operation: 'commissioned' });
      const a = await createUser(db, {
        municipalityId: city.id,
        roles: ['support_worker'],
        supportAgencyId: direct.id,
      });
      const person = async (name: string) =>
        (
          await db
            .insertInto('person')
            .values({ municipality_id: city.id, name })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
      const hanako = await person('架空 花子');
      const jiro = await person('別人 次郎');
      const stray = await person('出所 不明');
      const kase = await db
        .insertInto('support_case')
        .values({
          municipality_id: city.id,
          case_number: '2026-00001',
          person_id: jiro,
          support_agency_id: commissioned.id,
          status: 'intake',
          opened_on: '2026-04-01',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      // A worker of the direct agency recorded a contact on the commissioned agency's case (a
      // case team), and has moved to the commissioned agency since.
      const contact = await db
        .insertInto('contact_record')
        .values({
          municipality_id: city.id,
          case_id: kase.id,
          occurred_at: '2026-04-05T10:00:00+09:00',
          mode: 'phone',
          summary: '連絡した。',
          recorded_by: a.id,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const link = (municipalityId: string, kind: string, ref: string, recordId: string) =>
        sql`insert into import_link (municipality_id, kind, external_ref, record_id, fingerprint, created_at)
          values (${municipalityId}, ${kind}, ${ref}, ${recordId}, 'f', '2026-04-01T10:00:00Z')`.execute(
          db,
        );
      const audit = (
        action: string,
        agencyId: string,
        userId: string | null,
        personIds: string[],
      ) =>
        sql`insert into audit_log (municipality_id, actor_user_id, actor_organisation_type,
            actor_organisation_id, action, outcome, person_ids, request_id, occurred_at)
          values (${city.id}, ${userId}, 'support_agency', ${agencyId}, ${action}, 'success',
            ${`{${personIds.join(',')}}`}::uuid[], 'test', '2026-04-01T10:00:01Z')`.execute(db);
      await link(city.id, 'person', '1', hanako);
      await audit('person.import', direct.id, a.id, [hanako]);
      await link(city.id, 'person', '2', jiro);
      await audit('person.import', commissioned.id, null, [jiro]);
      await link(city.id, 'case', '1', kase.id);
      await link(city.id, 'contact', '1', contact.id);
      await audit('contact.import', direct.id, a.id, [jiro]);
      await db
        .updateTable('app_user')
        .set({ support_agency_id: commissioned.id })
        .where('id', '=', a.id)
        .execute();
      // No audit row names who imported this one, and the city has two agencies.
      await link(city.id, 'person', '3', stray);
      // A town with one agency: its links are that agency's, audit row or not.
      const town = await createMunicipality(db);
      const only = await createSupportAgency(db, town.id);
      const townPerson = await db
        .insertInto('person')
        .values({ municipality_id: town.id, name: '架空 町子' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await link(town.id, 'person', '1', townPerson.id);

      await applyMigrations(embedded);
      const links = await db
        .selectFrom('import_link')
        .select(['municipality_id', 'kind', 'external_ref', 'support_agency_id'])
        .execute();
      const row = (municipalityId: string, kind: string, ref: string, agencyId: string) => ({
        municipality_id: municipalityId,
        kind,
        external_ref: ref,
        support_agency_id: agencyId,
      });
      expect(links).toHaveLength(5);
      expect(links).toEqual(
        expect.arrayContaining([
          row(city.id, 'person', '1', direct.id),
          row(city.id, 'person', '2', commissioned.id),
          row(city.id, 'case', '1', commissioned.id),
          row(city.id, 'contact', '1', direct.id),
          row(town.id, 'person', '1', only.id),
        ]),
      );
      // Each agency may now use number 1 for a person of its own.
      await db
        .insertInto('import_link')
        .values({
          municipality_id: city.id,
          support_agency_id: commissioned.id,
          kind: 'person',
          external_ref: '1',
          record_id: jiro,
          fingerprint: 'f',
        })
        .execute();
      const key = await sql<{ def: string }>`
        select pg_get_constraintdef(oid) as def from pg_constraint where conname = 'import_link_pkey'`.execute(
        db,
      );
      expect(key.rows).toEqual([
        { def: 'PRIMARY KEY (municipality_id, support_agency_id, kind, external_ref)' },
      ]);
    } finally {
      await embedded.close();
    }
    // A fresh embedded database and every migration, twice over: seconds, not milliseconds.
  }, 60_000);
});
