import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@gridsweep/source'] },
  test: {
    name: 'server',
    include: ['test/**/*.test.ts'],
  },
});
