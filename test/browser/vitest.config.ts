import { defineConfig } from 'vitest/config';

/** The browser tests: Brief in-process, the page in Debian's headless Chromium (`npm run test:browser`). */
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/browser/**/*.browser.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    setupFiles: ['test/setup/fail-on-console.ts'],
    // The playground's script and styles are built files (`dist/playground/`).
    globalSetup: ['test/setup/build-playground.ts'],
    pool: 'forks',
  },
});
