import { Hono } from 'hono';
import { z } from 'zod';
import { socialResourceListAbilities } from '../../domain/policies/resource-policy';
import { actorContext } from '../auth/require-actor';
import type { AppEnv } from '../http/context';
import { attachmentHeader } from '../http/csv';
import { csvImportBody } from '../http/csv-import';
import { uuid } from '../http/fields';
import { valid } from '../http/validate';
import { createSocialResource } from './create-social-resource';
import { exportSocialResources } from './export-social-resources';
import { importSocialResources } from './import-social-resources';
import {
  getSocialResource,
  listSocialResources,
  listSocialResourceTags,
} from './list-social-resources';
import {
  socialResourceArchiveBody,
  socialResourceFields,
  socialResourceListQuery,
  socialResourceUpdateBody,
} from './schema';
import { archiveSocialResource, updateSocialResource } from './update-social-resource';

const idParam = z.object({ id: uuid });

/** 社会資源: the directory, its CSV, and each resource. */
export const socialResourceRoutes = new Hono<AppEnv>()
  .get('/', valid('query', socialResourceListQuery), async (c) => {
    const ctx = actorContext(c);
    return c.json({
      items: await listSocialResources(c.get('deps'), ctx, c.req.valid('query')),
      abilities: socialResourceListAbilities(ctx.actor),
    });
  })
  .get('/tags', async (c) =>
    c.json({ items: await listSocialResourceTags(c.get('deps'), actorContext(c)) }),
  )
  .get('/export.csv', valid('query', socialResourceListQuery), async (c) => {
    const csv = await exportSocialResources(c.get('deps'), actorContext(c), c.req.valid('query'));
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', attachmentHeader('社会資源一覧.csv', 'social-resources.csv'));
    return c.body(csv);
  })
  .post('/import', valid('json', csvImportBody), async (c) =>
    c.json(await importSocialResources(c.get('deps'), actorContext(c), c.req.valid('json'))),
  )
  .post('/', valid('json', socialResourceFields), async (c) =>
    c.json(await createSocialResource(c.get('deps'), actorContext(c), c.req.valid('json')), 201),
  )
  .get('/:id', valid('param', idParam), async (c) =>
    c.json(await getSocialResource(c.get('deps'), actorContext(c), c.req.valid('param').id)),
  )
  .put('/:id', valid('param', idParam), valid('json', socialResourceUpdateBody), async (c) =>
    c.json(
      await updateSocialResource(
        c.get('deps'),
        actorContext(c),
        c.req.valid('param').id,
        c.req.valid('json'),
      ),
    ),
  )
  .post(
    '/:id/archive',
    valid('param', idParam),
    valid('json', socialResourceArchiveBody),
    async (c) =>
      c.json(
        await archiveSocialResource(
          c.get('deps'),
          actorContext(c),
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
      ),
  );
