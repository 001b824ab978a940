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

export const defaultLimits: PreparedStatementLimits = {
  perConnection: 250,
  texts: 2000,
  inList: 32,
};

/** Only these statements are named; transaction control, SET and scripts go as they are. */
const preparable = /^\s*(select|insert|update|delete|with)\b/i;

export function isStalePreparedStatement(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (code === '26000') return true;
  return code === '0A000' && typeof message === 'string' && message.includes('cached plan');
}

type Query = (...args: unknown[]) => unknown;

/**
 * One connection's named statements, kept by the server's pool: the name a text number goes
 * under now, with what is kept for it (`T`), and the generation that moves on when a statement
 * went stale.
 */
export class ConnectionStatements<T> {
  readonly named = new Map<string, T>();
  private generation = 0;
  /** Old statements to DEALLOCATE once the connection is outside a transaction. */
  private dropPending = false;

  constructor(private readonly perConnection: number) {}

  /** The name of text number `id` on this connection, or undefined: it goes unnamed. */
  nameFor(id: number | undefined): string | undefined {
    if (id === undefined) return undefined;
    const name = `t${id}g${this.generation}`;
    return this.named.has(name) || this.named.size < this.perConnection ? name : undefined;
  }

  /** A statement went stale: every later call parses again under a fresh name. */
  forget(): void {
    this.generation += 1;
    this.named.clear();
    this.dropPending = true;
  }

  /** Whether to DEALLOCATE ALL now: once, after a `forget`, outside a transaction. */
  dropNow(outsideTransaction: boolean): boolean {
    if (!this.dropPending || !outsideTransaction) return false;
    this.dropPending = false;
    return true;
  }
}

/**
 * Decides, per call, whether a statement goes named and under which number (one per text): the
 * rules above.
 */
export function statementNamer(limits: PreparedStatementLimits = defaultLimits) {
  // Each text's number, or null for a text that stays unnamed; decided once per text.
  const textIds = new Map<string, number | null>();
  const longList = new RegExp(`\\bin \\((\\$\\d+, ){${limits.inList},}`, 'i');
  return (text: string, values: readonly unknown[]): number | undefined => {
    if (!preparable.test(text)) return undefined;
    // An array an insert writes (the people an audit row names) is data, not a list to match.
    const matchesList =
      !/^\s*insert\b/i.test(text) &&
      values.some((v) => Array.isArray(v) && v.length > limits.inList);
    if (matchesList) return undefined;
    let id = textIds.get(text);
    if (id === undefined && textIds.size < limits.texts) {
      id = longList.test(text) ? null : textIds.size;
      textIds.set(text, id);
    }
    return id ?? undefined;
  };
}

export function namePreparedStatements(
  pool: pg.Pool,
  limits: PreparedStatementLimits = defaultLimits,
): void {
  const nameOf = statementNamer(limits);

  pool.on('connect', (client) => {
    const state = new ConnectionStatements<true>(limits.perConnection);
    // The class's own query, looked up at each call, so that instrumentation of the class (the
    // load benchmark's capture of the SQL a call sends) sees these calls too.
    const plain: Query = (...args) =>
      Reflect.apply(Object.getPrototypeOf(client).query as Query, client, args);

    const run = async (
      text: string,
      values: unknown[],
      retried = false,
    ): Promise<pg.QueryResult> => {
      if (state.dropNow(client.getTransactionStatus() === 'I')) await plain('deallocate all');
      const name = state.nameFor(nameOf(text, values));
      if (name === undefined) return (await plain(text, values)) as pg.QueryResult;
      state.named.set(name, true);
      try {
        return (await plain({ name, text, values })) as pg.QueryResult;
      } catch (error) {
        if (!isStalePreparedStatement(error)) throw error;
        state.forget();
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
