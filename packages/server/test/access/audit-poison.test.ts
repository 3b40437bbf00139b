import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

describe.each(DIALECTS)('audit entries quoting unstorable text on $name', (dialect) => {
  let server: TestServer;
  afterEach(async () => server.close());

  it('stores an entry with NUL and a lone surrogate (as U+FFFD) and never fails the others of its batch', async () => {
    server = await startTestServer(dialect);
    const { audit } = server.app.access;
    const entry = (target: string, reason: string | null = null) => ({ actorId: 'anonymous', actorRole: 'none', action: 'test.poison', target, reason, detail: { quoted: reason } });
    // Recorded in one turn, so they go in one insert.
    const results = await Promise.allSettled([
      audit.record(entry('ok:1')),
      audit.record(entry('bad:\u0000', 'a\ud800b\u0000')),
      audit.record(entry('ok:2')),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    const stored = (await audit.recent({ limit: 10 })).filter((record) => record.action === 'test.poison');
    expect(stored.map((record) => record.target).sort()).toEqual(['bad:\ufffd', 'ok:1', 'ok:2']);
    expect(stored.find((record) => record.target === 'bad:\ufffd')).toMatchObject({ reason: 'a\ufffdb\ufffd', detail: { quoted: 'a\ufffdb\ufffd' } });
  });
});
