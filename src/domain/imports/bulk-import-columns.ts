/**
 * 一括取り込み (issue 6): the columns of the three files an agency may bring from its old lists,
 * with their headings in Japanese and English (either is accepted). The server reads the files
 * by these columns; the screen shows them and makes the empty template from them, so a heading
 * exists once. Persons come first, then their cases, then the cases' contact records: each file
 * finds what the one before it made by the agency's own numbers (管理番号).
 */
export const bulkImportKinds = ['persons', 'cases', 'contacts'] as const;
export type BulkImportKind = (typeof bulkImportKinds)[number];

export interface BulkImportColumn<K extends string = string> {
  key: K;
  header: { ja: string; en: string };
  /** The column must be in the file. */
  required?: boolean;
}

/** A file is an agency's whole list: larger than a directory, still bounded. */
export const maxBulkImportRows = 50_000;
/** The largest file the screen sends (as base64, a third larger, in the request). */
export const maxBulkImportFileBytes = 22_000_000;

export const personImportColumns = [
  { key: 'ref', header: { ja: '管理番号', en: 'Reference' }, required: true },
  { key: 'name', header: { ja: '氏名', en: 'Name' }, required: true },
  { key: 'kana', header: { ja: 'ふりがな', en: 'Reading' } },
  { key: 'sex', header: { ja: '性別', en: 'Sex' } },
  { key: 'birthDate', header: { ja: '生年月日', en: 'Date of birth' } },
  { key: 'address', header: { ja: '住所', en: 'Address' } },
  { key: 'phone', header: { ja: '電話', en: 'Phone' } },
  { key: 'district', header: { ja: '地区', en: 'District' } },
] as const satisfies readonly BulkImportColumn[];

export const caseImportColumns = [
  { key: 'ref', header: { ja: '管理番号', en: 'Reference' }, required: true },
  { key: 'personRef', header: { ja: '相談者番号', en: 'Person reference' } },
  { key: 'name', header: { ja: '氏名', en: 'Name' } },
  { key: 'birthDate', header: { ja: '生年月日', en: 'Date of birth' } },
  { key: 'receivedOn', header: { ja: '受付日', en: 'Received on' }, required: true },
  { key: 'routeIn', header: { ja: '経路', en: 'Route' }, required: true },
  { key: 'topics', header: { ja: '相談内容の分類', en: 'Topics' }, required: true },
  { key: 'worker', header: { ja: '担当者', en: 'Lead worker' } },
  { key: 'status', header: { ja: '状態', en: 'Status' } },
  { key: 'closedOn', header: { ja: '終結日', en: 'Closed on' } },
] as const satisfies readonly BulkImportColumn[];

export const contactImportColumns = [
  { key: 'ref', header: { ja: '記録番号', en: 'Record reference' }, required: true },
  { key: 'caseRef', header: { ja: '管理番号', en: 'Reference' } },
  { key: 'caseNumber', header: { ja: '相談番号', en: 'Case number' } },
  { key: 'occurredAt', header: { ja: '日時', en: 'Date and time' }, required: true },
  { key: 'mode', header: { ja: '方法', en: 'Mode' }, required: true },
  { key: 'summary', header: { ja: '内容', en: 'Summary' }, required: true },
] as const satisfies readonly BulkImportColumn[];

export type PersonImportKey = (typeof personImportColumns)[number]['key'];
export type CaseImportKey = (typeof caseImportColumns)[number]['key'];
export type ContactImportKey = (typeof contactImportColumns)[number]['key'];

export const bulkImportColumns = {
  persons: personImportColumns,
  cases: caseImportColumns,
  contacts: contactImportColumns,
} as const satisfies Record<BulkImportKind, readonly BulkImportColumn[]>;

/** The three states a list from before Tsunagu can say a case is in. */
export const importStatuses = ['intake', 'in_support', 'closed'] as const;
export type ImportStatus = (typeof importStatuses)[number];
export const importStatusLabels: Record<ImportStatus, { ja: string; en: string }> = {
  intake: { ja: '受付', en: 'Received' },
  in_support: { ja: '支援中', en: 'In support' },
  closed: { ja: '終結', en: 'Closed' },
};
