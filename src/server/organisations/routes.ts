import { Hono } from 'hono';
import { z } from 'zod';
import {
  partnerAgencyListAbilities,
  supportAgencyListAbilities,
} from '../../domain/policies/organisation-policy';
import { actorContext } from '../auth/require-actor';
import type { AppEnv } from '../http/context';
import { attachmentHeader } from '../http/csv';
import { csvImportBody } from '../http/csv-import';
import { uuid } from '../http/fields';
import { valid } from '../http/validate';
import { addDistrict } from './add-district';
import { createPartnerAgency } from './create-partner-agency';
import { createSupportAgency } from './create-support-agency';
import { exportPartnerAgencies } from './export-partner-agencies';
import { getMunicipality } from './get-municipality';
import { getSupportAgency, listSupportAgencies } from './get-support-agency';
import { importPartnerAgencies } from './import-partner-agencies';
import { getPartnerAgency, listPartnerAgencies } from './list-partner-agencies';
import { removeDistrict } from './remove-district';
import {
  districtBody,
  districtUpdateBody,
  municipalityBody,
  partnerAgencyBody,
  partnerAgencyListQuery,
  partnerAgencyUpdateBody,
  supportAgencyBody,
  supportAgencyUpdateBody,
} from './schema';
import { updateDistrict } from './update-district';
import { updateMunicipality } from './update-municipality';
import { updatePartnerAgency } from './update-partner-agency';
import { updateSupportAgency } from './update-support-agency';

const idParam = z.object({ id: uuid });

export const municipalityRoutes = new Hono<AppEnv>()
  .get('/', async (c) => c.json(await getMunicipality(c.get('deps'), actorContext(c))))
  .put('/', valid('json', municipalityBody), async (c) =>
    c.json(await updateMunicipality(c.get('deps'), actorContext(c), c.req.valid('json'))),
  )
  .post('/districts', valid('json', districtBody), async (c) =>
    c.json(await addDistrict(c.get('deps'), actorContext(c), c.req.valid('json')), 201),
  )
  .put('/districts/:id', valid('param', idParam), valid('json', districtUpdateBody), async (c) =>
    c.json(
      await updateDistrict(
        c.get('deps'),
        actorContext(c),
        c.req.valid('param').id,
        c.req.valid('json'),
      ),
    ),
  )
  .delete('/districts/:id', valid('param', idParam), async (c) => {
    await removeDistrict(c.get('deps'), actorContext(c), c.req.valid('param').id);
    return c.json({ ok: true as const });
  });

export const supportAgencyRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const ctx = actorContext(c);
    return c.json({
      items: await listSupportAgencies(c.get('deps'), ctx),
      abilities: supportAgencyListAbilities(ctx.actor),
    });
  })
  .post('/', valid('json', supportAgencyBody), async (c) =>
    c.json(await createSupportAgency(c.get('deps'), actorContext(c), c.req.valid('json')), 201),
  )
  .get('/:id', valid('param', idParam), async (c) =>
    c.json(await getSupportAgency(c.get('deps'), actorContext(c), c.req.valid('param').id)),
  )
  .put('/:id', valid('param', idParam), valid('json', supportAgencyUpdateBody), async (c) =>
    c.json(
      await updateSupportAgency(
        c.get('deps'),
        actorContext(c),
        c.req.valid('param').id,
        c.req.valid('json'),
      ),
    ),
  );

export const partnerAgencyRoutes = new Hono<AppEnv>()
  .get('/', valid('query', partnerAgencyListQuery), async (c) => {
    const ctx = actorContext(c);
    return c.json({
      items: await listPartnerAgencies(c.get('deps'), ctx, c.req.valid('query')),
      abilities: partnerAgencyListAbilities(ctx.actor),
    });
  })
  .get('/export.csv', valid('query', partnerAgencyListQuery), async (c) => {
    const csv = await exportPartnerAgencies(c.get('deps'), actorContext(c), c.req.valid('query'));
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', attachmentHeader('関係機関一覧.csv'));
    return c.body(csv);
  })
  .post('/import', valid('json', csvImportBody), async (c) =>
    c.json(await importPartnerAgencies(c.get('deps'), actorContext(c), c.req.valid('json'))),
  )
  .post('/', valid('json', partnerAgencyBody), async (c) =>
    c.json(await createPartnerAgency(c.get('deps'), actorContext(c), c.req.valid('json')), 201),
  )
  .get('/:id', valid('param', idParam), async (c) =>
    c.json(await getPartnerAgency(c.get('deps'), actorContext(c), c.req.valid('param').id)),
  )
  .put('/:id', valid('param', idParam), valid('json', partnerAgencyUpdateBody), async (c) =>
    c.json(
      await updatePartnerAgency(
        c.get('deps'),
        actorContext(c),
        c.req.valid('param').id,
        c.req.valid('json'),
      ),
    ),
  );
