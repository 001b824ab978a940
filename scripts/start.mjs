#!/usr/bin/env node
/**
 * `npm start`: builds the screens and the server when their sources changed (see build.mjs), then
 * runs the server in this same process. Embedded PGlite in ./data unless DATABASE_URL is set.
 */
import { ensureServerBuilt, ensureWebBuilt } from './build.mjs';

await ensureWebBuilt();
await ensureServerBuilt();
await import('../dist/server/main.mjs');
