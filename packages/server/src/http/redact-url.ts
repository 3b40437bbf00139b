import { decodeComponent } from './percent-decoding.js';

/** Query names that carry a credential, compared after decoding and in lower case: `%74oken` is `token`. */
const CREDENTIAL_NAME = /token|password|passwd|secret|session|auth|api[-_]?key|^key$|^sig(nature)?$|credential/;

/**
 * A request URL as logs may keep it: the value of every parameter whose
 * name, once decoded, names a credential is replaced, whatever encoding or
 * case the name arrived in. The path and other parameters stay as sent.
 */
export function redactUrl(url: string): string {
  const split = url.indexOf('?');
  if (split < 0) return url;
  const pairs = url
    .slice(split + 1)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const rawName = equals < 0 ? pair : pair.slice(0, equals);
      const name = decodeComponent(rawName.replaceAll('+', ' ')).trim().toLowerCase();
      return CREDENTIAL_NAME.test(name) ? `${rawName}=[redacted]` : pair;
    });
  return `${url.slice(0, split)}?${pairs.join('&')}`;
}
