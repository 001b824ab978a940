import { type PGlite, parse, protocol, type Results } from '@electric-sql/pglite';
import {
  defaultLimits,
  isStalePreparedStatement,
  type PreparedStatementLimits,
  statementNamer,
} from './prepared-statements';

type ParameterTypes = readonly number[];

/**
 * Named statements on the embedded PGlite. Its `query()` parses every statement afresh and talks
 * to the WebAssembly backend five times a statement (parse, describe, bind, describe, execute).
 * Here a query shape is parsed once, its parameter types kept, and each later call is one
 * exchange — bind, describe, execute, sync. The embedded database still plans each call for its
 * values (`plan_cache_mode=force_custom_plan`, db/connect.ts): PostgreSQL's kept generic plans
 * made the home page slower on the city-size data. Measured: playing the demo 10 % faster, the
 * individual-support calls 5–10 % (docs/benchmarks.md). The rules of what goes named are the
 * server's (db/prepared-statements.ts); everything else, and every script, goes to `query()`.
 *
 * A statement a schema change made stale ("cached plan must not change result type") is dropped
 * with all the others and parsed again under a fresh name: at once outside a transaction; inside
 * one the transaction has failed, and the caller's rollback ends it.
 */
export class PGliteStatements {
  private readonly nameOf: (text: string, values: readonly unknown[]) => number | undefined;
  private readonly named = new Map<string, ParameterTypes>();
  private generation = 0;
  private dropPending = false;

  constructor(
    private readonly pg: PGlite,
    private readonly limits: PreparedStatementLimits = defaultLimits,
  ) {
    this.nameOf = statementNamer(limits);
  }

  async query<R>(text: string, values: readonly unknown[]): Promise<Results<R>> {
    const id = this.nameOf(text, values);
    const name = id === undefined ? undefined : `t${id}g${this.generation}`;
    if (
      name === undefined ||
      (!this.named.has(name) && this.named.size >= this.limits.perConnection)
    )
      return this.pg.query<R>(text, [...values]);
    try {
      return await this.pg.runExclusive(() => this.run<R>(name, text, values));
    } catch (error) {
      if (!isStalePreparedStatement(error)) throw error;
      this.generation += 1;
      this.named.clear();
      this.dropPending = true;
      if (this.pg.isInTransaction()) throw error;
      return this.query<R>(text, values);
    }
  }

  private async run<R>(
    name: string,
    text: string,
    values: readonly unknown[],
  ): Promise<Results<R>> {
    const { serialize } = protocol;
    if (this.dropPending && !this.pg.isInTransaction()) {
      this.dropPending = false;
      await this.pg.execProtocol(serialize.query('deallocate all'), { syncToFs: false });
    }
    let types = this.named.get(name);
    if (!types) {
      const described = await this.pg.execProtocol(
        Buffer.concat([
          serialize.parse({ name, text, types: [] }),
          serialize.describe({ type: 'S', name }),
          serialize.sync(),
        ]),
        { syncToFs: false },
      );
      const parameters = described.messages.find((m) => m.name === 'parameterDescription');
      const found: ParameterTypes =
        parameters && 'dataTypeIDs' in parameters ? (parameters.dataTypeIDs as number[]) : [];
      this.named.set(name, found);
      types = found;
    }
    const parameterTypes = types;
    const serializers = this.pg.serializers;
    const given = values.map((value, i) => {
      if (value === null || value === undefined) return null;
      const serializer = serializers[parameterTypes[i] ?? 0];
      return serializer ? serializer(value) : String(value);
    });
    const answered = await this.pg.execProtocol(
      Buffer.concat([
        serialize.bind({ statement: name, values: given }),
        serialize.describe({ type: 'P' }),
        serialize.execute({}),
        serialize.sync(),
      ]),
      { syncToFs: false },
    );
    if (!this.pg.isInTransaction()) await this.pg.syncToFs();
    const [result] = parse.parseResults(answered.messages, this.pg.parsers);
    return (result ?? { rows: [], fields: [] }) as Results<R>;
  }
}
