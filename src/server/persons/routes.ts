import { Hono } from 'hono';
import { z } from 'zod';
import { actorContext } from '../auth/require-actor';
import { presentPerson } from '../cases/present';
import type { AppEnv } from '../http/context';
import { attachmentHeader } from '../http/csv';
import { uuid } from '../http/fields';
import { valid } from '../http/validate';
import { disclosePerson } from './disclose-person';
import { findDuplicates } from './find-duplicates';
import { saveHousehold } from './save-household';
import { disclosureQuery, duplicateQuery, householdBody, personUpdateBody } from './schema';
import { updatePerson } from './update-person';

const personParam = z.object({ id: uuid });

export const personRoutes = new Hono<AppEnv>()
  .get('/duplicates', valid('query', duplicateQuery), async (c) => {
    const q = c.req.valid('query');
    return c.json({
      items: await findDuplicates(c.get('deps'), actorContext(c), {
        nameKana: q.nameKana,
        birthDate: q.birthDate,
      }),
    });
  })
  // 開示: everything held on the person, as JSON (saved as a file with ?download=1).
  .get(
    '/:id/disclosure',
    valid('param', personParam),
    valid('query', disclosureQuery),
    async (c) => {
      const view = await disclosePerson(c.get('deps'), actorContext(c), c.req.valid('param').id);
      if (c.req.valid('query').download) {
        const label = view.cases.at(-1)?.case.caseNumber ?? view.person.id;
        c.header('Content-Disposition', attachmentHeader(`開示_${label}.json`, 'disclosure.json'));
      }
      return c.json(view);
    },
  )
  .put('/:id', valid('param', personParam), valid('json', personUpdateBody), async (c) =>
    c.json(
      presentPerson(
        await updatePerson(
          c.get('deps'),
          actorContext(c),
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
      ),
    ),
  )
  .put('/:id/household', valid('param', personParam), valid('json', householdBody), async (c) =>
    c.json(
      await saveHousehold(
        c.get('deps'),
        actorContext(c),
        c.req.valid('param').id,
        c.req.valid('json'),
      ),
    ),
  );
