import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { defaultClientConditions, defaultServerConditions, defineConfig } from 'vite';

const source = '@gridsweep/source';

const api = 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [
    sveltekit(),
    // The service worker (Workbox, generated at build): the app shell is precached, so /sweep opens
    // with no network at all; the API, the socket and the basemap always go to the server.
    SvelteKitPWA({
      registerType: 'autoUpdate',
      injectRegister: false,
      kit: { adapterFallback: 'index.html', spa: true },
      manifest: {
        name: 'gridsweep 扫楼',
        short_name: '扫楼',
        description: '网格员扫楼登记：楼盘表、入户记录，离线可用',
        lang: 'zh-CN',
        start_url: '/sweep',
        scope: '/',
        display: 'standalone',
        background_color: '#f3f5f8',
        theme_color: '#14202e',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // The page that installed the worker is served by it at once: a worker who signs in and walks
        // into a basement has the shell without a second load.
        clientsClaim: true,
        skipWaiting: true,
        globPatterns: ['client/**/*.{js,css,html,png,svg,webmanifest}'],
        navigateFallbackDenylist: [/^\/api\//, /^\/socket\.io\//, /^\/basemap\//],
        // MapLibre's chunk is about 1 MB; the shell must hold it for the map pages to open offline too.
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
      },
    }),
  ],
  // Read @gridsweep/core and @gridsweep/contract from their sources, as tests and type-checks do, so the dashboard never needs them built first.
  resolve: { conditions: [source, ...defaultClientConditions] },
  ssr: { noExternal: ['@gridsweep/core', '@gridsweep/contract'], resolve: { conditions: [source, ...defaultServerConditions] } },
  // MapLibre alone is about 1 MB minified; the warning would fire on every build and say nothing new.
  build: { chunkSizeWarningLimit: 1_500 },
  // The API lives on the gridsweep server (port 3000 by default); dev and preview pass it through.
  server: { proxy: { '/api': api, '/socket.io': { target: api, ws: true } } },
  preview: { proxy: { '/api': api } },
});
