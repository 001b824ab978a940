import type { Lang } from '../../domain/errors';
import { formatDateTimeJapan } from '../../domain/text/wareki';
import { authorize } from '../access/authorize';
import { ScopedReader } from '../access/scoped-reader';
import type { ActorContext, AppDeps } from '../http/context';
import { csvBom, csvLine } from '../http/csv';
import { applyAuditFilters } from './audit-query';
import { recordAudit } from './record-audit';
import type { AuditListQuery } from './schema';

const headers: Record<Lang, string[]> = {
  ja: [
    '番号',
    '日時',
    'ログインID',
    '役割',
    '所属種別',
    '所属ID',
    '操作',
    '結果',
    '対象種別',
    '対象ID',
    '本人ID',
    '根拠',
    '根拠の参照',
    '理由',
    'IPアドレス',
    'リクエストID',
    '詳細',
  ],
  en: [
    'No.',
    'Time (JST)',
    'Login ID',
    'Roles',
    'Organisation type',
    'Organisation ID',
    'Action',
    'Outcome',
    'Subject type',
    'Subject ID',
    'Person ID',
    'Legal basis',
    'Basis reference',
    'Reason',
    'IP address',
    'Request ID',
    'Detail',
  ],
};

const batchSize = 1000;

/**
 * The filtered log as CSV, produced batch by batch so a long export neither fills the memory nor
 * holds the database: each batch is one short query (keyset on id).
 */
export async function exportAuditEntries(
  deps: AppDeps,
  ctx: ActorContext,
  filter: AuditListQuery,
): Promise<ReadableStream<Uint8Array>> {
  authorize(ctx.actor, 'audit.export', undefined, { subjectType: 'audit_log' });
  const reader = new ScopedReader(deps.database.db, ctx.actor);
  const { before: _before, limit: _limit, ...filters } = filter;
  await recordAudit(deps.database.db, ctx, {
    action: 'audit.export',
    outcome: 'success',
    subjectType: 'audit_log',
    legalBasis: 'administration',
    detail: { filters },
  });
  const encoder = new TextEncoder();
  let before: number | undefined;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(csvBom + csvLine(headers[ctx.lang])));
        return;
      }
      let query = applyAuditFilters(reader.auditLog().selectAll(), filter);
      if (before !== undefined) query = query.where('id', '<', before);
      const rows = await query.orderBy('id', 'desc').limit(batchSize).execute();
      if (rows.length === 0) {
        controller.close();
        return;
      }
      before = rows.at(-1)?.id;
      const text = rows
        .map((r) =>
          csvLine([
            r.id,
            formatDateTimeJapan(r.occurred_at),
            r.actor_login_id,
            r.actor_roles?.join(' '),
            r.actor_organisation_type,
            r.actor_organisation_id,
            r.action,
            r.outcome,
            r.subject_type,
            r.subject_id,
            r.person_id,
            r.legal_basis,
            r.legal_basis_ref,
            r.reason,
            r.ip,
            r.request_id,
            JSON.stringify(r.detail),
          ]),
        )
        .join('');
      controller.enqueue(encoder.encode(text));
    },
  });
}
