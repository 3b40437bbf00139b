import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_FILE_NAME = 'gridsweep.lock';

export class DataDirLockedError extends Error {
  override readonly name = 'DataDirLockedError';
}

/** Whether a process with this pid exists (signal 0 checks without sending anything). */
function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else, which still means it is alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(path: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/**
 * PGlite opens its folder without any lock, and two processes writing one
 * folder corrupt it. So the server claims the folder with a file holding its
 * pid, created exclusively; a file left by a dead process is taken over.
 * Returns the function that releases the claim.
 */
export function lockDataDir(dataDir: string): () => void {
  const path = join(dataDir, LOCK_FILE_NAME);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return () => {
        if (readHolder(path) === process.pid) rmSync(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(path);
      if (holder !== null && holder !== process.pid && processIsAlive(holder)) {
        throw new DataDirLockedError(
          `the data folder ${dataDir} is in use by process ${holder}; stop it, or point DATA_DIR at another folder`,
        );
      }
      // The holder is gone (or is us, from an earlier open in this process): the claim is stale.
      rmSync(path, { force: true });
    }
  }
  throw new DataDirLockedError(`could not claim the data folder ${dataDir}: another process keeps taking it`);
}
