import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@gridsweep/source'] },
  test: {
    name: 'e2e',
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
