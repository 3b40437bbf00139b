import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@gridsweep/source'] },
  test: {
    name: 'core',
    include: ['test/**/*.test.ts'],
  },
});
