import { z } from 'zod';

export const draftKeyParam = z.object({
  key: z.string().regex(/^[A-Za-z0-9:_.-]{1,200}$/, 'invalid'),
});

export const draftBody = z.object({
  data: z.record(z.string(), z.unknown()),
  baseVersion: z.number().int().min(1).nullable().default(null),
});
