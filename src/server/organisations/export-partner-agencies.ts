import type { Lang } from '../../domain/errors';
import { partnerFieldLabels } from '../../domain/organisations';
import { recordAudit } from '../audit/record-audit';
import type { ActorContext, AppDeps } from '../http/context';
import { csvDocument } from '../http/csv';
import { listPartnerAgencies } from './list-partner-agencies';
import type { PartnerAgencyListQuery } from './schema';

const headers: Record<Lang, string[]> = {
  ja: [
    '名称',
    'ふりがな',
    '分野',
    '根拠法令',
    '郵便番号',
    '所在地',
    '電話番号',
    'FAX',
    'メール',
    '連絡担当者',
    '役職',
    '担当者電話',
    '備考',
    '状態',
  ],
  en: [
    'Name',
    'Reading',
    'Field',
    'Legal basis',
    'Postal code',
    'Address',
    'Phone',
    'Fax',
    'E-mail',
    'Liaison',
    'Title',
    'Liaison phone',
    'Notes',
    'Status',
  ],
};

/** The partner list as it is filtered on screen, as CSV. */
export async function exportPartnerAgencies(
  deps: AppDeps,
  ctx: ActorContext,
  query: PartnerAgencyListQuery,
): Promise<string> {
  const items = await listPartnerAgencies(deps, ctx, query);
  const lang = ctx.lang;
  const archived = lang === 'ja' ? '利用停止' : 'Archived';
  await recordAudit(deps.database.db, ctx, {
    action: 'partner_agency.export',
    outcome: 'success',
    subjectType: 'partner_agency',
    legalBasis: 'administration',
    detail: { rows: items.length },
  });
  return csvDocument(
    headers[lang],
    items.map((p) => [
      p.name,
      p.nameKana,
      partnerFieldLabels[p.field][lang],
      p.legalBasis,
      p.postalCode,
      p.address,
      p.phone,
      p.fax,
      p.email,
      p.liaisonName,
      p.liaisonTitle,
      p.liaisonPhone,
      p.notes,
      p.archived ? archived : '',
    ]),
  );
}
