import { defineConfig } from 'vitest/config';

// Every package keeps its own vitest config; this file only gathers them so
// that `pnpm test` runs the whole suite and writes one machine-readable report.
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'tests/vitest.config.ts'],
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
