import type { Lang } from '../../domain/errors';
import {
  csvYes,
  formalityLabels,
  participationKindLabels,
  resourceCategoryLabels,
} from '../../domain/resources/vocabulary';
import type { CsvColumn } from '../http/csv-import';
import type { SocialResourceView } from './present';

/**
 * The directory's CSV columns, for the export and the import alike. The provider agency and the
 * district are named (not ids), lists sit in one cell separated by 「、」.
 */
export const resourceCsvColumns = [
  { key: 'name', header: { ja: '名称', en: 'Name' }, required: true },
  { key: 'nameKana', header: { ja: 'ふりがな', en: 'Reading' } },
  { key: 'category', header: { ja: '種別', en: 'Category' }, required: true },
  { key: 'serviceClass', header: { ja: '分類', en: 'Class' }, required: true },
  {
    key: 'formality',
    header: { ja: 'フォーマル・インフォーマル', en: 'Formal or informal' },
    required: true,
  },
  { key: 'providerPartner', header: { ja: '提供機関', en: 'Provider agency' } },
  { key: 'providerName', header: { ja: '提供者', en: 'Provider' } },
  { key: 'description', header: { ja: '内容', en: 'Description' } },
  { key: 'capacity', header: { ja: '定員', en: 'Capacity' } },
  { key: 'capacityNote', header: { ja: '定員の補足', en: 'Capacity note' } },
  { key: 'area', header: { ja: '地域', en: 'Area' } },
  { key: 'district', header: { ja: '地区', en: 'District' } },
  { key: 'postalCode', header: { ja: '郵便番号', en: 'Postal code' } },
  { key: 'address', header: { ja: '所在地', en: 'Address' } },
  { key: 'phone', header: { ja: '電話番号', en: 'Phone' } },
  { key: 'email', header: { ja: 'メール', en: 'E-mail' } },
  { key: 'contactName', header: { ja: '担当者', en: 'Contact' } },
  { key: 'hours', header: { ja: '開所日時', en: 'Hours' } },
  { key: 'fee', header: { ja: '費用', en: 'Fee' } },
  { key: 'tags', header: { ja: 'タグ', en: 'Tags' } },
  { key: 'participationKinds', header: { ja: '参加支援の種類', en: 'Participation' } },
  { key: 'accommodations', header: { ja: '受け入れ時の配慮', en: 'Accommodations' } },
  { key: 'isCommunityBase', header: { ja: '地域づくりの拠点', en: 'Community base' } },
  { key: 'coordinatorName', header: { ja: 'コーディネーター', en: 'Coordinator' } },
  { key: 'status', header: { ja: '状態', en: 'Status' } },
] as const satisfies readonly CsvColumn[];

export type ResourceCsvKey = (typeof resourceCsvColumns)[number]['key'];

export const archivedMark: Record<Lang, string> = { ja: '利用停止', en: 'Archived' };

/** Separator of a list in one cell. */
export const listSeparator: Record<Lang, string> = { ja: '、', en: ', ' };

/** One resource as a CSV row, in the columns' order. */
export function resourceCsvRow(r: SocialResourceView, lang: Lang): unknown[] {
  const cells: Record<ResourceCsvKey, unknown> = {
    name: r.name,
    nameKana: r.nameKana,
    category: resourceCategoryLabels[r.category][lang],
    serviceClass: r.serviceClass,
    formality: formalityLabels[r.formal ? 'formal' : 'informal'][lang],
    providerPartner: r.providerPartnerAgencyName,
    providerName: r.providerName,
    description: r.description,
    capacity: r.capacity,
    capacityNote: r.capacityNote,
    area: r.area,
    district: r.districtName,
    postalCode: r.postalCode,
    address: r.address,
    phone: r.phone,
    email: r.email,
    contactName: r.contactName,
    hours: r.hours,
    fee: r.fee,
    tags: r.tags.join(listSeparator[lang]),
    participationKinds: r.participationKinds
      .map((k) => participationKindLabels[k][lang])
      .join(listSeparator[lang]),
    accommodations: r.accommodations,
    isCommunityBase: r.isCommunityBase ? csvYes[lang] : '',
    coordinatorName: r.coordinatorName,
    status: r.archived ? archivedMark[lang] : '',
  };
  return resourceCsvColumns.map((c) => cells[c.key]);
}
