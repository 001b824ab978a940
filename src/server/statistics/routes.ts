import { Hono } from 'hono';
import { z } from 'zod';
import { actorContext } from '../auth/require-actor';
import type { AppEnv } from '../http/context';
import { uuid } from '../http/fields';
import { valid } from '../http/validate';
import { getStatisticsOptions } from './get-options';
import { getStatisticsReport } from './get-report';
import { listCaseRows } from './list-case-rows';
import { moveCaseDistrict } from './move-case-district';
import {
  districtPopulationBody,
  moveCaseDistrictBody,
  statisticsQuery,
  statisticsTargetsBody,
} from './schema';
import { setDistrictPopulation } from './set-district-population';
import { getStatisticsTargets, putStatisticsTargets } from './targets';

const idParam = z.object({ id: uuid });

/** 統計: the national indicators and local breakdowns, the 支援ケース一覧, 目安値 and populations. */
export const statisticsRoutes = new Hono<AppEnv>()
  .get('/report', valid('query', statisticsQuery), async (c) =>
    c.json(await getStatisticsReport(c.get('deps'), actorContext(c), c.req.valid('query'))),
  )
  .get('/case-list', valid('query', statisticsQuery), async (c) =>
    c.json(await listCaseRows(c.get('deps'), actorContext(c), c.req.valid('query'))),
  )
  .get('/options', async (c) => c.json(await getStatisticsOptions(c.get('deps'), actorContext(c))))
  .get('/targets', async (c) => c.json(await getStatisticsTargets(c.get('deps'), actorContext(c))))
  .put('/targets', valid('json', statisticsTargetsBody), async (c) =>
    c.json(await putStatisticsTargets(c.get('deps'), actorContext(c), c.req.valid('json'))),
  )
  .put(
    '/districts/:id/population',
    valid('param', idParam),
    valid('json', districtPopulationBody),
    async (c) =>
      c.json(
        await setDistrictPopulation(
          c.get('deps'),
          actorContext(c),
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
      ),
  )
  /** A case's move to another district from a given day (its statistics follow the date). */
  .put(
    '/cases/:id/district',
    valid('param', idParam),
    valid('json', moveCaseDistrictBody),
    async (c) =>
      c.json(
        await moveCaseDistrict(
          c.get('deps'),
          actorContext(c),
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
      ),
  );
