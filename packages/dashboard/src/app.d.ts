// SvelteKit's ambient types; the dashboard adds the service worker's registration module (virtual:pwa-register).
/// <reference types="vite-plugin-pwa/client" />
declare global {
  namespace App {}
}

export {};
