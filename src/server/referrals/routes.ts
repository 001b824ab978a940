import { Hono } from 'hono';
import { z } from 'zod';
import { actorContext } from '../auth/require-actor';
import { presentReferral } from '../cases/present';
import type { AppEnv } from '../http/context';
import { attachmentHeader } from '../http/csv';
import { uuid } from '../http/fields';
import { valid } from '../http/validate';
import { confirmReferral } from './confirm-referral';
import { createReferral } from './create-referral';
import { getReferral } from './get-referral';
import { listReferrals } from './list-referrals';
import { noteReferral } from './note-referral';
import { addPartnerActivity, updatePartnerActivity } from './partner-activities';
import { respondToReferral } from './respond-to-referral';
import {
  activityFields,
  activityUpdateBody,
  referralConfirmBody,
  referralFields,
  referralListQuery,
  referralNoteBody,
  referralResponseBody,
} from './schema';
import { getSharedCase, listSharedCases, readSharedDocument } from './shared-cases';

const idParam = z.object({ id: uuid });
const childParam = z.object({ id: uuid, childId: uuid });
const activityParam = z.object({ id: uuid, activityId: uuid });
const documentParam = z.object({ caseId: uuid, referralId: uuid, attachmentId: uuid });

/**
 * つなぎ: the sender's side under a case (/cases/:id/referrals), both sides by referral
 * (/referrals), and what partner staff see of the people referred to them (/shared-cases).
 * Mounted at the API's root, so the three keep their own paths.
 */
export const referralRoutes = new Hono<AppEnv>()
  .post('/cases/:id/referrals', valid('param', idParam), valid('json', referralFields), async (c) =>
    c.json(
      presentReferral(
        await createReferral(
          c.get('deps'),
          actorContext(c),
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
      ),
      201,
    ),
  )
  .put(
    '/cases/:id/referrals/:childId',
    valid('param', childParam),
    valid('json', referralConfirmBody),
    async (c) => {
      const { id, childId } = c.req.valid('param');
      return c.json(
        presentReferral(
          await confirmReferral(c.get('deps'), actorContext(c), id, childId, c.req.valid('json')),
        ),
      );
    },
  )
  .post(
    '/cases/:id/referrals/:childId/noted',
    valid('param', childParam),
    valid('json', referralNoteBody),
    async (c) => {
      const { id, childId } = c.req.valid('param');
      return c.json(
        presentReferral(
          await noteReferral(c.get('deps'), actorContext(c), id, childId, c.req.valid('json')),
        ),
      );
    },
  )
  .get('/referrals', valid('query', referralListQuery), async (c) =>
    c.json(await listReferrals(c.get('deps'), actorContext(c), c.req.valid('query'))),
  )
  .get('/referrals/:id', valid('param', idParam), async (c) =>
    c.json(await getReferral(c.get('deps'), actorContext(c), c.req.valid('param').id)),
  )
  .post(
    '/referrals/:id/response',
    valid('param', idParam),
    valid('json', referralResponseBody),
    async (c) =>
      c.json(
        await respondToReferral(
          c.get('deps'),
          actorContext(c),
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
      ),
  )
  .post(
    '/referrals/:id/activities',
    valid('param', idParam),
    valid('json', activityFields),
    async (c) =>
      c.json(
        await addPartnerActivity(
          c.get('deps'),
          actorContext(c),
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
        201,
      ),
  )
  .put(
    '/referrals/:id/activities/:activityId',
    valid('param', activityParam),
    valid('json', activityUpdateBody),
    async (c) => {
      const { id, activityId } = c.req.valid('param');
      return c.json(
        await updatePartnerActivity(
          c.get('deps'),
          actorContext(c),
          id,
          activityId,
          c.req.valid('json'),
        ),
      );
    },
  )
  .get('/shared-cases', async (c) =>
    c.json({ items: await listSharedCases(c.get('deps'), actorContext(c)) }),
  )
  .get('/shared-cases/:id', valid('param', idParam), async (c) =>
    c.json(await getSharedCase(c.get('deps'), actorContext(c), c.req.valid('param').id)),
  )
  .get(
    '/shared-cases/:caseId/referrals/:referralId/documents/:attachmentId',
    valid('param', documentParam),
    async (c) => {
      const { caseId, referralId, attachmentId } = c.req.valid('param');
      const file = await readSharedDocument(
        c.get('deps'),
        actorContext(c),
        caseId,
        referralId,
        attachmentId,
      );
      c.header('Content-Type', file.media_type);
      c.header('Content-Disposition', attachmentHeader(file.file_name, 'attachment'));
      return c.body(new Uint8Array(file.content));
    },
  );
