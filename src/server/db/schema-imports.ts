import type { ColumnType } from 'kysely';

/**
 * Bulk import (migrations 0014, 0022): the agency's own id of each imported row and the record it made.
 * Kept by hand beside the migration, like ./schema.ts, and merged into its `Database`.
 */
export type ImportLinkKind = 'person' | 'case' | 'contact';

export interface ImportLinkTable {
  municipality_id: string;
  /** The agency that imported the row: its numbers are its own (migration 0022). */
  support_agency_id: string;
  kind: ImportLinkKind;
  external_ref: string;
  record_id: string;
  fingerprint: string;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ImportTables {
  import_link: ImportLinkTable;
}
