import { type ComponentPropsWithoutRef, useEffect, useRef } from 'react';
import { focusControl, indexOfFocused } from '../forms/focus';

/**
 * The fields and buttons of a step taken from a button (useStep) that has fields of its own, such
 * as a referral's answer with its reason. While the step runs they are disabled, so nothing is
 * typed into a card that the refresh then replaces, to be lost with it. Disabling takes the
 * keyboard focus off the button pressed (the browser moves it to the page itself); it goes back to
 * that button when the card takes input again, after a refusal to correct. Record forms do the same
 * through Form.
 */
export function StepFieldset({
  busy,
  children,
  ...props
}: ComponentPropsWithoutRef<'fieldset'> & { busy: boolean }) {
  const element = useRef<HTMLFieldSetElement>(null);
  const pressed = useRef<number | null>(null);

  useEffect(() => {
    if (busy || pressed.current === null) return;
    focusControl(element.current, pressed.current);
    pressed.current = null;
  }, [busy]);

  return (
    <fieldset
      {...props}
      ref={element}
      disabled={busy}
      onClickCapture={(event) => {
        // Before the button's own handler starts the step and the fieldset is disabled.
        pressed.current = indexOfFocused(event.currentTarget);
        props.onClickCapture?.(event);
      }}
    >
      {children}
    </fieldset>
  );
}
