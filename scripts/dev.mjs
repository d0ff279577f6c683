#!/usr/bin/env node
// `npm run dev`: the platform from TypeScript sources (demo mode, port 8080) and the console through
// Vite's dev server with hot reload, proxying /api to the platform. Stop both with Ctrl-C.
import { spawn } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const children = [
  spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', 'packages/platform/src/cli/main.ts', 'start', '--demo'],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, FANZHA_FROM_SOURCE: '1' },
    },
  ),
  spawn('npm', ['run', 'dev', '-w', '@fanzha/console'], { cwd: root, stdio: 'inherit' }),
];
const stop = () => children.forEach((child) => child.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children)
  child.on('exit', (code) => {
    stop();
    process.exitCode = code ?? 0;
  });
