/**
 * URLs as screening compares them: http(s) only, lower-case scheme and host (IDN as punycode, no
 * trailing dot), no userinfo (phishing links hide the real host behind "www.bank.com@"), no default
 * port, dot segments resolved, percent-encoding in one canonical form (unreserved characters decoded,
 * hex digits in upper case), no fragment (browsers never send it). Never throws.
 */
import { normalizeHost } from './host.js';

export type UrlInvalidReason = 'empty' | 'not_a_url' | 'unsupported_scheme' | 'bad_host';

export type NormalizedUrl =
  | {
      ok: true;
      url: string;
      host: string;
      /** The URL without its scheme ("evil.cn/login?x=1"): URL-prefix rules match http and https alike. */
      key: string;
    }
  | { ok: false; reason: UrlInvalidReason };

export function normalizeUrl(input: string): NormalizedUrl {
  const text = String(input).trim();
  if (text.length === 0) return { ok: false, reason: 'empty' };
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) && !/^[^:/?#]+:\d+(?:[/?#]|$)/.test(text);
  let url: URL;
  try {
    url = new URL(hasScheme ? text : `http://${text.replace(/^\/\//, '')}`);
  } catch {
    return { ok: false, reason: 'not_a_url' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { ok: false, reason: 'unsupported_scheme' };
  const host = normalizeHost(url.hostname);
  if (!host.ok) return { ok: false, reason: 'bad_host' };
  const port = url.port ? `:${url.port}` : '';
  const path = canonicalEscapes(url.pathname || '/');
  const query = url.search === '?' ? '' : canonicalEscapes(url.search);
  const key = `${host.host}${port}${path}${query}`;
  return { ok: true, url: `${url.protocol}//${key}`, host: host.host, key };
}

const UNRESERVED = /[A-Za-z0-9\-._~]/;

/** Decodes escapes of unreserved characters and upper-cases the hex of the rest (RFC 3986 §6.2.2). */
function canonicalEscapes(text: string): string {
  return text.replace(/%([0-9a-fA-F]{2})/g, (_, hex: string) => {
    const character = String.fromCharCode(parseInt(hex, 16));
    return UNRESERVED.test(character) ? character : `%${hex.toUpperCase()}`;
  });
}
