#!/usr/bin/env node
/** `npm run build`: the screens and the server, whether or not they look stale. */
import { buildServer, buildWeb } from './build.mjs';

await buildWeb();
await buildServer();
process.stdout.write('built dist/web and dist/server\n');
