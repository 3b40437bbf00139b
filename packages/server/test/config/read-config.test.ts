import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../src/config.js';

describe('reading the configuration from the environment', () => {
  it('defaults to port 3000 on every interface, PGlite in ./data, info logs', () => {
    expect(readConfig({})).toMatchObject({ port: 3000, host: '0.0.0.0', dataDir: resolve('./data'), databaseUrl: null, logLevel: 'info' });
  });

  it('takes each variable when it is set', () => {
    const config = readConfig({ PORT: '8080', HOST: '127.0.0.1', DATA_DIR: '/var/gridsweep', DATABASE_URL: 'postgres://u@db:5432/g', LOG_LEVEL: 'warn' });
    expect(config).toMatchObject({ port: 8080, host: '127.0.0.1', dataDir: '/var/gridsweep', databaseUrl: 'postgres://u@db:5432/g', logLevel: 'warn' });
  });

  it('samples the rounds\' history every 30 s unless HISTORY_SAMPLE_MS says otherwise', () => {
    expect(readConfig({}).historySampleMs).toBe(30_000);
    expect(readConfig({ HISTORY_SAMPLE_MS: '250' }).historySampleMs).toBe(250);
  });

  it('gives start-up two minutes unless STARTUP_TIMEOUT_MS says otherwise, and 0 waits as long as it takes', () => {
    expect(readConfig({}).startupTimeoutMs).toBe(120_000);
    expect(readConfig({ STARTUP_TIMEOUT_MS: '900000' }).startupTimeoutMs).toBe(900_000);
    expect(readConfig({ STARTUP_TIMEOUT_MS: '0' }).startupTimeoutMs).toBe(0);
  });

  it('has access defaults: a generated wall token, 12 h sessions ending after 2 h idle, 600 requests a minute per user', () => {
    expect(readConfig({}).access).toEqual({
      wallToken: null,
      adminPassword: null,
      sessionLifetimeMinutes: 720,
      sessionIdleMinutes: 120,
      rateLimitPerMinute: 600,
      subscriptionsPerSocket: 8,
      subscriptionsPerCredential: 64,
      signInsPerAddressPerMinute: 60,
      revealsPerWindow: 20,
      revealWindowMinutes: 10,
    });
    const set = readConfig({ GRIDSWEEP_WALL_TOKEN: 'wall-token-0123456789', GRIDSWEEP_ADMIN_PASSWORD: 'correct horse'.replace(' ', '-'), RATE_LIMIT_PER_MINUTE: '0' });
    expect(set.access).toMatchObject({ wallToken: 'wall-token-0123456789', adminPassword: 'correct-horse', rateLimitPerMinute: 0 });
  });

  it.each([
    [{ GRIDSWEEP_WALL_TOKEN: 'short' }, 'GRIDSWEEP_WALL_TOKEN must be at least 16 characters without spaces (or unset to generate one)'],
    [{ GRIDSWEEP_ADMIN_PASSWORD: 'abc' }, 'GRIDSWEEP_ADMIN_PASSWORD must be at least 8 characters without spaces (or unset to generate one)'],
    [{ SESSION_IDLE_MINUTES: '0' }, 'SESSION_IDLE_MINUTES must be a whole number from 1 to 525600, got "0"'],
    [{ SESSION_LIFETIME_MINUTES: 'forever' }, 'SESSION_LIFETIME_MINUTES must be a whole number from 1 to 525600, got "forever"'],
    [{ RATE_LIMIT_PER_MINUTE: '-1' }, 'RATE_LIMIT_PER_MINUTE must be a whole number from 0 to 10000000, got "-1"'],
    [{ PORT: '70000' }, 'PORT must be a port number (0-65535), got "70000"'],
    [{ PORT: '' }, 'PORT must be a port number (0-65535), got ""'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL must be a URL such as postgres://user@host:5432/database'],
    [{ DATABASE_URL: 'mysql://db/x' }, 'DATABASE_URL must start with postgres:// or postgresql://, got "mysql://"'],
    [{ HOST: ' ' }, 'HOST must not be empty (use 0.0.0.0 for every interface)'],
    [{ DATA_DIR: '' }, 'DATA_DIR must not be empty'],
    [{ HISTORY_SAMPLE_MS: '50' }, 'HISTORY_SAMPLE_MS must be a whole number of milliseconds from 100 to 3600000, got "50"'],
    [{ STARTUP_TIMEOUT_MS: 'ten minutes' }, 'STARTUP_TIMEOUT_MS must be a whole number from 0 to 86400000, got "ten minutes"'],
  ])('refuses %j with a message naming the variable', (env, message) => {
    expect(() => readConfig(env)).toThrow(ConfigError);
    expect(() => readConfig(env)).toThrow(message);
  });
});
