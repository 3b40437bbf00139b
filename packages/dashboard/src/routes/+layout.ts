// The dashboard is a client-only single-page app: every figure comes from the
// live API, so there is nothing worth rendering on a server or at build time.
export const ssr = false;
export const prerender = false;
