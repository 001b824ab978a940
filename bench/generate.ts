import { type BulkSize, bulkSizes, openBulkCases, openBulkCasesPostgres } from './bulk-cases';

/**
 * `npm run generate -- <small|city|national> [pglite|postgres]`: builds (or finds, when the
 * generator is unchanged) a synthetic data set of that size — the demo 架空市 and its invented
 * caseload, and at the national size 49 more municipalities — in `.bench/` (PGlite) or in a
 * database of its own on the PostgreSQL server of BENCH_POSTGRES_URL. The benchmarks call the
 * same code; this is for looking at the data, or building it before a benchmark run.
 */
const [sizeName = 'small', engine = 'pglite'] = process.argv.slice(2);
const size = (bulkSizes as Record<string, BulkSize>)[sizeName];
if (!size || (engine !== 'pglite' && engine !== 'postgres')) {
  process.stderr.write(
    `usage: npm run generate -- <${Object.keys(bulkSizes).join('|')}> [pglite|postgres]\n`,
  );
  process.exit(1);
}
const started = performance.now();
const data =
  engine === 'postgres' ? await openBulkCasesPostgres(size.cases) : await openBulkCases(size.cases);
try {
  const counts = await data.database.db
    .selectNoFrom((eb) => [
      eb.selectFrom('municipality').select(eb.fn.countAll<number>().as('n')).as('municipalities'),
      eb.selectFrom('support_case').select(eb.fn.countAll<number>().as('n')).as('cases'),
      eb.selectFrom('contact_record').select(eb.fn.countAll<number>().as('n')).as('contacts'),
      eb.selectFrom('person').select(eb.fn.countAll<number>().as('n')).as('persons'),
    ])
    .executeTakeFirstOrThrow();
  const where = data.url ? data.url.replace(/:[^:@/]*@/, ':…@') : data.dataDir;
  process.stdout.write(
    `${size.name}: ${Number(counts.municipalities)} municipalities, ${Number(counts.cases).toLocaleString()} cases, ${Number(counts.persons).toLocaleString()} people, ${Number(counts.contacts).toLocaleString()} contact records in ${where} (${data.created ? `made in ${((performance.now() - started) / 1000).toFixed(0)} s` : 'kept from an earlier run'})\n`,
  );
} finally {
  await data.database.close();
}
