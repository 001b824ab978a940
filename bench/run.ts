import { benchCases } from './cases';
import { benchImport } from './import';
import { benchLoad } from './load';
import { benchMeetings } from './meetings';
import { benchStartup } from './startup';
import { benchStatistics } from './statistics';

/**
 * `npm run bench`: every benchmark, each writing its section of docs/benchmarks.md.
 * `npm run bench -- startup` runs one.
 */
const all: Record<string, () => Promise<string>> = {
  startup: benchStartup,
  cases: benchCases,
  meetings: benchMeetings,
  statistics: benchStatistics,
  load: benchLoad,
  import: benchImport,
};
const chosen = process.argv.slice(2).filter((a) => !a.startsWith('-'));
for (const name of chosen.length ? chosen : Object.keys(all)) {
  const bench = all[name];
  if (!bench) {
    process.stderr.write(`unknown benchmark: ${name} (known: ${Object.keys(all).join(', ')})\n`);
    process.exit(1);
  }
  process.stdout.write(`▶ ${name}\n`);
  process.stdout.write(`${await bench()}\n`);
}
