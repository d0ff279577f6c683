#!/usr/bin/env node
// `npm start`: builds what is missing or stale (server, console), then serves the console and API in
// demo mode on http://localhost:8080 (PORT overrides) with embedded PGlite in ./data (FANZHA_DATA_DIR).
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const run = (command, args) => {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

console.log('fanzha: building the server (incremental)…');
run('npm', ['run', '-s', 'build:server']);

const consoleIndex = join(root, 'packages/console/dist/index.html');
const consoleSources = join(root, 'packages/console/src');
if (!existsSync(consoleIndex) || statSync(consoleIndex).mtimeMs < newestMtime(consoleSources)) {
  console.log('fanzha: building the console…');
  run('npm', ['run', '-s', 'build', '-w', '@fanzha/console']);
}

const server = spawn(
  process.execPath,
  [join(root, 'packages/platform/bin/fanzha.js'), 'start', '--demo', ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
