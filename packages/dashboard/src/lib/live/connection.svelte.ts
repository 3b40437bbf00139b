import type { LiveSocket } from './live-counts.svelte.js';

/**
 * Whether the socket is up, and since when it is not: the wall's freshness
 * badge ages the data from the moment the connection dropped.
 */
export class Connection {
  connected = $state(false);
  /** When the socket last went down; null while it is up or before it ever was. */
  lostAt = $state<number | null>(null);
  everConnected = $state(false);

  private readonly onConnect = (): void => {
    this.connected = true;
    this.everConnected = true;
    this.lostAt = null;
  };

  private readonly onDisconnect = (): void => {
    this.connected = false;
    this.lostAt = Date.now();
  };

  constructor(private readonly socket: LiveSocket) {
    socket.on('connect', this.onConnect);
    socket.on('disconnect', this.onDisconnect);
    if (socket.connected) this.onConnect();
  }

  stop(): void {
    this.socket.off('connect', this.onConnect);
    this.socket.off('disconnect', this.onDisconnect);
  }
}
