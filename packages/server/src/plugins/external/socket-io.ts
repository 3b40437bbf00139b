import type { ClientToServerEvents, ServerToClientEvents } from '@gridsweep/core';
import fp from 'fastify-plugin';
import { Server, type Socket } from 'socket.io';
import type { Principal } from '../../access/principal.js';
import { originAllowed } from '../../http/socket-origins.js';

/** What the server keeps on each socket: who opened it (set by the access plugin's handshake check). */
export interface LiveSocketData {
  principal: Principal;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- socket.io's slot for server-to-server events, unused
type NoInterServerEvents = {};

export type LiveServer = Server<ClientToServerEvents, ServerToClientEvents, NoInterServerEvents, LiveSocketData>;
export type LiveServerSocket = Socket<ClientToServerEvents, ServerToClientEvents, NoInterServerEvents, LiveSocketData>;

declare module 'fastify' {
  interface FastifyInstance {
    io: LiveServer;
  }
}

/** socket.io on the HTTP server's own port, typed with the shared event map from @gridsweep/core. */
export const socketIoPlugin = fp(
  async (fastify) => {
    const io: LiveServer = new Server(fastify.server, {
      serveClient: false,
      // A dashboard's snapshot of a city's micro-grids is large; field batches are up to 500 events.
      maxHttpBufferSize: 4 * 1024 * 1024,
      // A page of another site must not open sockets with a credential it got hold of (SOCKET_ORIGINS adds origins).
      allowRequest: (request, callback) => {
        const allowed = originAllowed(request, fastify.appOptions.config.socketOrigins ?? []);
        if (!allowed) fastify.log.warn({ origin: request.headers.origin }, 'a socket handshake from an origin not configured was refused');
        callback(allowed ? null : 'origin not allowed', allowed);
      },
    });
    fastify.decorate('io', io);
    // Closing the engine drops connections as a transport close, after which
    // clients reconnect by themselves; disconnectSockets() would tell them the
    // server meant it, and socket.io clients then never come back.
    fastify.addHook('preClose', async () => {
      await io.close();
    });
  },
  { name: 'socket-io' },
);
