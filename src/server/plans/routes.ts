import { Hono } from 'hono';
import { z } from 'zod';
import { actorContext } from '../auth/require-actor';
import { presentCaseSummary } from '../cases/present';
import type { AppEnv } from '../http/context';
import { uuid } from '../http/fields';
import { valid } from '../http/validate';
import { createPlan } from './create-plan';
import { createPlanChange } from './create-plan-change';
import { decideSupport } from './decide-support';
import { getPlan } from './get-plan';
import { recordEvaluation } from './record-evaluation';
import { recordMonitoring } from './record-monitoring';
import { reviewPlan } from './review-plan';
import {
  evaluationBody,
  monitoringBody,
  newPlanBody,
  planChangeBody,
  planStepBody,
  planUpdateBody,
  supportDecisionBody,
} from './schema';
import { startSupport } from './start-support';
import { updatePlan } from './update-plan';

const caseParam = z.object({ id: uuid });
const childParam = z.object({ id: uuid, childId: uuid });
const stepParam = z.object({
  id: uuid,
  childId: uuid,
  step: z.enum(['submit', 'return', 'adopt']),
});

export const planRoutes = new Hono<AppEnv>()
  .post('/:id/plans', valid('param', caseParam), valid('json', newPlanBody), async (c) => {
    const result = await createPlan(
      c.get('deps'),
      actorContext(c),
      c.req.valid('param').id,
      c.req.valid('json'),
    );
    return c.json({ case: presentCaseSummary(result.case), planId: result.plan.id }, 201);
  })
  .post(
    '/:id/plan-changes',
    valid('param', caseParam),
    valid('json', planChangeBody),
    async (c) => {
      const plan = await createPlanChange(
        c.get('deps'),
        actorContext(c),
        c.req.valid('param').id,
        c.req.valid('json'),
      );
      return c.json({ planId: plan.id }, 201);
    },
  )
  .get('/:id/plans/:childId', valid('param', childParam), async (c) => {
    const { id, childId } = c.req.valid('param');
    return c.json(await getPlan(c.get('deps'), actorContext(c), id, childId));
  })
  .put(
    '/:id/plans/:childId',
    valid('param', childParam),
    valid('json', planUpdateBody),
    async (c) => {
      const { id, childId } = c.req.valid('param');
      return c.json(
        await updatePlan(c.get('deps'), actorContext(c), id, childId, c.req.valid('json')),
      );
    },
  )
  .post(
    '/:id/plans/:childId/:step{submit|return|adopt}',
    valid('param', stepParam),
    valid('json', planStepBody),
    async (c) => {
      const { id, childId, step } = c.req.valid('param');
      return c.json(
        await reviewPlan(c.get('deps'), actorContext(c), id, childId, step, c.req.valid('json')),
      );
    },
  )
  .post(
    '/:id/plans/:childId/decision',
    valid('param', childParam),
    valid('json', supportDecisionBody),
    async (c) => {
      const { id, childId } = c.req.valid('param');
      return c.json(
        await decideSupport(c.get('deps'), actorContext(c), id, childId, c.req.valid('json')),
      );
    },
  )
  .post(
    '/:id/plans/:childId/activation',
    valid('param', childParam),
    valid('json', planStepBody),
    async (c) => {
      const { id, childId } = c.req.valid('param');
      return c.json(
        await startSupport(c.get('deps'), actorContext(c), id, childId, c.req.valid('json')),
      );
    },
  )
  .post('/:id/monitoring', valid('param', caseParam), valid('json', monitoringBody), async (c) =>
    c.json(
      await recordMonitoring(
        c.get('deps'),
        actorContext(c),
        c.req.valid('param').id,
        null,
        c.req.valid('json'),
      ),
      201,
    ),
  )
  .put(
    '/:id/monitoring/:childId',
    valid('param', childParam),
    valid('json', monitoringBody),
    async (c) => {
      const { id, childId } = c.req.valid('param');
      return c.json(
        await recordMonitoring(c.get('deps'), actorContext(c), id, childId, c.req.valid('json')),
      );
    },
  )
  .post('/:id/evaluations', valid('param', caseParam), valid('json', evaluationBody), async (c) => {
    const result = await recordEvaluation(
      c.get('deps'),
      actorContext(c),
      c.req.valid('param').id,
      c.req.valid('json'),
    );
    return c.json(
      { case: presentCaseSummary(result.case), evaluationId: result.evaluationId },
      201,
    );
  });
