import { useCallback, useRef, useState } from 'react';
import { ApiError } from './api-error';

/**
 * A step taken from a button (not a form): runs it, refreshes what it changed, and keeps the
 * server's refusal (with its details) to show beside the button. Answers whether the step was taken.
 * `busy` is true from the press until the refresh has settled (StepFieldset disables the step's
 * fields meanwhile); a press while busy is ignored.
 */
export function useStep(refresh: () => Promise<unknown>) {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const running = useRef(false);
  const run = useCallback(
    async (work: () => Promise<unknown>): Promise<boolean> => {
      if (running.current) return false;
      running.current = true;
      setBusy(true);
      setError(null);
      try {
        await work();
        await refresh();
        return true;
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        setError(e);
        return false;
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
    [refresh],
  );
  const clear = useCallback(() => setError(null), []);
  return { error, run, clear, busy };
}
