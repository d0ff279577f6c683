import { defineConfig } from 'vitest/config';

// One run covers every package. The `source` condition makes workspace packages resolve to their
// TypeScript sources, so tests never depend on a previous build.
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/*.e2e.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['packages/platform/src/test-support/store-template.ts'],
  },
});
