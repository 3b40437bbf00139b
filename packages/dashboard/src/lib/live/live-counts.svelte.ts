import {
  LiveCountsClient,
  type AreaCounts,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type SubscribeRequestV1,
} from '@gridsweep/core';
import { io, type Socket } from 'socket.io-client';
import { credential as tabCredential, type Credential } from '../auth/credential.svelte.js';

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** How often at most the pages re-derive colours, tiles and lists from the counts. */
export const LIVE_REFRESH_MS = 200;

/**
 * The page's one socket to the server it was loaded from, to be opened with
 * the tab's credential; socket.io reconnects it by itself. The server refuses a
 * missing or wrong token with a connect_error "UNAUTHENTICATED: …", which is
 * reported to the credential as an HTTP 401 is.
 */
export function connectLive(url = '', credential: Pick<Credential, 'token' | 'reject'> = tabCredential): LiveSocket {
  // A function, so that every reconnection sends the token current then.
  // Connected by the caller (`socket.connect()`) once it knows it has a credential worth sending.
  const socket: LiveSocket = io(url, { autoConnect: false, auth: (send) => send({ token: credential.token ?? '' }) });
  socket.on('connect_error', (error) => {
    if (error.message.startsWith('UNAUTHENTICATED')) credential.reject();
  });
  return socket;
}

/**
 * The counts of one subtree, kept current by the shared protocol client from
 * @gridsweep/core (snapshot, sequenced deltas, resubscribe on a gap or a
 * reconnect). Updates are coalesced: `version` moves at most every
 * LIVE_REFRESH_MS, whatever the rate of deltas.
 */
export class LiveCounts {
  version = $state(0);
  /** True once a snapshot has arrived for the current subscription. */
  hasData = $state(false);
  error = $state<string | null>(null);
  /**
   * When this page last heard from the server about the subscription (a delta
   * or the heartbeat of a quiet one), on this page's clock; null before the first.
   * Plain on purpose: read each second with the clock, not re-rendered per delta.
   */
  heardAt: number | null = null;

  private client: LiveCountsClient | null = null;
  private refresh: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly socket: LiveSocket) {}

  /** Follows a subtree, or nothing with null; the previous subscription is dropped first. */
  follow(subscription: Omit<SubscribeRequestV1, 'resume'> | null): void {
    this.client?.stop();
    this.client = null;
    this.hasData = false;
    this.heardAt = null;
    this.error = null;
    this.bump();
    if (!subscription) return;
    const client = new LiveCountsClient(this.socket, {
      subscription,
      onUpdate: () => {
        this.hasData = true;
        this.scheduleBump();
      },
      onError: (error) => (this.error = `${error.code}: ${error.message}`),
      onHeard: () => (this.heardAt = Date.now()),
    });
    this.client = client;
    client.start();
  }

  counts(areaId: string): AreaCounts | undefined {
    return this.client?.view.counts(areaId);
  }

  stop(): void {
    this.follow(null);
    if (this.refresh !== null) clearTimeout(this.refresh);
    this.refresh = null;
  }

  private scheduleBump(): void {
    if (this.refresh !== null) return;
    this.refresh = setTimeout(() => {
      this.refresh = null;
      this.bump();
    }, LIVE_REFRESH_MS);
  }

  private bump(): void {
    this.version++;
  }
}
