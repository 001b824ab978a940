import { z } from 'zod';
import { resourceGapStatuses, resourceGapSteps } from '../../domain/resources/resource-gap-status';
import { optionalText, optionalUuid, requiredText, uuid, version } from '../http/fields';
import { socialResourceFields } from '../resources/schema';

export const resourceGapListQuery = z.object({
  /** One status, or `open` for every gap not yet created or closed. */
  status: z.enum([...resourceGapStatuses, 'open']).optional(),
});

/** A gap raised by hand: what is missing, and the cases it leaves without (ones the actor sees). */
export const raiseResourceGapBody = z.object({
  description: requiredText(2000),
  caseIds: z
    .array(uuid)
    .max(50)
    .default([])
    .transform((ids) => [...new Set(ids)]),
});

/**
 * One step of the lifecycle. `create` names the resource that resulted: one already in the
 * directory (`resourceId`) or a new one made with the step (`resource`); `close` says why.
 */
export const resourceGapStepBody = z
  .object({
    version,
    step: z.enum(resourceGapSteps),
    note: optionalText(2000),
    reason: optionalText(1000),
    resourceId: optionalUuid,
    resource: socialResourceFields.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.step === 'create' && !v.resourceId && !v.resource)
      ctx.addIssue({ code: 'custom', path: ['resourceId'], message: 'choose' });
    if (v.step === 'create' && v.resourceId && v.resource)
      ctx.addIssue({ code: 'custom', path: ['resourceId'], message: 'invalid' });
    if (v.step === 'close' && !v.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'required' });
  });

export type ResourceGapListQuery = z.output<typeof resourceGapListQuery>;
export type RaiseResourceGapInput = z.output<typeof raiseResourceGapBody>;
export type ResourceGapStepInput = z.output<typeof resourceGapStepBody>;
