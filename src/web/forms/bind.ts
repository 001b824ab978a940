import type { ChangeEvent } from 'react';
import type { FormValues } from './use-record-form';

interface Bindable<V extends FormValues> {
  values: V;
  errors: Record<string, string>;
  set: <K extends keyof V>(key: K, value: V[K]) => void;
}

/** The props a text input or select needs to show and change one string field of a form. */
export function bind<V extends FormValues>(form: Bindable<V>, key: keyof V & string) {
  return {
    id: key,
    value: String(form.values[key] ?? ''),
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
      form.set(key, event.target.value as V[typeof key]),
    error: form.errors[key],
  };
}
