import { ensureFirstAdmin } from './access/first-admin.js';
import { ConfigError, DEFAULT_ACCESS, readConfig } from './config.js';
import { DataDirLockedError } from './db/data-dir-lock.js';
import { readDemoOptions } from './demo/demo-options.js';
import { runDemo } from './demo/run-demo.js';
import { demoAccountsBanner, publicUrl, startBanner } from './demo/start-banner.js';
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
  const firstAdmin = await ensureFirstAdmin(fastify.access.users, (config.access ?? DEFAULT_ACCESS).adminPassword);
  await fastify.listen({ port: config.port, host: config.host });
  const url = publicUrl(config.host, config.port);
  process.stdout.write(startBanner(url, fastify.access.wallToken, firstAdmin));
  if (demo) {
    const printAccounts = (accounts: Parameters<typeof demoAccountsBanner>[1]): void => void process.stdout.write(demoAccountsBanner(url, accounts));
    runDemo(fastify, demo, stopDemo.signal, printAccounts).catch((error: unknown) => {
      if (!stopDemo.signal.aborted) fastify.log.error({ err: error }, 'demo: stopped by an error');
    });
  }
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof DataDirLockedError;
  console.error(known ? `gridsweep: ${error.message}` : error);
  process.exit(1);
});
