import type { IncomingMessage } from 'node:http';

/**
 * Whether a socket.io handshake may proceed by its Origin: a browser page
 * of this server (its Origin's host is the Host it asked), or of one of the
 * configured origins. A client that sends no Origin is not a browser page
 * (the field app, a script) and is judged by its credential alone.
 */
export function originAllowed(request: Pick<IncomingMessage, 'headers'>, allowed: readonly string[]): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  if (allowed.includes(origin)) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}
