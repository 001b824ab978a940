import { type ComponentPropsWithoutRef, type FormEvent, useEffect, useRef } from 'react';
import { focusControl, indexOfFocused } from './focus';

/**
 * The control each form was last sent from, by the form's draft key: a form shown afresh after
 * a save (keyed by the saved record's version) puts the focus where the one it replaces had it.
 */
const sentFromByKey = new Map<string, { index: number; at: number }>();
/** A save that takes longer than this has been left; its form is not waited for. */
const replacedWithinMs = 15_000;

/**
 * The <form> of a record form (useRecordForm). Everything in it sits in a fieldset that is
 * disabled while the form is submitting, and a form stays submitting until its onSaved has
 * settled: where the screen then shows the saved record as a new form (keyed by its version) or
 * takes the form away, onSaved returns the screen's reload, and nothing can be typed into the old
 * form in the meantime, to be lost with it.
 *
 * Disabling the fieldset takes the keyboard focus off the control that sent the form (the
 * browser moves it to the page itself). It goes back to that control when the form takes input
 * again (an error to correct, a form that stays for the next entry), or to the same control of the
 * form that replaces it.
 */
export function Form({
  form,
  children,
  ...props
}: Omit<ComponentPropsWithoutRef<'form'>, 'onSubmit' | 'noValidate'> & {
  form: { onSubmit: (event?: FormEvent) => void; submitting: boolean; formKey?: string };
}) {
  const element = useRef<HTMLFormElement>(null);
  const sentFrom = useRef<number | null>(null);
  const { formKey, submitting } = form;

  // Shown afresh after a save of the form it replaces.
  useEffect(() => {
    const sent = formKey ? sentFromByKey.get(formKey) : undefined;
    if (!formKey || !sent) return;
    sentFromByKey.delete(formKey);
    if (Date.now() - sent.at < replacedWithinMs) focusControl(element.current, sent.index);
  }, [formKey]);

  // Taking input again after a save or an error.
  useEffect(() => {
    if (submitting || sentFrom.current === null) return;
    focusControl(element.current, sentFrom.current);
    sentFrom.current = null;
    if (formKey) sentFromByKey.delete(formKey);
  }, [submitting, formKey]);

  return (
    <form
      {...props}
      ref={element}
      onSubmit={(event) => {
        const index = indexOfFocused(event.currentTarget);
        sentFrom.current = index;
        if (formKey && index !== null) sentFromByKey.set(formKey, { index, at: Date.now() });
        form.onSubmit(event);
      }}
      noValidate
    >
      <fieldset disabled={submitting} className="m-0 min-w-0 border-0 p-0">
        {children}
      </fieldset>
    </form>
  );
}
