import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ACCESS } from '../../src/config.js';
import { openStorage, type StorageOptions } from '../../src/db/open-database.js';
import { buildServer } from '../../src/server.js';
import type { FastifyInstance } from 'fastify';
import { DIALECTS } from '../support/dialects.js';

const postgres = DIALECTS.find((dialect) => dialect.name === 'postgres');

// The deployment recipe of decision 0041: migrations run as the tables' owner,
// the server as a role that may only read and append the audit log.
describe.runIf(postgres)('on PostgreSQL, a server role that does not own the tables', () => {
  const role = `gridsweep_app_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  let options: Extract<StorageOptions, { kind: 'postgres' }>;
  let dispose: () => Promise<void>;
  let admin: pg.Client;
  let app: FastifyInstance;
  let asApp: pg.Client;

  beforeAll(async () => {
    const fresh = await postgres!.fresh();
    options = fresh.options as typeof options;
    dispose = fresh.dispose;
    await (await openStorage(options)).close(); // migrations, as the owner
    admin = new pg.Client({ connectionString: options.url });
    await admin.connect();
    const schema = options.schema!;
    for (const statement of [
      `create role ${role} login`,
      `grant usage on schema ${schema} to ${role}`,
      `grant select, insert, update on all tables in schema ${schema} to ${role}`,
      `revoke update on ${schema}.audit_log from ${role}`,
      `grant usage on all sequences in schema ${schema} to ${role}`,
    ]) {
      await admin.query(statement);
    }
    const url = new URL(options.url);
    url.username = role;
    url.password = '';
    app = await buildServer({
      config: { port: 0, host: '127.0.0.1', dataDir: '', databaseUrl: null, logLevel: 'silent', access: { ...DEFAULT_ACCESS, adminPassword: null } },
      storage: { ...options, url: url.toString() },
      dashboardDir: '/nonexistent',
    });
    await app.ready();
    asApp = new pg.Client({ connectionString: url.toString(), options: `-c search_path=${schema}` });
    await asApp.connect();
  }, 60_000);

  afterAll(async () => {
    await asApp?.end();
    await app?.close();
    await dispose?.();
    await admin.query(`drop owned by ${role}`);
    await admin.query(`drop role if exists ${role}`);
    await admin.end();
  });

  it('runs the server, which appends to the audit log', async () => {
    await app.access.users.create({ username: 'sup', displayName: 'sup', role: 'supervisor', scope: { kind: 'everything' }, password: 'sup-password' });
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'sup', password: 'sup-password' } });
    expect(login.statusCode).toBe(200);
    const { rows } = await asApp.query<{ action: string }>('select action from audit_log');
    expect(rows.map((row) => row.action)).toEqual(['session.login']);
  });

  it('cannot update, delete or truncate audit rows, nor switch off or drop the trigger that guards them', async () => {
    await expect(asApp.query("update audit_log set actor_id = 'x'")).rejects.toThrow(/permission denied/);
    await expect(asApp.query('delete from audit_log')).rejects.toThrow(/permission denied/);
    await expect(asApp.query('truncate audit_log')).rejects.toThrow(/permission denied/);
    await expect(asApp.query('alter table audit_log disable trigger audit_log_no_change')).rejects.toThrow(/must be owner/);
    await expect(asApp.query('drop trigger audit_log_no_change on audit_log')).rejects.toThrow(/must be owner/);
  });
});
