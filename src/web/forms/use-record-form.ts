import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/api-error';
import { api } from '../api/client';

/**
 * The one form mechanism of the screens, so that nothing typed is lost:
 * - values stay as typed through validation errors (shown per field, in the user's language);
 * - a draft is kept on the server while typing and offered back after a reload or a crash;
 * - a stale save (409) keeps the input and shows the latest saved version beside it, to choose.
 */
export type FormValues = Record<string, unknown>;

/**
 * The longest a form waits for the screen's reload after a save (see onSaved). Offline, a reload
 * waits for the network to come back; the form takes input again after this.
 */
const reloadWaitMs = 10_000;

export interface Conflict<V> {
  theirs: V;
  version: number;
}

interface Options<V extends FormValues, R> {
  /** Identifies the draft, e.g. `partner-agency:new` or `partner-agency:<id>`. */
  formKey: string;
  initial: V;
  /** The version of the record the form was loaded from; null for a new record. */
  version: number | null;
  submit: (values: V, version: number | null) => Promise<R>;
  /**
   * After a save. A promise keeps the form submitting (the fields of its Form disabled) until it
   * settles, for at most `reloadWaitMs`: a screen that shows the saved record afresh, as a new
   * form, or takes the form away should return its reload, so nothing is typed into a form about
   * to be replaced.
   */
  onSaved?: (result: R) => void | Promise<void>;
  /** Turns the record a 409 sends back into form values. */
  fromRecord?: (record: Record<string, unknown>) => V;
  /** Milliseconds after the last keystroke before the draft is saved. */
  draftDelay?: number;
  /**
   * Where the server's field paths differ from the form's keys (the body wraps the values, e.g.
   * `plan.goals.0.goal` for the key `goals.0.goal`), turns one into the other.
   */
  errorKey?: (path: string) => string;
}

/** An errorKey for bodies that wrap the form's values under one name. */
export function unwrap(prefix: string) {
  return (path: string) => (path.startsWith(prefix) ? path.slice(prefix.length) : path);
}

export function useRecordForm<V extends FormValues, R>(options: Options<V, R>) {
  const { formKey, submit, onSaved, fromRecord, draftDelay = 800, errorKey } = options;
  const [values, setValues] = useState<V>(options.initial);
  const [version, setVersion] = useState<number | null>(options.version);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [conflict, setConflict] = useState<Conflict<V> | null>(null);
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const [draftSavedAt, setDraftSavedAt] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const initial = useRef(options.initial);

  // A draft from an earlier visit comes back first.
  useEffect(() => {
    let cancelled = false;
    void api.drafts[':key']
      .$get({ param: { key: formKey } })
      .then((res) => res.json())
      .then(({ draft }) => {
        if (cancelled || !draft) return;
        setValues({ ...initial.current, ...(draft.data as Partial<V>) });
        setRestoredAt(draft.updatedAt);
        setDirty(true);
      })
      .catch(() => {});
    return () => {
      cancelled = true;
    };
  }, [formKey]);

  const saveDraft = useCallback(
    (next: V, base: number | null) => {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        void api.drafts[':key']
          .$put({ param: { key: formKey }, json: { data: next, baseVersion: base } })
          .then((res) => res.json())
          .then((r) => setDraftSavedAt(r.updatedAt))
          .catch(() => {});
      }, draftDelay);
    },
    [formKey, draftDelay],
  );

  useEffect(() => () => clearTimeout(timer.current), []);

  const set = useCallback(
    <K extends keyof V>(key: K, value: V[K]) => {
      setValues((current) => {
        const next = { ...current, [key]: value };
        saveDraft(next, version);
        return next;
      });
      setDirty(true);
    },
    [saveDraft, version],
  );

  const update = useCallback(
    (change: (current: V) => V) => {
      setValues((current) => {
        const next = change(current);
        saveDraft(next, version);
        return next;
      });
      setDirty(true);
    },
    [saveDraft, version],
  );

  const discardDraft = useCallback(async () => {
    clearTimeout(timer.current);
    await api.drafts[':key'].$delete({ param: { key: formKey } }).catch(() => {});
    setRestoredAt(null);
    setDraftSavedAt(null);
  }, [formKey]);

  const run = useCallback(
    async (withVersion: number | null) => {
      setSubmitting(true);
      setFailure(null);
      try {
        const result = await submit(values, withVersion);
        clearTimeout(timer.current);
        await discardDraft();
        setErrors({});
        setConflict(null);
        setDirty(false);
        const reloaded = onSaved?.(result);
        if (reloaded) {
          let waiting: ReturnType<typeof setTimeout> | undefined;
          await Promise.race([
            reloaded,
            new Promise<void>((resolve) => {
              waiting = setTimeout(resolve, reloadWaitMs);
            }),
          ]);
          clearTimeout(waiting);
        }
        return result;
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        setFailure(error);
        setErrors(
          errorKey
            ? Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [errorKey(k), v]))
            : error.fields,
        );
        const current = error.details.current as Record<string, unknown> | undefined;
        if (error.code === 'VERSION_CONFLICT' && current && fromRecord) {
          setConflict({ theirs: fromRecord(current), version: Number(current.version) });
        }
        return undefined;
      } finally {
        setSubmitting(false);
      }
    },
    [submit, values, discardDraft, onSaved, fromRecord, errorKey],
  );

  const onSubmit = useCallback(
    (event?: FormEvent) => {
      event?.preventDefault();
      void run(version);
    },
    [run, version],
  );

  const resolveConflict = useCallback(
    async (choice: 'mine' | 'theirs') => {
      if (!conflict) return;
      if (choice === 'theirs') {
        setValues(conflict.theirs);
        setVersion(conflict.version);
        setConflict(null);
        setFailure(null);
        setDirty(false);
        await discardDraft();
        return;
      }
      setVersion(conflict.version);
      await run(conflict.version);
    },
    [conflict, discardDraft, run],
  );

  /** After a save elsewhere on the page (or a reload of the record), start from it. */
  const reset = useCallback((next: V, nextVersion: number | null) => {
    initial.current = next;
    setValues(next);
    setVersion(nextVersion);
    setDirty(false);
  }, []);

  return {
    values,
    set,
    update,
    version,
    errors,
    failure,
    submitting,
    conflict,
    resolveConflict,
    restoredAt,
    draftSavedAt,
    discardDraft: async () => {
      await discardDraft();
      setValues(initial.current);
      setDirty(false);
    },
    dirty,
    onSubmit,
    reset,
    formKey,
  };
}

export type RecordForm<V extends FormValues> = ReturnType<typeof useRecordForm<V, unknown>>;
