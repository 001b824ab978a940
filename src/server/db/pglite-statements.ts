import { type PGlite, parse, protocol, type Results } from '@electric-sql/pglite';
import {
  ConnectionStatements,
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
  /** Each named statement's parameter types, as PostgreSQL described them at parse. */
  private readonly statements: ConnectionStatements<ParameterTypes>;

  constructor(
    private readonly pg: PGlite,
    limits: PreparedStatementLimits = defaultLimits,
  ) {
    this.nameOf = statementNamer(limits);
    this.statements = new ConnectionStatements(limits.perConnection);
  }

  async query<R>(text: string, values: readonly unknown[], retried = false): Promise<Results<R>> {
    const name = this.statements.nameFor(this.nameOf(text, values));
    if (name === undefined) return this.pg.query<R>(text, [...values]);
    try {
      return await this.pg.runExclusive(() => this.run<R>(name, text, values));
    } catch (error) {
      if (!isStalePreparedStatement(error)) throw error;
      this.statements.forget();
      if (retried || this.pg.isInTransaction()) throw error;
      return this.query<R>(text, values, true);
    }
  }

  private async run<R>(
    name: string,
    text: string,
    values: readonly unknown[],
  ): Promise<Results<R>> {
    const { serialize } = protocol;
    if (this.statements.dropNow(!this.pg.isInTransaction())) {
      await this.pg.execProtocol(serialize.query('deallocate all'), { syncToFs: false });
    }
    let types = this.statements.named.get(name);
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
      this.statements.named.set(name, found);
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
