import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { assessmentRoutes } from './assessments/routes';
import { auditRoutes } from './audit/routes';
import { csrfProtection } from './auth/csrf';
import { loadSession } from './auth/load-session';
import { authRoutes } from './auth/routes';
import { caseRoutes } from './cases/routes';
import { communityRoutes } from './community/routes';
import { maxAttachmentBytes } from './consent/attachments';
import { consentRoutes } from './consent/routes';
import { draftRoutes } from './drafts/routes';
import type { AppDeps, AppEnv } from './http/context';
import { DomainError } from './http/domain-error';
import { handleError } from './http/error-boundary';
import { schemaIsCurrent } from './http/readiness';
import { accessLog, requestBasics } from './http/request-basics';
import { noStore, securityHeaders } from './http/security-headers';
import { mountWebAssets } from './http/web-assets';
import { importRoutes } from './imports/routes';
import { maxBulkImportBodyBytes } from './imports/run-bulk-import';
import { meetingRoutes, meetingSeriesRoutes } from './meetings/routes';
import { caseMultiAgencyRoutes, multiAgencyRoutes } from './multi-agency/routes';
import {
  municipalityRoutes,
  partnerAgencyRoutes,
  supportAgencyRoutes,
} from './organisations/routes';
import { outreachRoutes } from './outreach/routes';
import { participationRoutes } from './participation/routes';
import { personRoutes } from './persons/routes';
import { planRoutes } from './plans/routes';
import { referralRoutes } from './referrals/routes';
import { resourceGapRoutes } from './resource-gaps/routes';
import { socialResourceRoutes } from './resources/routes';
import { statisticsExportRoutes } from './statistics/export-routes';
import { ReportCache } from './statistics/report-cache';
import { statisticsRoutes } from './statistics/routes';
import { userRoutes } from './users/routes';

/**
 * The API, one sub-router per area. Its type is what the web client is typed against
 * (src/web/api/client.ts), so a changed route breaks the build of the screen that uses it.
 */
export const api = new Hono<AppEnv>()
  .get('/health', (c) => c.json({ status: 'ok' as const }))
  // Ready to be sent requests: not stopping, and the database answers with the schema this code
  // expects (a database restored from an older backup, or migrated by newer code, is not).
  .get('/ready', async (c) => {
    const deps = c.get('deps');
    if (deps.stopping?.()) return c.json({ status: 'stopping' as const }, 503);
    if (!(await schemaIsCurrent(deps.database)))
      return c.json({ status: 'schema_mismatch' as const }, 503);
    return c.json({ status: 'ready' as const });
  })
  .route('/auth', authRoutes)
  .route('/municipality', municipalityRoutes)
  .route('/support-agencies', supportAgencyRoutes)
  .route('/partner-agencies', partnerAgencyRoutes)
  .route('/users', userRoutes)
  .route('/audit', auditRoutes)
  .route('/drafts', draftRoutes)
  .route('/cases', caseRoutes)
  .route('/cases', consentRoutes)
  .route('/cases', assessmentRoutes)
  .route('/cases', planRoutes)
  .route('/persons', personRoutes)
  .route('/meeting-series', meetingSeriesRoutes)
  .route('/meetings', meetingRoutes)
  .route('/', referralRoutes)
  .route('/social-resources', socialResourceRoutes)
  .route('/imports', importRoutes)
  .route('/resource-gaps', resourceGapRoutes)
  .route('/cases', outreachRoutes)
  .route('/cases', participationRoutes)
  .route('/community', communityRoutes)
  .route('/cases', caseMultiAgencyRoutes)
  .route('/multi-agency', multiAgencyRoutes)
  .route('/statistics', statisticsRoutes)
  .route('/statistics', statisticsExportRoutes);

export type ApiType = typeof api;

/**
 * Writes that no statistics report counts: contact records (and their corrections), drafts kept
 * while typing, and the user's own sign-in and account. Every other successful write drops the
 * municipality's cached reports (statistics/report-cache.ts).
 */
const notCounted = [
  /^\/api\/cases\/[^/]+\/contacts(\/|$)/,
  /^\/api\/drafts(\/|$)/,
  /^\/api\/auth\//,
  /^\/api\/account(\/|$)/,
];

/** The whole HTTP application: middleware chain, API, the built screens, one error boundary. */
export function createApp(
  given: Omit<AppDeps, 'reportCache'> & Partial<Pick<AppDeps, 'reportCache'>>,
): Hono<AppEnv> {
  const deps: AppDeps = {
    ...given,
    reportCache: given.reportCache ?? new ReportCache(given.config.statisticsCacheSeconds * 1000),
  };
  const app = new Hono<AppEnv>();
  app.use('*', requestBasics(deps));
  app.use('*', accessLog(deps));
  app.use('*', securityHeaders);
  // Scans of signed forms may be up to 10 MB, a bulk import's list some 30 MB; everything else
  // is small JSON.
  const limit = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: () => {
        throw new DomainError('PAYLOAD_TOO_LARGE');
      },
    });
  const smallBody = limit(2 * 1024 * 1024);
  const fileBody = limit(maxAttachmentBytes + 64 * 1024);
  const importBody = limit(maxBulkImportBodyBytes);
  app.use('/api/*', (c, next) => {
    if (/\/attachments$/.test(c.req.path)) return fileBody(c, next);
    if (c.req.path.startsWith('/api/imports/')) return importBody(c, next);
    return smallBody(c, next);
  });
  app.use('/api/*', noStore, loadSession, csrfProtection);
  app.use('/api/*', async (c, next) => {
    await next();
    const actor = c.get('actor');
    if (c.req.method === 'GET' || c.res.status >= 400 || !actor) return;
    if (notCounted.some((pattern) => pattern.test(c.req.path))) return;
    deps.reportCache.changed(actor.municipalityId);
  });
  app.route('/api', api);
  app.all('/api/*', () => {
    throw new DomainError('NOT_FOUND');
  });
  mountWebAssets(app, deps.config.webDistDir);
  app.onError(handleError);
  return app;
}
