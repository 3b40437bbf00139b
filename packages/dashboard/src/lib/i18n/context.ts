import { getContext, setContext } from 'svelte';
import { Locale } from './locale.svelte.js';

const KEY = Symbol('gridsweep.locale');

/** Creates the page's locale once, in the root layout, for every component below it. */
export function provideLocale(): Locale {
  return setContext(KEY, new Locale());
}

export function useLocale(): Locale {
  return getContext<Locale>(KEY);
}
