import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Never let a test see the developer's real data or colour settings.
    env: { HARMONY_HOME: '/nonexistent/harmony-tests-must-set-HARMONY_HOME', NO_COLOR: '1', TZ: 'UTC' },
  },
});
