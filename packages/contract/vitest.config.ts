import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@gridsweep/source'] },
  test: {
    name: 'contract',
    include: ['test/**/*.test.ts'],
  },
});
