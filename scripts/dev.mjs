#!/usr/bin/env node
/**
 * `npm run dev`: the server restarting on change (port 3000) and Vite's dev server with hot reload
 * (port 5173, /api proxied to the server). Open http://localhost:5173.
 */
import { spawn } from 'node:child_process';

const children = [
  spawn('node_modules/.bin/tsx', ['watch', 'src/server/main.ts'], { stdio: 'inherit' }),
  spawn('node_modules/.bin/vite', [], { stdio: 'inherit' }),
];
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
