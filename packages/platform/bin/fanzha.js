#!/usr/bin/env node
// The `fanzha` command. Runs the compiled CLI (built by `npm ci` through the root `prepare` script);
// when no build exists (a developer's checkout), runs the TypeScript sources through tsx.
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/cli/main.js', import.meta.url);
if (existsSync(compiled) && process.env.FANZHA_FROM_SOURCE !== '1') {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/cli/main.ts', import.meta.url).href);
}
