import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// Tests run in Vite's server (SSR) environment, whose conditions are separate
// from the client's; both need the source condition so @gridsweep/core
// resolves to its TypeScript sources without a build.
export default defineConfig({
  resolve: { conditions: ['@gridsweep/source'] },
  ssr: { resolve: { conditions: ['@gridsweep/source', ...defaultServerConditions] } },
  test: {
    name: 'contract',
    include: ['test/**/*.test.ts'],
  },
});
