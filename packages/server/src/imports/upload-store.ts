import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';

export type ImportKind = 'areas' | 'buildings' | 'roster';

/** What an upload is to be imported as, fixed when it is sent. */
export interface UploadOptions {
  readonly kind: ImportKind;
  readonly fileName: string;
  readonly areaId?: string;
  readonly parentId?: string;
  readonly level?: string;
  readonly crs?: 'wgs84' | 'gcj02' | 'bd09';
}

export interface Upload extends UploadOptions {
  readonly id: string;
  readonly ownerId: string;
  readonly path: string;
  readonly bytes: number;
  readonly storedAt: number;
}

export class UploadTooLarge extends Error {}

/** An hour: long enough to read the preview and fix a mapping, short enough that files do not pile up. */
const KEEP_MS = 60 * 60 * 1000;

/**
 * Uploaded import files, on disk in a folder of their own, each visible to
 * the account that sent it only. Kept by this process: behind several
 * server processes, preview and commit must reach the one that took the upload.
 */
export class UploadStore {
  private readonly folder = mkdtempSync(join(tmpdir(), 'gridsweep-uploads-'));
  private readonly uploads = new Map<string, Upload>();

  constructor(
    readonly maxBytes: number,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Streams the body to disk, refusing it once it passes maxBytes. */
  async store(ownerId: string, options: UploadOptions, body: Readable): Promise<Upload> {
    this.expire();
    const id = randomUUID();
    // The extension tells the readers the format.
    const path = join(this.folder, id + extname(options.fileName).toLowerCase());
    let bytes = 0;
    const limit = this.maxBytes;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        done(bytes > limit ? new UploadTooLarge(`the file is over ${limit} bytes`) : null, chunk);
      },
    });
    try {
      await pipeline(body, counter, createWriteStream(path));
    } catch (error) {
      rmSync(path, { force: true });
      throw error;
    }
    const upload: Upload = { ...options, id, ownerId, path, bytes, storedAt: this.clock() };
    this.uploads.set(id, upload);
    return upload;
  }

  /** The caller's upload, or undefined (also for another account's). */
  get(ownerId: string, id: string): Upload | undefined {
    this.expire();
    const upload = this.uploads.get(id);
    return upload?.ownerId === ownerId ? upload : undefined;
  }

  /** Forgets an upload once it is committed. */
  remove(id: string): void {
    const upload = this.uploads.get(id);
    if (!upload) return;
    this.uploads.delete(id);
    rmSync(upload.path, { force: true });
  }

  close(): void {
    rmSync(this.folder, { recursive: true, force: true });
    this.uploads.clear();
  }

  private expire(): void {
    const now = this.clock();
    for (const upload of this.uploads.values()) if (now - upload.storedAt > KEEP_MS) this.remove(upload.id);
  }
}
