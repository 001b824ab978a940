import { Hono } from 'hono';
import { z } from 'zod';
import { actorContext } from '../auth/require-actor';
import type { AppEnv } from '../http/context';
import { uuid } from '../http/fields';
import { valid } from '../http/validate';
import { assignCase } from './assign-case';
import { getCaseload } from './caseload';
import { changeCaseStatus } from './change-case-status';
import { closeCase } from './close-case';
import { recordContact, updateContact } from './contact-records';
import { recordEmergencySupport, updateEmergencySupport } from './emergency-support';
import { getCase } from './get-case';
import { listCaseStaff } from './list-staff';
import { openDetection } from './open-detection';
import { openIntake } from './open-intake';
import { presentCaseSummary, presentContact, presentEmergency } from './present';
import { recordIntake } from './record-intake';
import {
  assignBody,
  caseloadQuery,
  caseSearchQuery,
  closureBody,
  contactFields,
  contactUpdateBody,
  detectionUpdateBody,
  emergencyFields,
  emergencyUpdateBody,
  intakeUpdateBody,
  openDetectionBody,
  openIntakeBody,
  recordIntakeBody,
  transitionBody,
  triageBody,
} from './schema';
import { searchCases } from './search-cases';
import { triageCase } from './triage-case';
import { updateDetection } from './update-detection';
import { updateIntake } from './update-intake';

const caseParam = z.object({ id: uuid });
const childParam = z.object({ id: uuid, childId: uuid });

export const caseRoutes = new Hono<AppEnv>()
  .get('/caseload', valid('query', caseloadQuery), async (c) =>
    c.json(await getCaseload(c.get('deps'), actorContext(c), c.req.valid('query'))),
  )
  .get('/staff', async (c) =>
    c.json({ items: await listCaseStaff(c.get('deps'), actorContext(c)) }),
  )
  .get('/search', valid('query', caseSearchQuery), async (c) =>
    c.json(await searchCases(c.get('deps'), actorContext(c), c.req.valid('query'))),
  )
  .post('/detections', valid('json', openDetectionBody), async (c) =>
    c.json(
      presentCaseSummary(await openDetection(c.get('deps'), actorContext(c), c.req.valid('json'))),
      201,
    ),
  )
  .post('/intakes', valid('json', openIntakeBody), async (c) => {
    const body = c.req.valid('json');
    const kase = await openIntake(c.get('deps'), actorContext(c), {
      personId: body.personId,
      person: body.person,
      intake: body.intake,
    });
    return c.json(presentCaseSummary(kase), 201);
  })
  .get('/:id', valid('param', caseParam), async (c) =>
    c.json(await getCase(c.get('deps'), actorContext(c), c.req.valid('param').id)),
  )
  .post('/:id/intake', valid('param', caseParam), valid('json', recordIntakeBody), async (c) =>
    c.json(
      presentCaseSummary(
        await recordIntake(
          c.get('deps'),
          actorContext(c),
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
      ),
    ),
  )
  .put('/:id/intake', valid('param', caseParam), valid('json', intakeUpdateBody), async (c) => {
    await updateIntake(
      c.get('deps'),
      actorContext(c),
      c.req.valid('param').id,
      c.req.valid('json'),
    );
    return c.json({ ok: true as const });
  })
  .put(
    '/:id/detection',
    valid('param', caseParam),
    valid('json', detectionUpdateBody),
    async (c) => {
      await updateDetection(
        c.get('deps'),
        actorContext(c),
        c.req.valid('param').id,
        c.req.valid('json'),
      );
      return c.json({ ok: true as const });
    },
  )
  .post('/:id/triage', valid('param', caseParam), valid('json', triageBody), async (c) =>
    c.json(
      presentCaseSummary(
        await triageCase(
          c.get('deps'),
          actorContext(c),
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
      ),
    ),
  )
  .post('/:id/transitions', valid('param', caseParam), valid('json', transitionBody), async (c) =>
    c.json(
      presentCaseSummary(
        await changeCaseStatus(
          c.get('deps'),
          actorContext(c),
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
      ),
    ),
  )
  .post('/:id/closure', valid('param', caseParam), valid('json', closureBody), async (c) =>
    c.json(
      presentCaseSummary(
        await closeCase(
          c.get('deps'),
          actorContext(c),
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
      ),
    ),
  )
  .put('/:id/assignment', valid('param', caseParam), valid('json', assignBody), async (c) =>
    c.json(
      presentCaseSummary(
        await assignCase(
          c.get('deps'),
          actorContext(c),
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
      ),
    ),
  )
  .post('/:id/emergencies', valid('param', caseParam), valid('json', emergencyFields), async (c) =>
    c.json(
      presentEmergency(
        await recordEmergencySupport(
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
    '/:id/emergencies/:childId',
    valid('param', childParam),
    valid('json', emergencyUpdateBody),
    async (c) => {
      const { id, childId } = c.req.valid('param');
      return c.json(
        presentEmergency(
          await updateEmergencySupport(
            c.get('deps'),
            actorContext(c),
            id,
            childId,
            c.req.valid('json'),
          ),
        ),
      );
    },
  )
  .post('/:id/contacts', valid('param', caseParam), valid('json', contactFields), async (c) =>
    c.json(
      presentContact(
        await recordContact(
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
    '/:id/contacts/:childId',
    valid('param', childParam),
    valid('json', contactUpdateBody),
    async (c) => {
      const { id, childId } = c.req.valid('param');
      return c.json(
        presentContact(
          await updateContact(c.get('deps'), actorContext(c), id, childId, c.req.valid('json')),
        ),
      );
    },
  );
