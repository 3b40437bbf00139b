import { ConfigError, readConfig } from './config.js';
import { DataDirLockedError } from './db/data-dir-lock.js';
import { readDemoOptions } from './demo/demo-options.js';
import { runDemo } from './demo/run-demo.js';
import { buildServer } from './server.js';

async function main(): Promise<void> {
  const config = readConfig();
  const demo = readDemoOptions();
  const fastify = await buildServer({ config });
  const stopDemo = new AbortController();
  const shutdown = (): void => {
    stopDemo.abort();
    fastify.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await fastify.listen({ port: config.port, host: config.host });
  if (demo) {
    runDemo(fastify, demo, stopDemo.signal).catch((error: unknown) => {
      if (!stopDemo.signal.aborted) fastify.log.error({ err: error }, 'demo: stopped by an error');
    });
  }
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof DataDirLockedError;
  console.error(known ? `gridsweep: ${error.message}` : error);
  process.exit(1);
});
