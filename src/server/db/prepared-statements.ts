import type pg from 'pg';

/**
 * Named prepared statements on a PostgreSQL server. Every request runs the same few dozen query
 * shapes; sent as unnamed statements, the server parses and plans each one again, which was 28%
 * of its CPU at the national size (docs/benchmarks.md). Named, a connection parses a shape once
 * and the server may keep a generic plan for it.
 *
 * A named statement goes stale when the schema changes under it (another server process applied
 * a migration: "cached plan must not change result type"), or when something dropped it (a pooler
 * or `DISCARD ALL`: "prepared statement does not exist"). The connection then moves to fresh names
 * and drops the old statements as soon as it is outside a transaction. A statement that failed
 * this way outside a transaction is sent again at once; inside one, the transaction has already
 * failed, so the error goes to the caller, whose transaction rolls back.
 */
export interface PreparedStatementLimits {
  /** Statements one connection keeps; past this, other shapes go unnamed. */
  perConnection: number;
  /** Query texts given a name at all (queries with lists of varying length make new texts). */
  texts: number;
  /**
   * Statements with an `in` list of more parameters than this, or reads and changes given an
   * array of more values (`= any($1)`), go unnamed. They are bulk reads (a thousand import numbers), whose planning is
   * little next to their work; and a kept generic plan cannot see the list's values, so it tests
   * each row against the list one by one where a fresh plan hashes it (a re-run import of 20,000
   * people: 0.4 s → 10 s with an `in` list, 6 s with an array).
   */
  inList: number;
}

const defaultLimits: PreparedStatementLimits = { perConnection: 250, texts: 2000, inList: 32 };

/** Only these statements are named; transaction control, SET and scripts go as they are. */
const preparable = /^\s*(select|insert|update|delete|with)\b/i;

function isStalePreparedStatement(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (code === '26000') return true;
  return code === '0A000' && typeof message === 'string' && message.includes('cached plan');
}

type Query = (...args: unknown[]) => unknown;

interface ConnectionState {
  generation: number;
  named: Set<string>;
  /** Old statements to DEALLOCATE once the connection is outside a transaction. */
  dropPending: boolean;
}

export function namePreparedStatements(
  pool: pg.Pool,
  limits: PreparedStatementLimits = defaultLimits,
): void {
  // Each text's number, or null for a text that stays unnamed; decided once per text.
  const textIds = new Map<string, number | null>();
  const longList = new RegExp(`\\bin \\((\\$\\d+, ){${limits.inList},}`, 'i');
  const nameOf = (text: string): number | undefined => {
    let id = textIds.get(text);
    if (id === undefined && textIds.size < limits.texts) {
      id = longList.test(text) ? null : textIds.size;
      textIds.set(text, id);
    }
    return id ?? undefined;
  };

  pool.on('connect', (client) => {
    const state: ConnectionState = { generation: 0, named: new Set(), dropPending: false };
    // The class's own query, looked up at each call, so that instrumentation of the class (the
    // load benchmark's capture of the SQL a call sends) sees these calls too.
    const plain: Query = (...args) =>
      Reflect.apply(Object.getPrototypeOf(client).query as Query, client, args);

    const run = async (
      text: string,
      values: unknown[],
      retried = false,
    ): Promise<pg.QueryResult> => {
      if (state.dropPending && client.getTransactionStatus() === 'I') {
        state.dropPending = false;
        await plain('deallocate all');
      }
      // An array an insert writes (the people an audit row names) is data, not a list to match.
      const matchesList =
        !/^\s*insert\b/i.test(text) &&
        values.some((v) => Array.isArray(v) && v.length > limits.inList);
      const id = matchesList ? undefined : nameOf(text);
      const name = id === undefined ? undefined : `t${id}g${state.generation}`;
      if (
        name === undefined ||
        (!state.named.has(name) && state.named.size >= limits.perConnection)
      )
        return (await plain(text, values)) as pg.QueryResult;
      state.named.add(name);
      try {
        return (await plain({ name, text, values })) as pg.QueryResult;
      } catch (error) {
        if (!isStalePreparedStatement(error)) throw error;
        state.generation += 1;
        state.named.clear();
        state.dropPending = true;
        if (retried || client.getTransactionStatus() !== 'I') throw error;
        return run(text, values, true);
      }
    };

    // Kysely calls query(text, values) and awaits the promise; pool.query adds a callback. Every
    // other form (scripts, COPY streams, config objects) goes to the client unchanged.
    const wrapped: Query = (...args) => {
      const [text, values, callback] = args;
      if (typeof text !== 'string' || !Array.isArray(values) || !preparable.test(text))
        return plain(...args);
      if (args.length === 2) return run(text, values);
      if (args.length === 3 && typeof callback === 'function') {
        run(text, values).then(
          (result) => callback(undefined, result),
          (error: unknown) => callback(error),
        );
        return undefined;
      }
      return plain(...args);
    };
    // The client's overloaded signature cannot be restated here; the wrapper keeps the one form
    // it handles and passes every other call through.
    (client as unknown as { query: Query }).query = wrapped;
  });
}
