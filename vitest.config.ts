import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Needs Chromium: `npm run test:browser` (test/browser/vitest.config.ts).
    exclude: ['test/browser/**', 'node_modules/**'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    setupFiles: ['test/setup/fail-on-console.ts'],
    // The playground's script and styles are built files (`dist/playground/`).
    globalSetup: ['test/setup/build-playground.ts'],
    pool: 'forks',
  },
});
