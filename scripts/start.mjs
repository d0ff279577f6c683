#!/usr/bin/env node
// `npm start`: builds what is missing or stale (server, console), then serves the console and API in
// demo mode on http://localhost:8080 (PORT overrides) with embedded PGlite in ./data (FANZHA_DATA_DIR).
// Once the server is healthy, the province simulator adds three days of history in the background
// (warnings worked by officers, figures, lists) unless the data already has warnings;
// FANZHA_DEMO_HISTORY=0 skips it.
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
let history = null;
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => {
    history?.kill(signal);
    server.kill(signal);
  });
server.on('exit', (code) => {
  history?.kill('SIGTERM');
  process.exit(code ?? 0);
});

if (process.env.FANZHA_DEMO_HISTORY !== '0') void simulateHistory();

/** The port the server listens on: `-p`/`--port` as passed through, else PORT, else 8080. */
function serverPort() {
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-p' || args[i] === '--port') return args[i + 1];
    if (args[i].startsWith('--port=')) return args[i].slice('--port='.length);
  }
  return process.env.PORT || '8080';
}

async function simulateHistory() {
  const url = `http://127.0.0.1:${serverPort()}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (server.exitCode !== null || Date.now() > deadline) return;
    const healthy = await fetch(`${url}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  console.log('fanzha: demo history — simulating three days of the province in the background…');
  history = spawn(
    process.execPath,
    [
      join(root, 'packages/platform/bin/fanzha.js'),
      'sim',
      ...['--url', url, '--unless-history', '--hours', '72', '--speed', 'max', '--tick', '120'],
      ...['--population', '5000', '--victims-per-day', '40', '--seed', '20261126', '--report', 'text'],
      ...['--progress-hours', '6'],
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const prefix = (stream) => {
    let pending = '';
    stream.on('data', (chunk) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop();
      for (const line of lines)
        if (line.trim()) console.log(`fanzha: demo history — ${line.replace(/^sim: /, '')}`);
    });
  };
  prefix(history.stdout);
  prefix(history.stderr);
  history.on('exit', (code, signal) => {
    if (signal) return;
    console.log(
      code === 0
        ? 'fanzha: demo history done (FANZHA_DEMO_HISTORY=0 skips it)'
        : `fanzha: demo history failed (exit ${code}); the console works without it`,
    );
    history = null;
  });
}
