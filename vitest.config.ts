import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    pool: 'forks',
    // Once per run: a copy of the build another user can run, for the file-mode cases under root.
    globalSetup: ['tests/helpers/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Never let a test see the developer's real data or colour settings.
    env: { HARMONY_HOME: '/nonexistent/harmony-tests-must-set-HARMONY_HOME', NO_COLOR: '1', TZ: 'UTC' },
  },
});
