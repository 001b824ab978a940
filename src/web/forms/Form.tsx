import { type ComponentPropsWithoutRef, type FormEvent, useEffect, useRef } from 'react';

/**
 * The <form> of a record form (useRecordForm). Everything in it sits in a fieldset that is
 * disabled while the form is submitting, and a form stays submitting until its onSaved has
 * settled: where the screen then shows the saved record as a new form (keyed by its version) or
 * takes the form away, onSaved returns the screen's reload, and nothing can be typed into the old
 * form in the meantime, to be lost with it.
 *
 * Disabling the fieldset takes the keyboard focus off the button that sent the form (the browser
 * moves it to the page itself). When the form takes input again and that control is still there —
 * an error to correct, a form that stays for the next entry — the focus goes back to it.
 */
export function Form({
  form,
  children,
  ...props
}: Omit<ComponentPropsWithoutRef<'form'>, 'onSubmit' | 'noValidate'> & {
  form: { onSubmit: (event?: FormEvent) => void; submitting: boolean };
}) {
  const sentFrom = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (form.submitting) return;
    const control = sentFrom.current;
    sentFrom.current = null;
    const focusLost = document.activeElement === null || document.activeElement === document.body;
    if (control?.isConnected && focusLost) control.focus();
  }, [form.submitting]);
  return (
    <form
      {...props}
      onSubmit={(event) => {
        const active = document.activeElement;
        sentFrom.current =
          active instanceof HTMLElement && event.currentTarget.contains(active) ? active : null;
        form.onSubmit(event);
      }}
      noValidate
    >
      <fieldset disabled={form.submitting} className="m-0 min-w-0 border-0 p-0">
        {children}
      </fieldset>
    </form>
  );
}
