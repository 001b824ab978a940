import type { ChangeEvent } from 'react';

/**
 * What a form section needs from a form: its flat values (keyed by request path), their errors,
 * and a setter. Sections (person, intake, plan lines …) are written against this, so the same
 * section serves every form that contains it.
 */
export interface FlatForm {
  values: Record<string, unknown>;
  errors: Record<string, string>;
  set: (key: string, value: unknown) => void;
  /** Put before every element id, where one page shows the same form more than once. */
  idPrefix?: string;
}

export function text(form: FlatForm, key: string) {
  return {
    id: `${form.idPrefix ?? ''}${key}`,
    value: String(form.values[key] ?? ''),
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
      form.set(key, e.target.value),
    error: form.errors[key],
  };
}

export function list(form: FlatForm, key: string) {
  const value = form.values[key];
  return {
    id: `${form.idPrefix ?? ''}${key}`,
    value: Array.isArray(value) ? (value as string[]) : [],
    onChange: (next: string[]) => form.set(key, next),
    error: form.errors[key],
  };
}

export function flag(form: FlatForm, key: string) {
  return {
    id: `${form.idPrefix ?? ''}${key}`,
    checked: form.values[key] === true,
    onChange: (checked: boolean) => form.set(key, checked),
  };
}

/** Adapts useRecordForm (typed values) to a FlatForm for sections. */
export function asFlat<V extends Record<string, unknown>>(
  form: {
    values: V;
    errors: Record<string, string>;
    set: <K extends keyof V>(key: K, value: V[K]) => void;
  },
  idPrefix?: string,
): FlatForm {
  return {
    values: form.values,
    errors: form.errors,
    set: (key, value) => form.set(key as keyof V, value as V[keyof V]),
    ...(idPrefix ? { idPrefix } : {}),
  };
}
