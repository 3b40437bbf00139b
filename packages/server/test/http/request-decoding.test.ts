import { SAFE_TEXT_REASON } from '@gridsweep/contract';
import { describe, expect, it } from 'vitest';
import { badPathIssue } from '../../src/http/bad-url.js';
import { decodeComponent } from '../../src/http/percent-decoding.js';
import { parseQueryString } from '../../src/http/query-string.js';

describe('decoding what a URL says', () => {
  it('decodes UTF-8 as decodeURIComponent does', () => {
    expect(decodeComponent('%E5%BE%AE%E7%BD%91%E6%A0%BC%20one')).toBe('微网格 one');
    expect(decodeComponent('%F0%9F%98%B7')).toBe('😷');
  });

  it('keeps an encoded lone surrogate as the lone surrogate it encodes, so the schema can refuse it', () => {
    expect(decodeComponent('a%ED%A0%80b')).toBe('a\ud800b');
    expect(decodeComponent('%ED%B0%80')).toBe('\udc00');
  });

  it('reads bytes that are not UTF-8 at all as replacement characters, whatever follows', () => {
    expect(decodeComponent('a%FFb%C3')).toBe('a\ufffdb\ufffd');
    expect(decodeComponent('%E5%BE')).toBe('\ufffd\ufffd');
  });

  it('reads a query as Fastify does, a repeated name as a list and + as a space', () => {
    expect({ ...parseQueryString('level=microgrid&within=a+b&x=1&x=2&flag') }).toEqual({ level: 'microgrid', within: 'a b', x: ['1', '2'], flag: '' });
    expect(Object.getPrototypeOf(parseQueryString('__proto__=x'))).toBeNull();
    expect(parseQueryString('level=a%ED%A0%80b').level).toBe('a\ud800b');
  });

  it("names the path parameter of a path that does not decode, from the contract's paths", () => {
    expect(badPathIssue('GET', '/api/v1/rounds/r1/areas/a%ED%A0%80b/counts')).toEqual({ field: 'areaId', reason: SAFE_TEXT_REASON });
    expect(badPathIssue('GET', '/api/v1/areas/%FF')).toEqual({ field: 'areaId', reason: 'is not percent-encoded UTF-8' });
    expect(badPathIssue('GET', '/api/v1/nowhere/%FF')).toBeNull();
    expect(badPathIssue('GET', '/api/v1/areas/fine')).toBeNull();
  });
});
