import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

const FLUSH_AT_CHARS = 1 << 20;

/**
 * Appends text to a file in chunks of about a megabyte and waits when the
 * disk falls behind, so that a city of millions of lines never sits in memory.
 */
export class TextSink {
  private readonly stream: WriteStream;
  private pending: string[] = [];
  private pendingChars = 0;
  private failure: Error | undefined;

  constructor(readonly path: string) {
    this.stream = createWriteStream(path, { encoding: 'utf8' });
    this.stream.on('error', (error) => {
      this.failure = error;
    });
  }

  /** Queues text; returns a promise only when the caller must wait for the disk. */
  write(text: string): Promise<void> | undefined {
    if (this.failure) throw this.failure;
    this.pending.push(text);
    this.pendingChars += text.length;
    return this.pendingChars >= FLUSH_AT_CHARS ? this.flush() : undefined;
  }

  async close(): Promise<void> {
    await this.flush();
    await new Promise<void>((resolve, reject) => {
      this.stream.end((error?: Error | null) => (error ? reject(error) : resolve()));
    });
    if (this.failure) throw this.failure;
  }

  private async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const chunk = this.pending.join('');
    this.pending = [];
    this.pendingChars = 0;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }
}

/** Writes a GeoJSON FeatureCollection one feature at a time. */
export class FeatureCollectionSink {
  private readonly sink: TextSink;
  private first = true;

  constructor(path: string) {
    this.sink = new TextSink(path);
    void this.sink.write('{"type":"FeatureCollection","features":[\n');
  }

  write(feature: object): Promise<void> | undefined {
    const text = (this.first ? '' : ',\n') + JSON.stringify(feature);
    this.first = false;
    return this.sink.write(text);
  }

  async close(): Promise<void> {
    await this.sink.write('\n]}\n');
    await this.sink.close();
  }
}
