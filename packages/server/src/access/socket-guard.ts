import type { LiveServer, LiveServerSocket } from '../plugins/external/socket-io.js';
import type { Principal } from './principal.js';
import type { SessionStore } from './session-store.js';

function tokenOf(socket: LiveServerSocket): string | undefined {
  const auth = socket.handshake.auth as { token?: unknown };
  if (typeof auth.token === 'string') return auth.token;
  const header = socket.handshake.headers.authorization;
  return header?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
}

/**
 * Sockets open only with a credential, checked again at every (re)connection,
 * so a revoked token cannot come back through a reconnect. Open sockets are
 * rechecked every `recheckMs`: a session revoked, expired or idle, here or
 * on another server process, closes its sockets.
 */
export class SocketGuard {
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly io: LiveServer,
    private readonly sessions: SessionStore,
    principalOf: (token: string | undefined) => Promise<Principal | null>,
    recheckMs: number,
  ) {
    io.use((socket, next) => {
      principalOf(tokenOf(socket)).then(
        (principal) => {
          if (principal === null) return next(new Error('UNAUTHENTICATED: connect with auth: { token }, a session token or the wall token'));
          socket.data.principal = principal;
          next();
        },
        (error: unknown) => next(error instanceof Error ? error : new Error(String(error))),
      );
    });
    this.timer = setInterval(() => void this.recheck(), recheckMs);
    this.timer.unref();
  }

  disconnectUser(userId: string): void {
    for (const socket of this.local()) if (socket.data.principal.id === userId) socket.disconnect(true);
  }

  disconnectSession(sessionHash: string): void {
    for (const socket of this.local()) if (socket.data.principal.sessionHash === sessionHash) socket.disconnect(true);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private local(): LiveServerSocket[] {
    return [...this.io.of('/').sockets.values()].filter((socket) => socket.data.principal !== undefined);
  }

  private async recheck(): Promise<void> {
    const verdicts = new Map<string, Promise<Principal | null>>();
    for (const socket of this.local()) {
      const hash = socket.data.principal.sessionHash;
      if (hash === null) continue;
      if (!verdicts.has(hash)) verdicts.set(hash, this.sessions.principalOfHash(hash, { touch: false }).catch(() => socket.data.principal));
      if ((await verdicts.get(hash)!) === null) socket.disconnect(true);
    }
  }
}
