import type { ComponentPropsWithoutRef, FormEvent } from 'react';

/**
 * The <form> of a record form (useRecordForm). Everything in it sits in a fieldset that is
 * disabled while the form is submitting, and a form stays submitting until its onSaved has
 * settled: where the screen then shows the saved record as a new form (keyed by its version) or
 * takes the form away, onSaved returns the screen's reload, and nothing can be typed into the old
 * form in the meantime, to be lost with it.
 */
export function Form({
  form,
  children,
  ...props
}: Omit<ComponentPropsWithoutRef<'form'>, 'onSubmit' | 'noValidate'> & {
  form: { onSubmit: (event?: FormEvent) => void; submitting: boolean };
}) {
  return (
    <form {...props} onSubmit={form.onSubmit} noValidate>
      <fieldset disabled={form.submitting} className="m-0 min-w-0 border-0 p-0">
        {children}
      </fieldset>
    </form>
  );
}
