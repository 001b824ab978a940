import { PGlite } from '@electric-sql/pglite';
import { readFileSync, cpSync, rmSync } from 'node:fs';
const mode = process.argv[2]; const src = process.argv[3];
const dir = `/tmp/open-${process.pid}`; cpSync(src, dir, { recursive: true });
const t0 = performance.now();
const opts = { startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'] };
if (mode.includes('wasm')) {
  const bytes = readFileSync(new URL('../work/main/node_modules/@electric-sql/pglite/dist/pglite.wasm', 'file:///tmp/'));
  opts.pgliteWasmModule = await WebAssembly.compile(bytes);
}
if (mode.includes('data')) opts.fsBundle = new Blob([readFileSync('/work/main/node_modules/@electric-sql/pglite/dist/pglite.data')]);
const t1 = performance.now();
const db = await PGlite.create(dir, opts);
const t2 = performance.now();
await db.query('select count(*) from person');
const t3 = performance.now();
console.log(`${mode}: pre ${(t1-t0).toFixed(0)} create ${(t2-t1).toFixed(0)} first query ${(t3-t2).toFixed(0)}`);
await db.close(); rmSync(dir, { recursive: true });
