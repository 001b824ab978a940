#!/usr/bin/env node
/**
 * `npm start`: builds the screens when the sources changed, then runs the server in this same
 * process (TypeScript through tsx). Embedded PGlite in ./data unless DATABASE_URL is set.
 */
import { register } from 'tsx/esm/api';
import { ensureWebBuilt } from './web-build.mjs';

await ensureWebBuilt();
register();
await import('../src/server/main.ts');
