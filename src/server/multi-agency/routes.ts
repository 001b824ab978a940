import { Hono } from 'hono';
import { z } from 'zod';
import { actorContext } from '../auth/require-actor';
import type { AppEnv } from '../http/context';
import { attachmentHeader } from '../http/csv';
import { uuid } from '../http/fields';
import { valid } from '../http/validate';
import { acceptMultiAgencyCase } from './accept-multi-agency-case';
import { addMember } from './add-member';
import { endMultiAgencyCase } from './end-multi-agency-case';
import { exportMultiAgencyCases } from './export-multi-agency-cases';
import { getEcomap } from './get-ecomap';
import { getMultiAgencyCase, listCaseMultiAgency } from './get-multi-agency-case';
import { listMultiAgencyCases } from './list-multi-agency-cases';
import { openMultiAgencyCase } from './open-multi-agency-case';
import { recordReview } from './record-review';
import { removeMember } from './remove-member';
import { returnMultiAgencyCase } from './return-multi-agency-case';
import { saveJointPlan } from './save-joint-plan';
import {
  acceptBody,
  endBody,
  jointPlanBody,
  leadBody,
  listQuery,
  memberFields,
  memberLeaveBody,
  memberUpdateBody,
  referralFields,
  returnBody,
  reviewBody,
  tieBody,
} from './schema';
import { setLead } from './set-lead';
import { updateHouseholdTie } from './update-household-tie';
import { updateMember } from './update-member';

const idParam = z.object({ id: uuid });
const memberParam = z.object({ id: uuid, memberId: uuid });

/** Under /cases/:id: the case's multi-agency cases, the referral to one, and the ecomap. */
export const caseMultiAgencyRoutes = new Hono<AppEnv>()
  .get('/:id/multi-agency', valid('param', idParam), async (c) =>
    c.json(await listCaseMultiAgency(c.get('deps'), actorContext(c), c.req.valid('param').id)),
  )
  .post('/:id/multi-agency', valid('param', idParam), valid('json', referralFields), async (c) =>
    c.json(
      await openMultiAgencyCase(
        c.get('deps'),
        actorContext(c),
        c.req.valid('param').id,
        c.req.valid('json'),
      ),
      201,
    ),
  )
  .get('/:id/ecomap', valid('param', idParam), async (c) =>
    c.json(await getEcomap(c.get('deps'), actorContext(c), c.req.valid('param').id)),
  )
  .put('/:id/ecomap/ties', valid('param', idParam), valid('json', tieBody), async (c) =>
    c.json(
      await updateHouseholdTie(
        c.get('deps'),
        actorContext(c),
        c.req.valid('param').id,
        c.req.valid('json'),
      ),
    ),
  );

/** /multi-agency: the coordinator's list, and each case's steps. */
export const multiAgencyRoutes = new Hono<AppEnv>()
  .get('/', valid('query', listQuery), async (c) =>
    c.json({
      items: await listMultiAgencyCases(c.get('deps'), actorContext(c), c.req.valid('query')),
    }),
  )
  .get('/export.csv', valid('query', listQuery), async (c) => {
    const csv = await exportMultiAgencyCases(c.get('deps'), actorContext(c), c.req.valid('query'));
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', attachmentHeader('多機関協働一覧.csv', 'multi-agency.csv'));
    return c.body(csv);
  })
  .get('/:id', valid('param', idParam), async (c) =>
    c.json(await getMultiAgencyCase(c.get('deps'), actorContext(c), c.req.valid('param').id)),
  )
  .post('/:id/acceptance', valid('param', idParam), valid('json', acceptBody), async (c) =>
    c.json(
      await acceptMultiAgencyCase(
        c.get('deps'),
        actorContext(c),
        c.req.valid('param').id,
        c.req.valid('json'),
      ),
    ),
  )
  .post('/:id/return', valid('param', idParam), valid('json', returnBody), async (c) =>
    c.json(
      await returnMultiAgencyCase(
        c.get('deps'),
        actorContext(c),
        c.req.valid('param').id,
        c.req.valid('json'),
      ),
    ),
  )
  .post('/:id/members', valid('param', idParam), valid('json', memberFields), async (c) =>
    c.json(
      await addMember(c.get('deps'), actorContext(c), c.req.valid('param').id, c.req.valid('json')),
      201,
    ),
  )
  .put(
    '/:id/members/:memberId',
    valid('param', memberParam),
    valid('json', memberUpdateBody),
    async (c) => {
      const { id, memberId } = c.req.valid('param');
      return c.json(
        await updateMember(c.get('deps'), actorContext(c), id, memberId, c.req.valid('json')),
      );
    },
  )
  .post(
    '/:id/members/:memberId/leave',
    valid('param', memberParam),
    valid('json', memberLeaveBody),
    async (c) => {
      const { id, memberId } = c.req.valid('param');
      return c.json(
        await removeMember(c.get('deps'), actorContext(c), id, memberId, c.req.valid('json')),
      );
    },
  )
  .post('/:id/lead', valid('param', idParam), valid('json', leadBody), async (c) =>
    c.json(
      await setLead(c.get('deps'), actorContext(c), c.req.valid('param').id, c.req.valid('json')),
    ),
  )
  .put('/:id/plan', valid('param', idParam), valid('json', jointPlanBody), async (c) =>
    c.json(
      await saveJointPlan(
        c.get('deps'),
        actorContext(c),
        c.req.valid('param').id,
        c.req.valid('json'),
      ),
    ),
  )
  .post('/:id/reviews', valid('param', idParam), valid('json', reviewBody), async (c) =>
    c.json(
      await recordReview(
        c.get('deps'),
        actorContext(c),
        c.req.valid('param').id,
        c.req.valid('json'),
      ),
      201,
    ),
  )
  .post('/:id/end', valid('param', idParam), valid('json', endBody), async (c) =>
    c.json(
      await endMultiAgencyCase(
        c.get('deps'),
        actorContext(c),
        c.req.valid('param').id,
        c.req.valid('json'),
      ),
    ),
  );
