import type { Credential } from './credential.svelte.js';

const PARAM = 'token';

/**
 * Takes a `?token=…` of the address as the tab's credential (the wall token
 * printed at start, or a link made for a display) and removes it from the
 * address bar, so it does not sit in screenshots or get copied along with the
 * link. Returns whether a token was taken.
 */
export function adoptTokenFromUrl(
  credential: Pick<Credential, 'set'>,
  location: Pick<Location, 'href'>,
  history: Pick<History, 'state' | 'replaceState'>,
): boolean {
  const url = new URL(location.href);
  const token = url.searchParams.get(PARAM)?.trim();
  if (!url.searchParams.has(PARAM)) return false;
  url.searchParams.delete(PARAM);
  // The router's own entry state is kept: only the address changes.
  history.replaceState(history.state, '', `${url.pathname}${url.search}${url.hash}`);
  if (!token) return false;
  credential.set(token);
  return true;
}
