import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { chromiumPath } from './support/chromium.ts';
import { buildConsoleIfNeeded, startPlatform } from './support/platform.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the platform started for this run serves the console and API. */
    baseURL: string;
  }
}

/** One platform for the whole browser-test run; each test file opens its own browser against it. */
export default async function setup(project: TestProject) {
  if (!existsSync(chromiumPath)) {
    throw new Error(`no Chromium at ${chromiumPath}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  }
  buildConsoleIfNeeded();
  const platform = await startPlatform();
  project.provide('baseURL', platform.baseURL);
  return platform.stop;
}
