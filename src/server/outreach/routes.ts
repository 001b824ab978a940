import { Hono } from 'hono';
import { z } from 'zod';
import { actorContext } from '../auth/require-actor';
import type { AppEnv } from '../http/context';
import { uuid } from '../http/fields';
import { valid } from '../http/validate';
import { recordAttempt, updateAttempt } from './attempts';
import { recordEscalation, updateEscalation } from './escalations';
import { getOutreach } from './get-outreach';
import { presentAttempt, presentEscalation } from './present';
import { attemptFields, attemptUpdateBody, escalationFields, escalationUpdateBody } from './schema';

const caseParam = z.object({ id: uuid });
const childParam = z.object({ id: uuid, childId: uuid });

/** アウトリーチ on a case: /api/cases/:id/outreach… */
export const outreachRoutes = new Hono<AppEnv>()
  .get('/:id/outreach', valid('param', caseParam), async (c) =>
    c.json(await getOutreach(c.get('deps'), actorContext(c), c.req.valid('param').id)),
  )
  .post(
    '/:id/outreach/attempts',
    valid('param', caseParam),
    valid('json', attemptFields),
    async (c) =>
      c.json(
        presentAttempt(
          await recordAttempt(
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
    '/:id/outreach/attempts/:childId',
    valid('param', childParam),
    valid('json', attemptUpdateBody),
    async (c) => {
      const { id, childId } = c.req.valid('param');
      return c.json(
        presentAttempt(
          await updateAttempt(c.get('deps'), actorContext(c), id, childId, c.req.valid('json')),
        ),
      );
    },
  )
  .post(
    '/:id/outreach/escalations',
    valid('param', caseParam),
    valid('json', escalationFields),
    async (c) =>
      c.json(
        presentEscalation(
          await recordEscalation(
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
    '/:id/outreach/escalations/:childId',
    valid('param', childParam),
    valid('json', escalationUpdateBody),
    async (c) => {
      const { id, childId } = c.req.valid('param');
      return c.json(
        presentEscalation(
          await updateEscalation(c.get('deps'), actorContext(c), id, childId, c.req.valid('json')),
        ),
      );
    },
  );
