import { Hono } from 'hono';
import { z } from 'zod';
import { actorContext } from '../auth/require-actor';
import type { AppEnv } from '../http/context';
import { uuid } from '../http/fields';
import { valid } from '../http/validate';
import { recordFollowUp, updateFollowUp } from './follow-ups';
import { getParticipation } from './get-participation';
import { presentFollowUp, presentMatch } from './present';
import { proposeMatch } from './propose-match';
import {
  followUpFields,
  followUpUpdateBody,
  matchFields,
  matchStepBody,
  matchUpdateBody,
} from './schema';
import { stepMatch } from './step-match';
import { updateMatch } from './update-match';

const caseParam = z.object({ id: uuid });
const childParam = z.object({ id: uuid, childId: uuid });

/** 参加支援 on a case: /api/cases/:id/participation… */
export const participationRoutes = new Hono<AppEnv>()
  .get('/:id/participation', valid('param', caseParam), async (c) =>
    c.json(await getParticipation(c.get('deps'), actorContext(c), c.req.valid('param').id)),
  )
  .post(
    '/:id/participation/matches',
    valid('param', caseParam),
    valid('json', matchFields),
    async (c) =>
      c.json(
        presentMatch(
          await proposeMatch(
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
    '/:id/participation/matches/:childId',
    valid('param', childParam),
    valid('json', matchUpdateBody),
    async (c) => {
      const { id, childId } = c.req.valid('param');
      return c.json(
        presentMatch(
          await updateMatch(c.get('deps'), actorContext(c), id, childId, c.req.valid('json')),
        ),
      );
    },
  )
  .post(
    '/:id/participation/matches/:childId/steps',
    valid('param', childParam),
    valid('json', matchStepBody),
    async (c) => {
      const { id, childId } = c.req.valid('param');
      return c.json(
        presentMatch(
          await stepMatch(c.get('deps'), actorContext(c), id, childId, c.req.valid('json')),
        ),
      );
    },
  )
  .post(
    '/:id/participation/matches/:childId/follow-ups',
    valid('param', childParam),
    valid('json', followUpFields),
    async (c) => {
      const { id, childId } = c.req.valid('param');
      return c.json(
        presentFollowUp(
          await recordFollowUp(c.get('deps'), actorContext(c), id, childId, c.req.valid('json')),
        ),
        201,
      );
    },
  )
  .put(
    '/:id/participation/follow-ups/:childId',
    valid('param', childParam),
    valid('json', followUpUpdateBody),
    async (c) => {
      const { id, childId } = c.req.valid('param');
      return c.json(
        presentFollowUp(
          await updateFollowUp(c.get('deps'), actorContext(c), id, childId, c.req.valid('json')),
        ),
      );
    },
  );
