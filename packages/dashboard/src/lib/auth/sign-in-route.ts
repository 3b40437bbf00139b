/** The sign-in page. */
export const SIGN_IN_PATH = '/login';

/**
 * Whether a page (by its SvelteKit route id; null for an unknown path) sends
 * its user to the sign-in page when there is no usable credential. The wall
 * does not: it has no keyboard, so it says what is wrong where the people in
 * the room can read it.
 */
export function sendsToSignIn(routeId: string | null): boolean {
  return routeId !== SIGN_IN_PATH && routeId !== '/wall';
}
