import { type PGlite, parse, protocol, type Results } from '@electric-sql/pglite';

type ParameterTypes = readonly number[];

/** Names of kept statements are unique in the process, as two handles may share one PGlite. */
let statementsNamed = 0;

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
 * three times slower. They are used where the data is small and the handle short-lived: the
 * child of a very first start, which plays the demo (3,000 statements of under 300 texts) a fifth
 * faster so (`keepPlans`).
 */
export class PGliteStatements {
  /** The parameter types of each text seen, as PostgreSQL described them. */
  private readonly types = new Map<string, ParameterTypes>();
  /** With kept plans: the name each text was prepared under, with its parameter types. */
  private readonly named = new Map<string, { name: string; types: ParameterTypes }>();

  constructor(
    private readonly pg: PGlite,
    /** How many texts' types are kept; past it the one not used for longest is forgotten. */
    private readonly keep = 2000,
    /**
     * Prepare each text once under a name, so PostgreSQL parses it once and may keep its plan.
     * Past `keep` texts, new ones go unnamed. Only for a handle that plays small data and has
     * its schema settled: a named statement does not follow a later change of the tables.
     */
    private readonly keepPlans = false,
  ) {}

  async query<R>(text: string, values: readonly unknown[]): Promise<Results<R>> {
    try {
      return await this.pg.runExclusive(() => this.run<R>(text, values));
    } catch (error) {
      // A failed call learns the types again next time, in case they were what changed, under a
      // new name (the old one, if it was prepared, stays unused until the session ends).
      this.types.delete(text);
      this.named.delete(text);
      throw error;
    }
  }

  private async run<R>(text: string, values: readonly unknown[]): Promise<Results<R>> {
    if (this.keepPlans && (this.named.has(text) || this.named.size < this.keep)) {
      return this.runNamed<R>(text, values);
    }
    const { serialize } = protocol;
    let types = values.length === 0 ? [] : this.types.get(text);
    const messages: Uint8Array[] = [];
    if (types && values.length > 0) {
      // Most recently used last, so the texts forgotten first are the ones not used for longest.
      this.types.delete(text);
      this.types.set(text, types);
    }
    if (!types) {
      types = await this.describe(text);
      if (this.types.size >= this.keep) {
        const oldest = this.types.keys().next().value;
        if (oldest !== undefined) this.types.delete(oldest);
      }
      this.types.set(text, types);
    } else {
      messages.push(serialize.parse({ text, types: [] }));
    }
    messages.push(
      serialize.bind({ values: this.serialise(types, values) }),
      serialize.describe({ type: 'P' }),
      serialize.execute({}),
      serialize.sync(),
    );
    return this.send<R>(messages);
  }

  private async runNamed<R>(text: string, values: readonly unknown[]): Promise<Results<R>> {
    const { serialize } = protocol;
    let kept = this.named.get(text);
    if (!kept) {
      const name = `kept_${++statementsNamed}`;
      kept = { name, types: await this.describe(text, name) };
      this.named.set(text, kept);
    }
    return this.send<R>([
      serialize.bind({ statement: kept.name, values: this.serialise(kept.types, values) }),
      serialize.describe({ type: 'P' }),
      serialize.execute({}),
      serialize.sync(),
    ]);
  }

  /**
   * Parses the text (under `name`, or as the unnamed statement) and answers its parameter types
   * as PostgreSQL describes them.
   */
  private async describe(text: string, name = ''): Promise<ParameterTypes> {
    const { serialize } = protocol;
    const described = await this.pg.execProtocol(
      Buffer.concat([
        serialize.parse({ name, text, types: [] }),
        serialize.describe({ type: 'S', name }),
        serialize.sync(),
      ]),
      { syncToFs: false },
    );
    const parameters = described.messages.find((m) => m.name === 'parameterDescription');
    return parameters && 'dataTypeIDs' in parameters ? (parameters.dataTypeIDs as number[]) : [];
  }

  private serialise(types: ParameterTypes, values: readonly unknown[]) {
    const serializers = this.pg.serializers;
    return values.map((value, i) => {
      if (value === null || value === undefined) return null;
      const serializer = serializers[types[i] ?? 0];
      return serializer ? serializer(value) : String(value);
    });
  }

  private async send<R>(messages: Uint8Array[]): Promise<Results<R>> {
    const answered = await this.pg.execProtocol(Buffer.concat(messages), { syncToFs: false });
    if (!this.pg.isInTransaction()) await this.pg.syncToFs();
    const [result] = parse.parseResults(answered.messages, this.pg.parsers);
    return (result ?? { rows: [], fields: [] }) as Results<R>;
  }
}
