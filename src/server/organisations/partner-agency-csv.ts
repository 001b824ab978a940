import type { Lang } from '../../domain/errors';
import { partnerFieldLabels } from '../../domain/organisations';
import type { CsvColumn } from '../http/csv-import';
import type { PartnerAgencyView } from './present';

/**
 * The partner directory's CSV columns, the export's and the import's alike, so a file written by
 * one is read by the other. `status` carries 利用停止 / Archived for an archived agency.
 */
export const partnerCsvColumns = [
  { key: 'name', header: { ja: '名称', en: 'Name' }, required: true },
  { key: 'nameKana', header: { ja: 'ふりがな', en: 'Reading' } },
  { key: 'field', header: { ja: '分野', en: 'Field' }, required: true },
  { key: 'legalBasis', header: { ja: '根拠法令', en: 'Legal basis' } },
  { key: 'area', header: { ja: '担当地域', en: 'Area' } },
  { key: 'services', header: { ja: '主な支援内容', en: 'Services' } },
  { key: 'openingHours', header: { ja: '受付時間', en: 'Opening hours' } },
  { key: 'howToRefer', header: { ja: 'つなぎ方', en: 'How to refer' } },
  { key: 'postalCode', header: { ja: '郵便番号', en: 'Postal code' } },
  { key: 'address', header: { ja: '所在地', en: 'Address' } },
  { key: 'phone', header: { ja: '電話番号', en: 'Phone' } },
  { key: 'fax', header: { ja: 'FAX', en: 'Fax' } },
  { key: 'email', header: { ja: 'メール', en: 'E-mail' } },
  { key: 'liaisonName', header: { ja: '連絡担当者', en: 'Liaison' } },
  { key: 'liaisonTitle', header: { ja: '役職', en: 'Title' } },
  { key: 'liaisonPhone', header: { ja: '担当者電話', en: 'Liaison phone' } },
  { key: 'notes', header: { ja: '備考', en: 'Notes' } },
  { key: 'status', header: { ja: '状態', en: 'Status' } },
] as const satisfies readonly CsvColumn[];

export type PartnerCsvKey = (typeof partnerCsvColumns)[number]['key'];

export const archivedMark: Record<Lang, string> = { ja: '利用停止', en: 'Archived' };

/** One agency as a CSV row, in the columns' order. */
export function partnerCsvRow(p: PartnerAgencyView, lang: Lang): unknown[] {
  const cells: Record<PartnerCsvKey, unknown> = {
    name: p.name,
    nameKana: p.nameKana,
    field: partnerFieldLabels[p.field][lang],
    legalBasis: p.legalBasis,
    area: p.area,
    services: p.services,
    openingHours: p.openingHours,
    howToRefer: p.howToRefer,
    postalCode: p.postalCode,
    address: p.address,
    phone: p.phone,
    fax: p.fax,
    email: p.email,
    liaisonName: p.liaisonName,
    liaisonTitle: p.liaisonTitle,
    liaisonPhone: p.liaisonPhone,
    notes: p.notes,
    status: p.archived ? archivedMark[lang] : '',
  };
  return partnerCsvColumns.map((c) => cells[c.key]);
}
