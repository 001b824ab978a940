import { z } from 'zod';
import { isMonthKey, maxReportMonths, monthCount } from '../../domain/statistics/indicators';
import { dateInput, uuid, version, wholeNumber } from '../http/fields';

const emptyToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

const monthKey = z
  .string()
  .trim()
  .transform((v) => v.normalize('NFKC'))
  .refine(isMonthKey, 'invalidMonth');

/** An optional id filter of a query string: empty means none. */
const optionalFilter = z
  .union([z.literal(''), uuid])
  .optional()
  .transform((v) => v || undefined);

/** `?from=2026-04&to=2027-03&supportAgencyId=…&districtId=…`: whole months, at most 24. */
export const statisticsQuery = z
  .object({
    from: monthKey,
    to: monthKey,
    supportAgencyId: optionalFilter,
    districtId: optionalFilter,
  })
  .superRefine((q, ctx) => {
    if (!isMonthKey(q.from) || !isMonthKey(q.to)) return;
    const months = monthCount(q.from, q.to);
    if (months < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: 'monthRangeReversed' });
    else if (months > maxReportMonths) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'monthRangeTooLong' });
    }
  });

/** A 目安値 per 100,000 population per month, or left empty (not set). */
const targetValue = z.preprocess((v) => {
  if (typeof v !== 'string') return v ?? null;
  const text = v.normalize('NFKC').replace(/,/g, '').trim();
  return text === '' ? null : text;
}, z.coerce.number('numberExpected').min(0).max(100_000).nullable());

/** The municipality's 目安値; the rate is a fraction (0.7 = 70 %). */
export const statisticsTargetsBody = z.object({
  version: z.coerce.number().int().min(0),
  newConsultations: targetValue,
  plans: targetValue,
  employmentSupportTargets: targetValue,
  employmentRate: z.preprocess((v) => {
    if (typeof v !== 'string') return v ?? null;
    const text = v.normalize('NFKC').trim();
    return text === '' ? null : text;
  }, z.coerce.number('numberExpected').min(0).max(1).nullable()),
});

/** A district's population (住民基本台帳), or empty for not known. */
export const districtPopulationBody = z.object({
  version,
  population: z.preprocess(
    (v) => (v === '' || v === undefined ? null : v),
    wholeNumber(0, 100_000_000).nullable(),
  ),
});

/** Moving a case to another district (or none) from a given day. */
export const moveCaseDistrictBody = z.object({
  version,
  districtId: z.preprocess(emptyToUndefined, uuid.nullable().default(null)),
  movedOn: dateInput,
});

export type StatisticsTargetsBody = z.output<typeof statisticsTargetsBody>;
export type DistrictPopulationBody = z.output<typeof districtPopulationBody>;
export type MoveCaseDistrictBody = z.output<typeof moveCaseDistrictBody>;
