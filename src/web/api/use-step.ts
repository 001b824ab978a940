import { useCallback, useState } from 'react';
import { ApiError } from './api-error';

/**
 * A step taken from a button (not a form): runs it, refreshes what it changed, and keeps the
 * server's refusal (with its details) to show beside the button. Answers whether the step was taken.
 */
export function useStep(refresh: () => Promise<unknown>) {
  const [error, setError] = useState<ApiError | null>(null);
  const run = useCallback(
    async (work: () => Promise<unknown>): Promise<boolean> => {
      setError(null);
      try {
        await work();
        await refresh();
        return true;
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        setError(e);
        return false;
      }
    },
    [refresh],
  );
  const clear = useCallback(() => setError(null), []);
  return { error, run, clear };
}
