import type { RunningServer } from './gridsweep-server.js';

/**
 * The password of a demo account, read from what the server printed when it
 * made the account ("  commander  <password>   commander, …"); waits for
 * the line, since the demo makes its accounts once the city is loaded.
 */
export async function demoPassword(server: Pick<RunningServer, 'output'>, username: string): Promise<string> {
  const line = new RegExp(`^ +${username} +(\\S+) +${username},`, 'm');
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const password = line.exec(server.output())?.[1];
    if (password) return password;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the server printed no password for the demo account ${username} within 60 s:\n${server.output()}`);
}

/** Waits until the demo has opened its round: until then the map would be empty. */
export async function waitForDemoRound(server: Pick<RunningServer, 'url' | 'wallToken'>): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const response = await fetch(`${server.url}/api/v1/rounds`, { headers: { authorization: `Bearer ${server.wallToken}` } });
    if (response.ok && ((await response.json()) as unknown[]).length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the demo opened no round within 60 s');
}
