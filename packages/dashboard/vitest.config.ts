import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

// Unit tests of the dashboard's plain modules (runes in .svelte.ts compiled by
// the Svelte plugin); the pages themselves are tested in real Chromium by tests/browser.
export default defineConfig({
  plugins: [svelte()],
  resolve: { conditions: ['@gridsweep/source'] },
  test: { name: 'dashboard', include: ['test/**/*.test.ts'] },
});
