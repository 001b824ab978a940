import { Hono } from 'hono';
import { actorContext } from '../auth/require-actor';
import type { AppEnv } from '../http/context';
import { attachmentHeader } from '../http/csv';
import { valid } from '../http/validate';
import { xlsxContentType } from '../http/xlsx';
import { exportReportCsv, exportReportXlsx } from './export-report';
import { exportNationalStatistics } from './national-export';
import { statisticsQuery } from './schema';

/**
 * 統計の出力: the report as .xlsx (formatted sheets) and CSV (the monthly table), and the
 * per-person export in the national layout as CSV and .xlsx, streamed with its row count in
 * X-Tsunagu-Row-Count so the screen can show progress. Same query as GET /statistics/report.
 */
export const statisticsExportRoutes = new Hono<AppEnv>()
  .get('/report.xlsx', valid('query', statisticsQuery), async (c) => {
    const file = await exportReportXlsx(c.get('deps'), actorContext(c), c.req.valid('query'));
    c.header('Content-Type', xlsxContentType);
    c.header('Content-Disposition', attachmentHeader(file.fileName, file.asciiFileName));
    return c.body(file.body);
  })
  .get('/report.csv', valid('query', statisticsQuery), async (c) => {
    const file = await exportReportCsv(c.get('deps'), actorContext(c), c.req.valid('query'));
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', attachmentHeader(file.fileName, file.asciiFileName));
    return c.body(file.body);
  })
  .get('/national-export.csv', valid('query', statisticsQuery), async (c) => {
    const file = await exportNationalStatistics(
      c.get('deps'),
      actorContext(c),
      c.req.valid('query'),
      'csv',
    );
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', attachmentHeader(file.fileName, file.asciiFileName));
    c.header('X-Tsunagu-Row-Count', String(file.rowCount));
    return c.body(file.body);
  })
  .get('/national-export.xlsx', valid('query', statisticsQuery), async (c) => {
    const file = await exportNationalStatistics(
      c.get('deps'),
      actorContext(c),
      c.req.valid('query'),
      'xlsx',
    );
    c.header('Content-Type', xlsxContentType);
    c.header('Content-Disposition', attachmentHeader(file.fileName, file.asciiFileName));
    c.header('X-Tsunagu-Row-Count', String(file.rowCount));
    return c.body(file.body);
  });
