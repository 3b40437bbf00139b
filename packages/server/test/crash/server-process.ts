import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { PROCESS_ACCESS_ENV, signInAsProcessAdmin, type ProcessSession } from '../support/process-credentials.js';

const SERVER_DIR = fileURLToPath(new URL('../..', import.meta.url));

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly url: string;
  /** A session of the process's admin: `headers: { ...server.auth }`. */
  readonly auth: ProcessSession['auth'];
  /** SIGKILL: no shutdown code runs, as in a power cut of the process. */
  kill(): Promise<void>;
}

type Listening = Omit<ServerProcess, 'auth'>;

function listen(dataDir: string): Promise<Listening> {
  const child = spawn(process.execPath, ['--conditions=@gridsweep/source', '--import', 'tsx', 'src/main.ts'], {
    cwd: SERVER_DIR,
    env: { ...process.env, ...PROCESS_ACCESS_ENV, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', DATABASE_URL: '', GRIDSWEEP_DEMO: 'off' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (!match) return;
      child.stdout.off('data', onData);
      child.stdout.resume();
      resolve({
        child,
        url: match[1]!,
        async kill() {
          child.kill('SIGKILL');
          await exited;
        },
      });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`server exited with ${code} before listening:\n${output}`)));
  });
}

/**
 * Starts `src/main.ts` in a child process on the data folder, resolves once it
 * listens and its admin (created on the first start from GRIDSWEEP_ADMIN_PASSWORD) has signed in.
 */
export async function startServerProcess(dataDir: string): Promise<ServerProcess> {
  const server = await listen(dataDir);
  try {
    const { auth } = await signInAsProcessAdmin(server.url);
    return { ...server, auth };
  } catch (error) {
    await server.kill();
    throw error;
  }
}
