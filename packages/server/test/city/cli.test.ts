import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NUCLEIC_ACID_TEMPLATE, validateSweepEvent } from '@gridsweep/core';
import { readCity } from '../../src/city/index.js';

const PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real CLI the way `pnpm gridsweep` does: TypeScript sources through tsx. */
function gridsweep(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', '--conditions=@gridsweep/source', 'src/cli/main.ts', ...args],
      { cwd: PACKAGE_DIR, maxBuffer: 64 << 20 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gridsweep-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('gridsweep city', () => {
  it('documents every option in --help', async () => {
    const { code, stdout } = await gridsweep('city', '--help');
    expect(code).toBe(0);
    for (const option of ['--out', '--seed', '--scale', '--quiet', '--help', 'tiny', 'demo', 'district', 'city']) {
      expect(stdout).toContain(option);
    }
  });

  it('refuses a bad option with an error naming it and writes nothing', async () => {
    const out = join(dir, 'never');
    const badScale = await gridsweep('city', '--scale', 'huge', '--out', out);
    expect(badScale.code).toBe(2);
    expect(badScale.stderr).toContain('--scale');
    const badSeed = await gridsweep('city', '--seed', 'seven', '--out', out);
    expect(badSeed.code).toBe(2);
    expect(badSeed.stderr).toContain('--seed');
    const missingOut = await gridsweep('city', '--scale', 'tiny');
    expect(missingOut.code).toBe(2);
    expect(missingOut.stderr).toContain('--out');
    await expect(readdir(out)).rejects.toThrow();
  });

  it('writes a city that simulate can sweep into valid events', async () => {
    const cityDir = join(dir, 'tiny');
    const made = await gridsweep('city', '--seed', '7', '--scale', 'tiny', '--out', cityDir);
    expect(made.code).toBe(0);
    expect(made.stderr).toMatch(/wrote \d+ areas/);
    const eventsFile = join(dir, 'events.ndjson');
    const simulated = await gridsweep('simulate', '--city', cityDir, '--out', eventsFile, '--seed', '3', '--quiet');
    expect(simulated.code).toBe(0);
    const territory = await readCity(cityDir);
    const lines = (await readFile(eventsFile, 'utf8')).trim().split('\n');
    expect(lines.length).toBeGreaterThan(territory.size.households);
    const context = { territory, templateOfRound: (id: string) => (id === 'r1' ? NUCLEIC_ACID_TEMPLATE : undefined) };
    for (const line of lines) {
      const checked = validateSweepEvent(JSON.parse(line), context);
      expect(checked.ok ? [] : checked.issues).toEqual([]);
    }
  });
});

describe('gridsweep simulate', () => {
  it('documents every option in --help', async () => {
    const { code, stdout } = await gridsweep('simulate', '--help');
    expect(code).toBe(0);
    for (const option of ['--city', '--out', '--seed', '--round', '--area', '--starts-at', '--speed', '--duplicate-rate',
      '--out-of-order-rate', '--offline-rate', '--correction-rate', '--quiet', '--help']) {
      expect(stdout).toContain(option);
    }
  });

  it('refuses a fault rate outside 0..1, naming the option', async () => {
    const run = await gridsweep('simulate', '--city', dir, '--out', '-', '--offline-rate', '1.5');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--offline-rate');
  });
});
