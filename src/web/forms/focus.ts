/**
 * Disabling a form's or step's fieldset while it is sent takes the keyboard focus off the control
 * that sent it; these find that control and give the focus back (Form, StepFieldset).
 */
type Controls = HTMLFormElement | HTMLFieldSetElement;

/** Where the focused control sits among the container's controls, or null if not there. */
export function indexOfFocused(container: Controls): number | null {
  const index = Array.prototype.indexOf.call(container.elements, document.activeElement);
  return index >= 0 ? index : null;
}

/** Focuses the container's control at `index`, unless the user has put the focus elsewhere. */
export function focusControl(container: Controls | null, index: number): void {
  const control = container?.elements[index];
  const lost = document.activeElement === null || document.activeElement === document.body;
  if (control instanceof HTMLElement && lost) control.focus();
}
