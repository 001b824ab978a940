import { Hono } from 'hono';
import { z } from 'zod';
import { actorContext } from '../auth/require-actor';
import type { AppEnv } from '../http/context';
import { dateInput, uuid, version } from '../http/fields';
import { valid } from '../http/validate';
import { addItem, removeItem, requestMeeting, suggestAgenda, updateItem } from './agenda';
import { getItemSheet } from './item-sheet';
import {
  createMeeting,
  getItem,
  getMeeting,
  listMeetings,
  recordAttendance,
  updateMeeting,
} from './meetings';
import { recordItem } from './record-item';
import {
  attendanceBody,
  itemFields,
  itemRecordBody,
  itemUpdateBody,
  meetingFields,
  meetingListQuery,
  meetingUpdateBody,
  memberFields,
  requestFields,
  seriesFields,
  seriesUpdateBody,
  statisticsQuery,
} from './schema';
import {
  acknowledgeConfidentiality,
  addMember,
  createSeries,
  endMember,
  getSeries,
  listSeries,
  updateSeries,
} from './series';
import { meetingStatistics } from './statistics';
import { completeTask, listMyTasks } from './tasks';

const idParam = z.object({ id: uuid });
const itemParam = z.object({ id: uuid, itemId: uuid });
const memberParam = z.object({ id: uuid, memberId: uuid });

export const meetingSeriesRoutes = new Hono<AppEnv>()
  .get('/', async (c) => c.json({ items: await listSeries(c.get('deps'), actorContext(c)) }))
  .post('/', valid('json', seriesFields), async (c) =>
    c.json(await createSeries(c.get('deps'), actorContext(c), c.req.valid('json')), 201),
  )
  .get('/:id', valid('param', idParam), async (c) =>
    c.json(await getSeries(c.get('deps'), actorContext(c), c.req.valid('param').id)),
  )
  .put('/:id', valid('param', idParam), valid('json', seriesUpdateBody), async (c) =>
    c.json(
      await updateSeries(
        c.get('deps'),
        actorContext(c),
        c.req.valid('param').id,
        c.req.valid('json'),
      ),
    ),
  )
  .get('/:id/suggestions', valid('param', idParam), async (c) =>
    c.json({ items: await suggestAgenda(c.get('deps'), actorContext(c), c.req.valid('param').id) }),
  )
  .post('/:id/members', valid('param', idParam), valid('json', memberFields), async (c) =>
    c.json(
      await addMember(c.get('deps'), actorContext(c), c.req.valid('param').id, c.req.valid('json')),
      201,
    ),
  )
  .post(
    '/:id/members/:memberId/end',
    valid('param', memberParam),
    valid('json', z.object({ endedOn: dateInput })),
    async (c) => {
      const { id, memberId } = c.req.valid('param');
      await endMember(c.get('deps'), actorContext(c), id, memberId, c.req.valid('json').endedOn);
      return c.json({ ok: true as const });
    },
  )
  .post('/:id/acknowledgement', valid('param', idParam), async (c) =>
    c.json(
      await acknowledgeConfidentiality(c.get('deps'), actorContext(c), c.req.valid('param').id),
    ),
  );

export const meetingRoutes = new Hono<AppEnv>()
  .get('/', valid('query', meetingListQuery), async (c) =>
    c.json({ items: await listMeetings(c.get('deps'), actorContext(c), c.req.valid('query')) }),
  )
  .post('/', valid('json', meetingFields), async (c) =>
    c.json(await createMeeting(c.get('deps'), actorContext(c), c.req.valid('json')), 201),
  )
  .post('/requests', valid('json', requestFields), async (c) =>
    c.json(await requestMeeting(c.get('deps'), actorContext(c), c.req.valid('json')), 201),
  )
  .get('/tasks', async (c) => c.json({ items: await listMyTasks(c.get('deps'), actorContext(c)) }))
  .get('/statistics', valid('query', statisticsQuery), async (c) =>
    c.json(await meetingStatistics(c.get('deps'), actorContext(c), c.req.valid('query'))),
  )
  .post(
    '/tasks/:id/done',
    valid('param', idParam),
    valid('json', z.object({ version, doneOn: dateInput })),
    async (c) =>
      c.json(
        await completeTask(
          c.get('deps'),
          actorContext(c),
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
      ),
  )
  .get('/:id', valid('param', idParam), async (c) =>
    c.json(await getMeeting(c.get('deps'), actorContext(c), c.req.valid('param').id)),
  )
  .put('/:id', valid('param', idParam), valid('json', meetingUpdateBody), async (c) =>
    c.json(
      await updateMeeting(
        c.get('deps'),
        actorContext(c),
        c.req.valid('param').id,
        c.req.valid('json'),
      ),
    ),
  )
  .put('/:id/attendance', valid('param', idParam), valid('json', attendanceBody), async (c) =>
    c.json(
      await recordAttendance(
        c.get('deps'),
        actorContext(c),
        c.req.valid('param').id,
        c.req.valid('json'),
      ),
    ),
  )
  .post('/:id/items', valid('param', idParam), valid('json', itemFields), async (c) =>
    c.json(
      await addItem(c.get('deps'), actorContext(c), c.req.valid('param').id, c.req.valid('json')),
      201,
    ),
  )
  .get('/:id/items/:itemId', valid('param', itemParam), async (c) => {
    const { id, itemId } = c.req.valid('param');
    return c.json(await getItem(c.get('deps'), actorContext(c), id, itemId));
  })
  .get('/:id/items/:itemId/sheet', valid('param', itemParam), async (c) => {
    const { id, itemId } = c.req.valid('param');
    return c.json(await getItemSheet(c.get('deps'), actorContext(c), id, itemId));
  })
  .put(
    '/:id/items/:itemId',
    valid('param', itemParam),
    valid('json', itemUpdateBody),
    async (c) => {
      const { id, itemId } = c.req.valid('param');
      return c.json(
        await updateItem(c.get('deps'), actorContext(c), id, itemId, c.req.valid('json')),
      );
    },
  )
  .delete('/:id/items/:itemId', valid('param', itemParam), async (c) => {
    const { id, itemId } = c.req.valid('param');
    await removeItem(c.get('deps'), actorContext(c), id, itemId);
    return c.json({ ok: true as const });
  })
  .post(
    '/:id/items/:itemId/record',
    valid('param', itemParam),
    valid('json', itemRecordBody),
    async (c) => {
      const { id, itemId } = c.req.valid('param');
      return c.json(
        await recordItem(c.get('deps'), actorContext(c), id, itemId, c.req.valid('json')),
      );
    },
  );
