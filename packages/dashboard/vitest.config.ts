import { defineConfig } from 'vitest/config';

// Unit tests of the dashboard's plain modules; the pages themselves are tested
// in real Chromium by tests/browser.
export default defineConfig({
  resolve: { conditions: ['@gridsweep/source'] },
  test: { name: 'dashboard', include: ['test/**/*.test.ts'] },
});
