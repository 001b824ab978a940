import { Hono } from 'hono';
import { z } from 'zod';
import { can } from '../../domain/policies/can';
import { actorContext } from '../auth/require-actor';
import type { AppEnv } from '../http/context';
import { attachmentHeader } from '../http/csv';
import { uuid } from '../http/fields';
import { valid } from '../http/validate';
import { createUser } from './create-user';
import { endUserSessions } from './end-user-sessions';
import { exportUsers } from './export-users';
import { getUser, listUsers } from './list-users';
import { resetUserPassword } from './reset-user-password';
import { resetUserSecondFactor } from './reset-user-second-factor';
import { resetPasswordBody, userCreateBody, userListQuery, userUpdateBody } from './schema';
import { setUserDisabled } from './set-user-disabled';
import { unlockUser } from './unlock-user';
import { updateUser } from './update-user';

const idParam = z.object({ id: uuid });

export const userRoutes = new Hono<AppEnv>()
  .get('/', valid('query', userListQuery), async (c) => {
    const ctx = actorContext(c);
    return c.json({
      items: await listUsers(c.get('deps'), ctx, c.req.valid('query')),
      abilities: { create: can(ctx.actor, 'user.manage') },
    });
  })
  .get('/export.csv', valid('query', userListQuery), async (c) => {
    const csv = await exportUsers(c.get('deps'), actorContext(c), c.req.valid('query'));
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', attachmentHeader('職員アカウント一覧.csv'));
    return c.body(csv);
  })
  .post('/', valid('json', userCreateBody), async (c) =>
    c.json(await createUser(c.get('deps'), actorContext(c), c.req.valid('json')), 201),
  )
  .get('/:id', valid('param', idParam), async (c) =>
    c.json(await getUser(c.get('deps'), actorContext(c), c.req.valid('param').id)),
  )
  .put('/:id', valid('param', idParam), valid('json', userUpdateBody), async (c) =>
    c.json(
      await updateUser(
        c.get('deps'),
        actorContext(c),
        c.req.valid('param').id,
        c.req.valid('json'),
      ),
    ),
  )
  .post(
    '/:id/reset-password',
    valid('param', idParam),
    valid('json', resetPasswordBody),
    async (c) =>
      c.json(
        await resetUserPassword(
          c.get('deps'),
          actorContext(c),
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
      ),
  )
  .post('/:id/unlock', valid('param', idParam), async (c) =>
    c.json(await unlockUser(c.get('deps'), actorContext(c), c.req.valid('param').id)),
  )
  .post('/:id/reset-second-factor', valid('param', idParam), async (c) =>
    c.json(await resetUserSecondFactor(c.get('deps'), actorContext(c), c.req.valid('param').id)),
  )
  .post('/:id/end-sessions', valid('param', idParam), async (c) =>
    c.json(await endUserSessions(c.get('deps'), actorContext(c), c.req.valid('param').id)),
  )
  .post('/:id/disable', valid('param', idParam), async (c) =>
    c.json(await setUserDisabled(c.get('deps'), actorContext(c), c.req.valid('param').id, true)),
  )
  .post('/:id/enable', valid('param', idParam), async (c) =>
    c.json(await setUserDisabled(c.get('deps'), actorContext(c), c.req.valid('param').id, false)),
  );
