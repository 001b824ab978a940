import { Hono } from 'hono';
import { z } from 'zod';
import { actorContext } from '../auth/require-actor';
import { presentAssessment } from '../cases/present';
import type { AppEnv } from '../http/context';
import { uuid } from '../http/fields';
import { valid } from '../http/validate';
import { completeAssessment } from './complete-assessment';
import { reviewAssessment } from './review-assessment';
import { saveAssessment } from './save-assessment';
import {
  assessmentUpdateBody,
  assessmentVersionBody,
  newAssessmentBody,
  reviewBody,
} from './schema';
import { startAssessment } from './start-assessment';

const caseParam = z.object({ id: uuid });
const childParam = z.object({ id: uuid, childId: uuid });

export const assessmentRoutes = new Hono<AppEnv>()
  .post(
    '/:id/assessments',
    valid('param', caseParam),
    valid('json', newAssessmentBody),
    async (c) =>
      c.json(
        presentAssessment(
          await startAssessment(
            c.get('deps'),
            actorContext(c),
            c.req.valid('param').id,
            c.req.valid('json'),
          ),
          [],
        ),
        201,
      ),
  )
  .put(
    '/:id/assessments/:childId',
    valid('param', childParam),
    valid('json', assessmentUpdateBody),
    async (c) => {
      const { id, childId } = c.req.valid('param');
      await saveAssessment(c.get('deps'), actorContext(c), id, childId, c.req.valid('json'));
      return c.json({ ok: true as const });
    },
  )
  .post(
    '/:id/assessments/:childId/completion',
    valid('param', childParam),
    valid('json', assessmentVersionBody),
    async (c) => {
      const { id, childId } = c.req.valid('param');
      await completeAssessment(c.get('deps'), actorContext(c), id, childId, c.req.valid('json'));
      return c.json({ ok: true as const });
    },
  )
  .post(
    '/:id/assessments/:childId/review',
    valid('param', childParam),
    valid('json', reviewBody),
    async (c) => {
      const { id, childId } = c.req.valid('param');
      await reviewAssessment(c.get('deps'), actorContext(c), id, childId, c.req.valid('json'));
      return c.json({ ok: true as const });
    },
  );
