import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const CHROMIUM = '/usr/bin/chromium';
const browserMissing = !existsSync(CHROMIUM) && process.env.GRIDSWEEP_REQUIRE_BROWSER !== '1';

/** A non-loopback address of this machine: how a colleague's laptop would reach the server. */
function lanAddress(): string {
  const all = Object.values(networkInterfaces()).flat();
  return all.find((a) => a !== undefined && a.family === 'IPv4' && !a.internal)?.address ?? '127.0.0.1';
}

async function renderedDom(url: string): Promise<string> {
  const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
  const { stdout } = await promisify(execFile)(CHROMIUM, [...flags, '--virtual-time-budget=5000', '--dump-dom', url], { maxBuffer: 16 * 1024 * 1024 });
  return stdout;
}

describe.skipIf(browserMissing)('the API docs in Chromium', () => {
  let server: TestServer;
  let base: string;
  beforeAll(async () => {
    server = await startTestServer(DIALECTS[0]!);
    const address = await server.app.listen({ port: 0, host: '0.0.0.0' });
    base = address.replace(/\/\/[^:]+:/, `//${lanAddress()}:`);
  });
  afterAll(async () => server.close());

  it('lists the API operations when opened over plain HTTP on a LAN address, with no internet', { timeout: 60_000 }, async () => {
    const dom = await renderedDom(`${base}/api/docs/`);
    expect(dom).toContain('opblock-tag');
    expect(dom).toContain('/api/v1/events');
  });
});
