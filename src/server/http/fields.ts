import { z } from 'zod';
import { isKana } from '../../domain/text/kana';
import { isIsoDate, parseDateInput } from '../../domain/text/wareki';

/**
 * Field schemas shared by the request schemas. Text is trimmed; an optional field left empty is
 * stored as null. Input is forgiving where people type in many ways (full-width digits, 和暦
 * dates, postal codes with or without the hyphen) and the stored form is always the same.
 */
const emptyToNull = (value: unknown) =>
  value === undefined || (typeof value === 'string' && value.trim() === '') ? null : value;

export const requiredText = (max: number) => z.string().trim().min(1).max(max);

export const optionalText = (max: number) =>
  z.preprocess(emptyToNull, z.string().trim().max(max).nullable());

export const postalCode = z.preprocess(
  emptyToNull,
  z
    .string()
    .transform((v) => v.normalize('NFKC').replace(/[^0-9]/g, ''))
    .refine((v) => /^[0-9]{7}$/.test(v), 'invalidPostalCode')
    .transform((v) => `${v.slice(0, 3)}-${v.slice(3)}`)
    .nullable(),
);

export const phone = z.preprocess(
  emptyToNull,
  z
    .string()
    .transform((v) =>
      v
        .normalize('NFKC')
        .replace(/[ー－‐―]/g, '-')
        .trim(),
    )
    .refine((v) => /^[0-9][0-9-]{8,18}[0-9]$/.test(v), 'invalidPhone')
    .nullable(),
);

export const email = z.preprocess(
  emptyToNull,
  z.string().trim().max(254).pipe(z.email('invalidEmail')).nullable(),
);

export const kana = (max: number) =>
  z.preprocess(
    emptyToNull,
    z
      .string()
      .trim()
      .max(max)
      .refine((v) => isKana(v), 'invalidKana')
      .nullable(),
  );

/** A date typed in 西暦 or 和暦, stored as ISO. */
export const dateInput = z.string().transform((v, ctx) => {
  const iso = parseDateInput(v);
  if (!iso) {
    ctx.addIssue({ code: 'custom', message: 'invalidDate' });
    return z.NEVER;
  }
  return iso;
});

export const optionalDate = z.preprocess(emptyToNull, dateInput.nullable());

export const isoDate = z.string().refine(isIsoDate, 'invalidDate');

export const uuid = z.uuid('invalid');

export const optionalUuid = z.preprocess(emptyToNull, z.uuid('unknownReference').nullable());

export const loginId = z
  .string()
  .trim()
  .transform((v) => v.normalize('NFKC').toLowerCase())
  .refine((v) => /^[a-z0-9._-]{3,64}$/.test(v), 'invalidLoginId');

export const version = z.coerce.number().int().min(1);

export const wholeNumber = (min: number, max: number) =>
  z.preprocess((v) => {
    if (typeof v !== 'string') return v;
    const text = v.normalize('NFKC').replace(/,/g, '').trim();
    return text === '' ? undefined : text;
  }, z.coerce.number().int('integerExpected').min(min).max(max));

/** `?flag=true` in a query string. */
export const queryFlag = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((v) => v === 'true' || v === '1');

export const requiredKana = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((v) => isKana(v), 'invalidKana');
