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

/** The areas whose counts changed since the last refresh, or 'all' after a snapshot or a new subscription. */
export type ChangedAreas = ReadonlySet<string> | 'all';

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
 * LIVE_REFRESH_MS, whatever the rate of deltas, and each refresh tells its
 * listeners which areas the deltas since the last one named, so a map
 * recolours those and leaves the rest alone.
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
  // Plain sets on purpose: nothing renders from them, and listeners are told at each refresh.
  private changed: Set<string> | 'all' = 'all';
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private readonly listeners = new Set<(changed: ChangedAreas) => void>();

  constructor(private readonly socket: LiveSocket) {}

  /** Follows a subtree, or nothing with null; the previous subscription is dropped first. */
  follow(subscription: Omit<SubscribeRequestV1, 'resume'> | null): void {
    this.client?.stop();
    this.client = null;
    this.hasData = false;
    this.heardAt = null;
    this.error = null;
    this.changed = 'all';
    this.bump();
    if (!subscription) return;
    const client = new LiveCountsClient(this.socket, {
      subscription,
      onUpdate: (changed) => {
        this.hasData = true;
        this.note(changed);
        this.scheduleBump();
      },
      onError: (error) => (this.error = `${error.code}: ${error.message}`),
      onHeard: () => (this.heardAt = Date.now()),
    });
    this.client = client;
    client.start();
  }

  /** Called at each refresh with the areas that changed; returns the way to stop. */
  onRefresh(listener: (changed: ChangedAreas) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
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

  private note(changed: readonly string[] | 'all'): void {
    if (this.changed === 'all') return;
    if (changed === 'all') this.changed = 'all';
    else for (const areaId of changed) this.changed.add(areaId);
  }

  private bump(): void {
    const changed = this.changed;
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    this.changed = new Set();
    this.version++;
    for (const listener of this.listeners) listener(changed);
  }
}
