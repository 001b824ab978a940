import { type PGlite, parse, protocol, type Results } from '@electric-sql/pglite';

type ParameterTypes = readonly number[];

/**
 * The app's statements on the embedded PGlite, each call one exchange with the WebAssembly
 * backend: parse, bind, describe, execute and sync, where `query()` makes five. The statement is
 * unnamed, so PostgreSQL plans every call for its values, as it does for `query()`; only the
 * parameter types are kept, learnt from PostgreSQL the first time a text is seen, to serialise
 * the values before it parses. Measured on the individual-support calls and the demo
 * (docs/benchmarks.md).
 *
 * Named statements were tried here first. Their generic plans made the home page 1.7 times slower
 * on the city-size data, and forcing fresh plans for the whole session (`plan_cache_mode`) also
 * re-planned every foreign-key check and trigger query for every row, which made bulk import
 * three times slower.
 */
export class PGliteStatements {
  /** The parameter types of each text seen, as PostgreSQL described them. */
  private readonly types = new Map<string, ParameterTypes>();

  constructor(
    private readonly pg: PGlite,
    /** How many texts' types are kept; past it the one not used for longest is forgotten. */
    private readonly keep = 2000,
  ) {}

  async query<R>(text: string, values: readonly unknown[]): Promise<Results<R>> {
    try {
      return await this.pg.runExclusive(() => this.run<R>(text, values));
    } catch (error) {
      // A failed call learns the types again next time, in case they were what changed.
      this.types.delete(text);
      throw error;
    }
  }

  private async run<R>(text: string, values: readonly unknown[]): Promise<Results<R>> {
    const { serialize } = protocol;
    let types = values.length === 0 ? [] : this.types.get(text);
    const messages: Uint8Array[] = [];
    if (types && values.length > 0) {
      // Most recently used last, so the texts forgotten first are the ones not used for longest.
      this.types.delete(text);
      this.types.set(text, types);
    }
    if (!types) {
      const described = await this.pg.execProtocol(
        Buffer.concat([
          serialize.parse({ text, types: [] }),
          serialize.describe({ type: 'S' }),
          serialize.sync(),
        ]),
        { syncToFs: false },
      );
      const parameters = described.messages.find((m) => m.name === 'parameterDescription');
      types = parameters && 'dataTypeIDs' in parameters ? (parameters.dataTypeIDs as number[]) : [];
      if (this.types.size >= this.keep) {
        const oldest = this.types.keys().next().value;
        if (oldest !== undefined) this.types.delete(oldest);
      }
      this.types.set(text, types);
    } else {
      messages.push(serialize.parse({ text, types: [] }));
    }
    const parameterTypes = types;
    const serializers = this.pg.serializers;
    const given = values.map((value, i) => {
      if (value === null || value === undefined) return null;
      const serializer = serializers[parameterTypes[i] ?? 0];
      return serializer ? serializer(value) : String(value);
    });
    messages.push(
      serialize.bind({ values: given }),
      serialize.describe({ type: 'P' }),
      serialize.execute({}),
      serialize.sync(),
    );
    const answered = await this.pg.execProtocol(Buffer.concat(messages), { syncToFs: false });
    if (!this.pg.isInTransaction()) await this.pg.syncToFs();
    const [result] = parse.parseResults(answered.messages, this.pg.parsers);
    return (result ?? { rows: [], fields: [] }) as Results<R>;
  }
}
