import type { Page } from 'playwright-core';

/** One thing that went over the wire, as text. */
export interface CapturedMessage {
  readonly kind: 'http-response' | 'http-request' | 'ws-received' | 'ws-sent';
  readonly url: string;
  readonly text: string;
}

/**
 * Records everything pages exchange with the server: every HTTP answer's
 * body (the socket's long-polling included), every request body, and every
 * WebSocket frame both ways. Bodies are read as they come; `settle()` waits
 * for the reads still under way, so call it before closing the pages.
 */
export class TrafficCapture {
  readonly messages: CapturedMessage[] = [];
  /** Answers whose body the browser no longer had (a redirect, a request aborted by a navigation). */
  readonly unreadable: string[] = [];
  private readonly reads: Promise<void>[] = [];

  watch(page: Page): void {
    page.on('response', (response) => {
      this.reads.push(
        response.body().then(
          (body) => void this.messages.push({ kind: 'http-response', url: response.url(), text: body.toString('utf8') }),
          () => void this.unreadable.push(response.url()),
        ),
      );
    });
    page.on('request', (request) => {
      const body = request.postData();
      if (body !== null) this.messages.push({ kind: 'http-request', url: request.url(), text: body });
    });
    page.on('websocket', (socket) => {
      const text = (payload: string | Buffer): string => (typeof payload === 'string' ? payload : payload.toString('utf8'));
      socket.on('framereceived', (frame) => this.messages.push({ kind: 'ws-received', url: socket.url(), text: text(frame.payload) }));
      socket.on('framesent', (frame) => this.messages.push({ kind: 'ws-sent', url: socket.url(), text: text(frame.payload) }));
    });
  }

  async settle(): Promise<void> {
    while (this.reads.length > 0) await Promise.all(this.reads.splice(0));
  }

  of(kind: CapturedMessage['kind']): CapturedMessage[] {
    return this.messages.filter((message) => message.kind === kind);
  }
}
