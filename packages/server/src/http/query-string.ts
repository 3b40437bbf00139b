import { decodeComponent } from './percent-decoding.js';

/**
 * The query string as Fastify's parser reads it (`+` is a space, a repeated
 * name a list), but decoding each part with `decodeComponent`, so a value
 * that encodes a lone surrogate reaches the schema as one and is refused
 * naming its field. The object has no prototype: `?__proto__=x` is a name like any other.
 */
export function parseQueryString(text: string): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const split = pair.indexOf('=');
    const name = decodeComponent((split < 0 ? pair : pair.slice(0, split)).replaceAll('+', ' '));
    const value = split < 0 ? '' : decodeComponent(pair.slice(split + 1).replaceAll('+', ' '));
    const held = query[name];
    query[name] = held === undefined ? value : Array.isArray(held) ? [...held, value] : [held, value];
  }
  return query;
}
