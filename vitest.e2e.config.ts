import { defineConfig } from 'vitest/config';

// Browser tests: the real platform (started once by the global setup) driven through Debian's Chromium.
// Files run one after another: they share one server, and two cores are enough for one browser.
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['packages/*/e2e/**/*.e2e.test.ts'],
    globalSetup: ['packages/console/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    teardownTimeout: 30_000,
    // Pages load lazily and call the API; give polled conditions the same patience as locators.
    expect: { poll: { timeout: 15_000, interval: 100 } },
    pool: 'forks',
  },
});
