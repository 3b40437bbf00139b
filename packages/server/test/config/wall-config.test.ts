import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../src/config.js';
import { signIn, wallAuth } from '../support/accounts.js';
import { DIALECTS } from '../support/dialects.js';
import { smallTerritory } from '../support/small-territory.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const SERVER_DIR = fileURLToPath(new URL('../..', import.meta.url));

/** Starts `src/main.ts` with the variables and answers how it ended and what it wrote. */
function startUp(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gridsweep-wall-config-'));
  const child = spawn(process.execPath, ['--conditions=@gridsweep/source', '--import', 'tsx', 'src/main.ts'], {
    cwd: SERVER_DIR,
    env: { ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: '', GRIDSWEEP_DEMO: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      rmSync(dataDir, { recursive: true, force: true });
      resolve({ code, output });
    }),
  );
}

describe("the wall's round and area from the configuration", () => {
  it('reads GRIDSWEEP_WALL_ROUND and GRIDSWEEP_WALL_AREA as ids, and nothing when they are unset', () => {
    expect(readConfig({}).wall).toEqual({ roundId: null, areaId: null });
    expect(readConfig({ GRIDSWEEP_WALL_ROUND: 'r-2022-11', GRIDSWEEP_WALL_AREA: 'gulou' }).wall).toEqual({ roundId: 'r-2022-11', areaId: 'gulou' });
  });

  it.each([
    ['GRIDSWEEP_WALL_ROUND', 'round one'],
    ['GRIDSWEEP_WALL_AREA', '../c'],
  ])('refuses a %s that is no id, naming the variable', (name, value) => {
    expect(() => readConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => readConfig({ [name]: value })).toThrow(new RegExp(`^${name} must be the id of an? (round|area) .*got "${value.replace('.', '\\.')}"`));
  });

  it('fails the start-up on a bad GRIDSWEEP_WALL_ROUND, saying which variable is wrong', async () => {
    const { code, output } = await startUp({ GRIDSWEEP_WALL_ROUND: 'not an id!' });
    expect(code).not.toBe(0);
    expect(output).toContain('GRIDSWEEP_WALL_ROUND must be the id of a round');
  }, 60_000);

  describe('on a running server', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer(DIALECTS[0]!, { territory: smallTerritory(), access: { rateLimitPerMinute: 0 }, wall: { roundId: 'r1', areaId: 'd' } });
      await server.app.listen({ port: 0, host: '127.0.0.1' });
    }, 120_000);
    afterAll(async () => server.close());

    it("tells the wall credential, and only it, what it follows: over real HTTP, even after a later round over the city opened", async () => {
      const url = `http://127.0.0.1:${(server.app.server.address() as { port: number }).port}`;
      const later = { id: 'r-later', name: '11-16 全员核酸', templateId: 'nucleic-acid', rulesId: 'nucleic-acid-default', areaId: 'c', startsAt: Date.UTC(2022, 10, 16) };
      expect((await server.app.inject({ method: 'POST', url: '/api/v1/rounds', headers: server.auth, payload: later })).statusCode).toBe(201);
      const me = async (authorization: string) => (await fetch(`${url}/api/v1/auth/me`, { headers: { authorization } })).json();
      expect(await me(wallAuth(server.app).auth.authorization)).toMatchObject({ role: 'wall', wall: { roundId: 'r1', areaId: 'd' } });
      expect(await me(server.auth.authorization)).not.toHaveProperty('wall');
      const commander = await signIn(server.app, 'commander', 'commander', { kind: 'everything' });
      expect(await me(commander.auth.authorization)).not.toHaveProperty('wall');
    });
  });
});
