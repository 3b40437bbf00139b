import Fastify from 'fastify';
import { mkdirSync } from 'node:fs';
import { app } from './app.js';
import { ConfigError, readConfig } from './config.js';

async function main(): Promise<void> {
  const config = readConfig();
  mkdirSync(config.dataDir, { recursive: true });
  const fastify = Fastify({ logger: { level: config.logLevel } });
  await fastify.register(app(config));
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
  console.error(error instanceof ConfigError ? `gridsweep: ${error.message}` : error);
  process.exit(1);
});
