import { Hono } from 'hono';
import { actorContext } from '../auth/require-actor';
import type { AppEnv } from '../http/context';
import { valid } from '../http/validate';
import { importCases } from './import-cases';
import { importContacts } from './import-contacts';
import { importPersons } from './import-persons';
import { bulkImportBody } from './run-bulk-import';

/** 一括取り込み: an agency's list of persons, cases or contact records (CSV or .xlsx). */
export const importRoutes = new Hono<AppEnv>()
  .post('/persons', valid('json', bulkImportBody), async (c) =>
    c.json(await importPersons(c.get('deps'), actorContext(c), c.req.valid('json'))),
  )
  .post('/cases', valid('json', bulkImportBody), async (c) =>
    c.json(await importCases(c.get('deps'), actorContext(c), c.req.valid('json'))),
  )
  .post('/contacts', valid('json', bulkImportBody), async (c) =>
    c.json(await importContacts(c.get('deps'), actorContext(c), c.req.valid('json'))),
  );
