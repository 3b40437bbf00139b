import { Agent, request } from 'node:http';

export interface DriveOptions {
  readonly devices: number;
  readonly batchSize: number;
  readonly seconds: number;
  /** The session token every device sends as `Authorization: Bearer`. */
  readonly token: string;
  /** Total events per second across all devices; absent means as fast as acknowledgements return. */
  readonly pacedEventsPerSec?: number;
}

export interface DriveResult {
  readonly events: number;
  readonly seconds: number;
  readonly ackMs: number[];
}

function post(agent: Agent, url: URL, token: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      { agent, host: url.hostname, port: url.port, path: '/api/v1/events', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${token}` } },
      (res) => {
        res.resume();
        res.once('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.once('error', reject);
    req.end(body);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Simulated field devices, each with its own connection, posting batches and
 * waiting for each acknowledgement before the next (or pacing to a rate).
 * Only acknowledged (200) batches count; anything else stops the run.
 */
export async function drive(baseUrl: string, options: DriveOptions, nextBatch: () => string): Promise<DriveResult> {
  const url = new URL(baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: options.devices });
  const ackMs: number[] = [];
  let events = 0;
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  const interval = options.pacedEventsPerSec ? (options.devices * options.batchSize * 1000) / options.pacedEventsPerSec : 0;

  async function device(index: number): Promise<void> {
    let due = started + (interval * index) / options.devices;
    while (performance.now() < deadline) {
      if (interval > 0) {
        const wait = due - performance.now();
        if (wait > 0) await sleep(wait);
        due += interval;
      }
      const body = nextBatch();
      const sent = performance.now();
      const status = await post(agent, url, options.token, body);
      if (status !== 200) throw new Error(`the server answered ${status}`);
      ackMs.push(performance.now() - sent);
      events += options.batchSize;
    }
  }

  await Promise.all(Array.from({ length: options.devices }, (_, i) => device(i)));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { events, seconds, ackMs };
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
