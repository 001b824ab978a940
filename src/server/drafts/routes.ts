import { Hono } from 'hono';
import { actorContext } from '../auth/require-actor';
import type { AppEnv } from '../http/context';
import { valid } from '../http/validate';
import { discardDraft, getDraft, saveDraft } from './drafts';
import { draftBody, draftKeyParam } from './schema';

export const draftRoutes = new Hono<AppEnv>()
  .get('/:key', valid('param', draftKeyParam), async (c) =>
    c.json({ draft: await getDraft(c.get('deps'), actorContext(c), c.req.valid('param').key) }),
  )
  .put('/:key', valid('param', draftKeyParam), valid('json', draftBody), async (c) =>
    c.json(
      await saveDraft(
        c.get('deps'),
        actorContext(c),
        c.req.valid('param').key,
        c.req.valid('json'),
      ),
    ),
  )
  .delete('/:key', valid('param', draftKeyParam), async (c) => {
    await discardDraft(c.get('deps'), actorContext(c), c.req.valid('param').key);
    return c.json({ ok: true as const });
  });
