import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';

/**
 * A CPU profile of one stretch of a bench (the report, not the minutes of
 * loading before it), written as a .cpuprofile that Chrome DevTools opens;
 * does nothing when `path` is unset. node --cpu-prof profiles the whole process.
 */
export async function startProfile(path: string | undefined): Promise<{ stop(): Promise<void> }> {
  if (!path) return { stop: async () => {} };
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    async stop() {
      const { profile } = await session.post('Profiler.stop');
      await writeFile(path, JSON.stringify(profile));
      session.disconnect();
    },
  };
}
