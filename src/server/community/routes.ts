import { Hono } from 'hono';
import { z } from 'zod';
import { actorContext } from '../auth/require-actor';
import type { AppEnv } from '../http/context';
import { uuid } from '../http/fields';
import { valid } from '../http/validate';
import { createActivity, updateActivity } from './activities';
import { closeIssue } from './close-issue';
import { getCommunity } from './get-community';
import { recordIssue, updateIssue } from './issues';
import { passIssue } from './pass-issue';
import { presentActivity, presentIssue } from './present';
import {
  activityFields,
  activityUpdateBody,
  closeIssueBody,
  issueFields,
  issueUpdateBody,
  passIssueBody,
} from './schema';

const idParam = z.object({ id: uuid });

/** 地域づくり: /api/community… */
export const communityRoutes = new Hono<AppEnv>()
  .get('/', async (c) => c.json(await getCommunity(c.get('deps'), actorContext(c))))
  .post('/activities', valid('json', activityFields), async (c) =>
    c.json(
      presentActivity(await createActivity(c.get('deps'), actorContext(c), c.req.valid('json'))),
      201,
    ),
  )
  .put('/activities/:id', valid('param', idParam), valid('json', activityUpdateBody), async (c) =>
    c.json(
      presentActivity(
        await updateActivity(
          c.get('deps'),
          actorContext(c),
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
      ),
    ),
  )
  .post('/issues', valid('json', issueFields), async (c) =>
    c.json(
      presentIssue(await recordIssue(c.get('deps'), actorContext(c), c.req.valid('json'))),
      201,
    ),
  )
  .put('/issues/:id', valid('param', idParam), valid('json', issueUpdateBody), async (c) =>
    c.json(
      presentIssue(
        await updateIssue(
          c.get('deps'),
          actorContext(c),
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
      ),
    ),
  )
  .post('/issues/:id/pass', valid('param', idParam), valid('json', passIssueBody), async (c) =>
    c.json(
      presentIssue(
        await passIssue(
          c.get('deps'),
          actorContext(c),
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
      ),
    ),
  )
  .post('/issues/:id/close', valid('param', idParam), valid('json', closeIssueBody), async (c) =>
    c.json(
      presentIssue(
        await closeIssue(
          c.get('deps'),
          actorContext(c),
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
      ),
    ),
  );
