import { describe, expect, it } from 'vitest';
import { RequestCache } from '../src/lib/live/request-cache.js';

describe('RequestCache', () => {
  it('makes a request once for everyone who asks for the same key, while it is pending and after it answered', async () => {
    const cache = new RequestCache<string>();
    let made = 0;
    const request = async (): Promise<string> => `answer ${++made}`;
    const [first, second] = await Promise.all([cache.get('a', request), cache.get('a', request)]);
    expect(await cache.get('a', request)).toBe('answer 1');
    expect([first, second, made]).toEqual(['answer 1', 'answer 1', 1]);
    expect(await cache.get('b', request)).toBe('answer 2');
  });

  it('forgets a request that failed, so the next ask makes it anew', async () => {
    const cache = new RequestCache<string>();
    await expect(cache.get('a', () => Promise.reject(new Error('unreachable')))).rejects.toThrow('unreachable');
    expect(await cache.get('a', async () => 'answer')).toBe('answer');
  });

  it('asks anew for everything after clear', async () => {
    const cache = new RequestCache<number>();
    await cache.get('a', async () => 1);
    cache.clear();
    expect(await cache.get('a', async () => 2)).toBe(2);
  });
});
