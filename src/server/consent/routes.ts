import { Hono } from 'hono';
import { z } from 'zod';
import { actorContext } from '../auth/require-actor';
import { presentCaseSummary } from '../cases/present';
import type { AppEnv } from '../http/context';
import { attachmentHeader } from '../http/csv';
import { DomainError } from '../http/domain-error';
import { uuid } from '../http/fields';
import { valid } from '../http/validate';
import { readAttachment, uploadAttachment } from './attachments';
import { recordConsent } from './record-consent';
import { consentBody, withdrawBody } from './schema';
import { withdrawConsent } from './withdraw-consent';

const caseParam = z.object({ id: uuid });
const childParam = z.object({ id: uuid, childId: uuid });

export const consentRoutes = new Hono<AppEnv>()
  .post('/:id/consents', valid('param', caseParam), valid('json', consentBody), async (c) => {
    const result = await recordConsent(
      c.get('deps'),
      actorContext(c),
      c.req.valid('param').id,
      c.req.valid('json'),
    );
    return c.json({ case: presentCaseSummary(result.case), consentId: result.consent.id }, 201);
  })
  .post(
    '/:id/consents/:childId/withdrawal',
    valid('param', childParam),
    valid('json', withdrawBody),
    async (c) => {
      const { id, childId } = c.req.valid('param');
      await withdrawConsent(c.get('deps'), actorContext(c), id, childId, c.req.valid('json'));
      return c.json({ ok: true as const });
    },
  )
  .post('/:id/attachments', valid('param', caseParam), async (c) => {
    const body = await c.req.parseBody();
    const file = body.file;
    if (!(file instanceof File)) {
      throw new DomainError('VALIDATION_FAILED', { fields: [{ path: 'file', key: 'required' }] });
    }
    return c.json(
      await uploadAttachment(c.get('deps'), actorContext(c), c.req.valid('param').id, file),
      201,
    );
  })
  .get('/:id/attachments/:childId', valid('param', childParam), async (c) => {
    const { id, childId } = c.req.valid('param');
    const file = await readAttachment(c.get('deps'), actorContext(c), id, childId);
    c.header('Content-Type', file.media_type);
    c.header('Content-Disposition', attachmentHeader(file.file_name, 'attachment'));
    return c.body(new Uint8Array(file.content));
  });
