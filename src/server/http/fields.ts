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

/** A time of day, 9:00 or ９：００ alike, stored as HH:MM. */
export const timeInput = z.string().transform((v, ctx) => {
  const match = /^(\d{1,2}):(\d{2})$/.exec(v.normalize('NFKC').trim());
  const h = Number(match?.[1]);
  const m = Number(match?.[2]);
  if (!match || h > 23 || m > 59) {
    ctx.addIssue({ code: 'custom', message: 'invalidTime' });
    return z.NEVER;
  }
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
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

/** A choice from a fixed list that may be left empty (an empty select is null). */
export const optionalChoice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === '' || v === undefined ? null : v), z.enum(values).nullable());

/** A multiple choice from a fixed list; duplicates are dropped. */
export const choices = <const T extends readonly [string, ...string[]]>(values: T, max = 50) =>
  z
    .array(z.enum(values))
    .max(max)
    .default([])
    .transform((list) => [...new Set(list)]);

/** A date and time typed on the screen (2025-04-01T10:30, or with 和暦 date and a time). */
export const dateTimeInput = z.string().transform((v, ctx) => {
  const text = v.normalize('NFKC').trim();
  const iso = /^(\d{4}-\d{2}-\d{2})[T ](\d{1,2}):(\d{2})/.exec(text);
  const date = iso ? iso[1] : parseDateInput(text.split(/\s+/)[0] ?? '');
  const time = iso ? `${iso[2]}:${iso[3]}` : (/(\d{1,2}):(\d{2})$/.exec(text)?.[0] ?? null);
  const [h, m] = (time ?? '').split(':').map(Number);
  if (
    !date ||
    !isIsoDate(date) ||
    time === null ||
    h === undefined ||
    m === undefined ||
    h > 23 ||
    m > 59
  ) {
    ctx.addIssue({ code: 'custom', message: 'invalidDateTime' });
    return z.NEVER;
  }
  // Times are Japan time as seen by the caseworker.
  return new Date(`${date}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00+09:00`);
});
