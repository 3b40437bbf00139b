import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startServerProcess } from './server-process.js';

const SERVER_DIR = fileURLToPath(new URL('../..', import.meta.url));

function runToExit(dataDir: string): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--conditions=@gridsweep/source', '--import', 'tsx', 'src/main.ts'], {
    cwd: SERVER_DIR,
    env: { ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DATABASE_URL: '', GRIDSWEEP_DEMO: 'off' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
}

describe('two servers on one PGlite folder', () => {
  it('stops the second at once with a message naming the folder and the process holding it', { timeout: 60_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gridsweep-two-'));
    const first = await startServerProcess(dataDir);
    try {
      const second = await runToExit(dataDir);
      expect(second.code).toBe(1);
      expect(second.stderr).toContain(`gridsweep: the data folder ${dataDir} is in use by process ${first.child.pid}`);
      const health = await fetch(`${first.url}/api/health`);
      expect(health.status).toBe(200);
    } finally {
      await first.kill();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses a bad environment variable with a message naming it', { timeout: 60_000 }, async () => {
    const child = spawn(process.execPath, ['--conditions=@gridsweep/source', '--import', 'tsx', 'src/main.ts'], {
      cwd: SERVER_DIR,
      env: { ...process.env, PORT: 'eighty', GRIDSWEEP_DEMO: 'off' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(stderr.trim()).toBe('gridsweep: PORT must be a port number (0-65535), got "eighty"');
  });
});
