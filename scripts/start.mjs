#!/usr/bin/env node
/**
 * `npm start`: builds the screens and the server when their sources changed (see build.mjs), then
 * runs the server in this same process. Embedded PGlite in ./data unless DATABASE_URL is set.
 */
import { ensureServerBuilt, ensureWebBuilt } from './build.mjs';

// The child a very first start runs (src/server/first-start.ts) comes through here too: the build
// was checked by its parent, which is loading the server from it now, so it is not checked (and
// never rebuilt) again.
if (process.env.TSUNAGU_INITIALISE_ONLY !== '1') {
  await ensureWebBuilt();
  await ensureServerBuilt();
}
await import('../dist/server/main.mjs');
