import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    // A single-page app: the server answers every unknown path with index.html,
    // so /wall and deep links work without prerendering data-driven pages.
    adapter: adapter({ pages: 'build', assets: 'build', fallback: 'index.html', strict: true }),
    // The generated tsconfig covers src, test and vite.config.ts; vitest.config.ts must be type-checked and linted too.
    typescript: {
      config: (tsconfig) => {
        tsconfig.include.push('../vitest.config.ts');
      },
    },
  },
};

export default config;
