import { ConfigError, readConfig } from './config.js';
import { DataDirLockedError } from './db/data-dir-lock.js';
import { buildServer } from './server.js';

async function main(): Promise<void> {
  const config = readConfig();
  const fastify = await buildServer({ config });
  const shutdown = (): void => {
    fastify.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await fastify.listen({ port: config.port, host: config.host });
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof DataDirLockedError;
  console.error(known ? `gridsweep: ${error.message}` : error);
  process.exit(1);
});
