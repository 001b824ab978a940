import { Hono } from 'hono';
import { actorContext } from '../auth/require-actor';
import type { AppEnv } from '../http/context';
import { attachmentHeader } from '../http/csv';
import { valid } from '../http/validate';
import { exportAuditEntries } from './export-audit-entries';
import { listAuditEntries } from './list-audit-entries';
import { auditListQuery } from './schema';

export const auditRoutes = new Hono<AppEnv>()
  .get('/', valid('query', auditListQuery), async (c) =>
    c.json(await listAuditEntries(c.get('deps'), actorContext(c), c.req.valid('query'))),
  )
  .get('/export.csv', valid('query', auditListQuery), async (c) => {
    const stream = await exportAuditEntries(c.get('deps'), actorContext(c), c.req.valid('query'));
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', attachmentHeader('監査ログ.csv'));
    return c.body(stream);
  });
