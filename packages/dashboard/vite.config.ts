import { sveltekit } from '@sveltejs/kit/vite';
import { defaultClientConditions, defaultServerConditions, defineConfig } from 'vite';

const source = '@gridsweep/source';

const api = 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [sveltekit()],
  // Read @gridsweep/core and @gridsweep/contract from their sources, as tests and type-checks do, so the dashboard never needs them built first.
  resolve: { conditions: [source, ...defaultClientConditions] },
  ssr: { noExternal: ['@gridsweep/core', '@gridsweep/contract'], resolve: { conditions: [source, ...defaultServerConditions] } },
  // MapLibre alone is about 1 MB minified; the warning would fire on every build and say nothing new.
  build: { chunkSizeWarningLimit: 1_500 },
  // The API lives on the gridsweep server (port 3000 by default); dev and preview pass it through.
  server: { proxy: { '/api': api, '/socket.io': { target: api, ws: true } } },
  preview: { proxy: { '/api': api } },
});
