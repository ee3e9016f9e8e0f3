import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // A fixed clock and timezone-independent results: the suite must pass in any zone.
    env: { TZ: 'UTC' },
    testTimeout: 60_000,
    pool: 'forks',
  },
});
