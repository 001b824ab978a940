import { authorize } from '../access/authorize';
import { ScopedReader } from '../access/scoped-reader';
import type { ActorContext, AppDeps } from '../http/context';
import { applyAuditFilters } from './audit-query';
import { presentAuditEntry } from './present';
import { recordAudit } from './record-audit';
import type { AuditListQuery } from './schema';

/**
 * One page of the audit log, newest first. Looking at the log is itself logged, with the
 * filters used, so the auditors are audited too.
 */
export async function listAuditEntries(deps: AppDeps, ctx: ActorContext, filter: AuditListQuery) {
  authorize(ctx.actor, 'audit.read', undefined, { subjectType: 'audit_log' });
  const reader = new ScopedReader(deps.database.db, ctx.actor);
  let query = applyAuditFilters(reader.auditLog().selectAll(), filter);
  if (filter.before) query = query.where('id', '<', filter.before);
  const rows = await query
    .orderBy('id', 'desc')
    .limit(filter.limit + 1)
    .execute();
  const page = rows.slice(0, filter.limit);
  const { before: _before, limit: _limit, ...filters } = filter;
  await recordAudit(deps.database.db, ctx, {
    action: 'audit.read',
    outcome: 'success',
    subjectType: 'audit_log',
    legalBasis: 'administration',
    detail: { filters, rows: page.length },
  });
  return {
    items: page.map(presentAuditEntry),
    nextBefore: rows.length > filter.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
