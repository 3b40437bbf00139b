import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    // A single-page app: the server answers every unknown path with index.html,
    // so /wall and deep links work without prerendering data-driven pages.
    adapter: adapter({ pages: 'build', assets: 'build', fallback: 'index.html', strict: true }),
    // Only the app's own scripts run: SvelteKit hashes its inline start-up script into a <meta> policy, and
    // the server sends the same policy as a header (with frame-ancestors, which a <meta> cannot carry).
    // MapLibre's worker is a file of the build (see src/lib/map/maplibre-worker.ts), so no blob: is needed.
    csp: {
      mode: 'hash',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'worker-src': ['self'],
        'connect-src': ['self'],
        'img-src': ['self', 'data:', 'blob:'],
        // Svelte and MapLibre set style attributes; styles cannot run code.
        'style-src': ['self', 'unsafe-inline'],
        'font-src': ['self'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['self'],
      },
    },
    // The generated tsconfig covers src, test and vite.config.ts; vitest.config.ts must be type-checked and linted too.
    typescript: {
      config: (tsconfig) => {
        tsconfig.include.push('../vitest.config.ts');
      },
    },
  },
};

export default config;
