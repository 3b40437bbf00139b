// SvelteKit's ambient types; the dashboard adds none of its own.
declare global {
  namespace App {}
}

export {};
