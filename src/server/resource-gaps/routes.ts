import { Hono } from 'hono';
import { z } from 'zod';
import { actorContext } from '../auth/require-actor';
import type { AppEnv } from '../http/context';
import { uuid } from '../http/fields';
import { valid } from '../http/validate';
import { advanceResourceGap } from './advance-resource-gap';
import { getResourceGap } from './get-resource-gap';
import { listResourceGaps } from './list-resource-gaps';
import { raiseResourceGap } from './raise-resource-gap';
import { raiseResourceGapBody, resourceGapListQuery, resourceGapStepBody } from './schema';

const idParam = z.object({ id: uuid });

/** 不足する社会資源 / 地域課題: the list, raising one by hand, one gap and its steps. */
export const resourceGapRoutes = new Hono<AppEnv>()
  .get('/', valid('query', resourceGapListQuery), async (c) =>
    c.json(await listResourceGaps(c.get('deps'), actorContext(c), c.req.valid('query'))),
  )
  .post('/', valid('json', raiseResourceGapBody), async (c) =>
    c.json(await raiseResourceGap(c.get('deps'), actorContext(c), c.req.valid('json')), 201),
  )
  .get('/:id', valid('param', idParam), async (c) =>
    c.json(await getResourceGap(c.get('deps'), actorContext(c), c.req.valid('param').id)),
  )
  .post('/:id/steps', valid('param', idParam), valid('json', resourceGapStepBody), async (c) =>
    c.json(
      await advanceResourceGap(
        c.get('deps'),
        actorContext(c),
        c.req.valid('param').id,
        c.req.valid('json'),
      ),
    ),
  );
