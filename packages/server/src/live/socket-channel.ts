import type { ClientToServerEvents, CountsDeltaV3, ServerToClientEvents } from '@gridsweep/core';
import type { Socket } from 'socket.io';
import type { LiveServer } from '../plugins/external/socket-io.js';
import type { SubscriberChannel } from './counts-stream.js';

type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents>;

/**
 * A subscriber's side of one socket. It counts deltas handed to the socket
 * and not yet flushed to the wire; while there are any, the stream holds
 * further deltas back and merges them, so a slow wall never builds a queue.
 */
export class SocketChannel implements SubscriberChannel {
  private unflushed = 0;

  constructor(readonly socket: LiveSocket) {
    socket.conn.on('drain', () => {
      this.unflushed = 0;
    });
  }

  canSend(): boolean {
    return this.unflushed === 0;
  }

  send(message: CountsDeltaV3): void {
    this.unflushed++;
    this.socket.emit('counts.delta:v3', message);
  }

  /** One delta to many sockets, encoded once by socket.io; `local` keeps it off the Redis adapter. */
  static fanout(io: LiveServer) {
    return (channels: readonly SocketChannel[], message: CountsDeltaV3): void => {
      for (const channel of channels) channel.unflushed++;
      io.local.to(channels.map((channel) => channel.socket.id)).emit('counts.delta:v3', message);
    };
  }
}
