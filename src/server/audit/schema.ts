import { z } from 'zod';
import { dateInput } from '../http/fields';

const optionalDateFilter = z.preprocess((v) => (v === '' ? undefined : v), dateInput.optional());
const optionalFilter = (max: number) =>
  z.preprocess((v) => (v === '' ? undefined : v), z.string().trim().max(max).optional());

export const auditListQuery = z
  .object({
    from: optionalDateFilter,
    to: optionalDateFilter,
    actor: optionalFilter(64),
    action: optionalFilter(100),
    outcome: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z.enum(['success', 'denied', 'failure']).optional(),
    ),
    subjectType: optionalFilter(50),
    subjectId: optionalFilter(100),
    personId: z.preprocess((v) => (v === '' ? undefined : v), z.uuid('invalid').optional()),
    /** Keyset paging: rows older than this id. */
    before: z.coerce.number().int().min(1).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { path: ['to'], message: 'endBeforeStart' });

export type AuditListQuery = z.output<typeof auditListQuery>;
