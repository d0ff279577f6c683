/**
 * Host names as screening compares them: lower case, IDN as punycode (xn--), no trailing dot, IPv4 in
 * dotted-quad form and IPv6 in brackets, whatever was written around them (scheme, userinfo, port,
 * path). Uses the WHATWG URL host parser (UTS #46 mapping, IPv4 number forms such as 0x7f.1) and
 * never throws: a bad host is a result with a reason.
 */

export type HostType = 'domain' | 'ipv4' | 'ipv6';

export type HostInvalidReason = 'empty' | 'bad_character' | 'too_long' | 'bad_label';

export type NormalizedHost =
  { ok: true; host: string; type: HostType } | { ok: false; reason: HostInvalidReason };

const PLAIN_HOST = /^[a-z0-9_-]+(\.[a-z0-9_-]+)*$/;
const IPV4 = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;
/** WHATWG: a host whose last label is a number (decimal or 0x hex) is an IPv4 address ("0x7f.1"). */
const ENDS_IN_NUMBER = /(^|\.)(\d+|0x[0-9a-f]*)\.?$/;

export function normalizeHost(input: string): NormalizedHost {
  let text = String(input).trim();
  if (text.length === 0) return { ok: false, reason: 'empty' };
  // Already normalized (the common case on the hot path): no URL parse.
  if (PLAIN_HOST.test(text) && text.length <= 253 && !ENDS_IN_NUMBER.test(text)) {
    return checkLabels(text);
  }
  text = hostPart(text);
  if (text.length === 0) return { ok: false, reason: 'empty' };
  let host: string;
  try {
    host = new URL(`http://${text}/`).hostname;
  } catch {
    return { ok: false, reason: 'bad_character' };
  }
  if (host.startsWith('[')) return { ok: true, host, type: 'ipv6' };
  if (IPV4.test(host)) return { ok: true, host, type: 'ipv4' };
  return checkLabels(host.replace(/\.+$/, ''));
}

/** The host part of something that may be a URL or host:port, leaving the parsing to URL. */
function hostPart(text: string): string {
  let rest = text.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/^\/\//, '');
  const end = rest.search(/[/?#\\]/);
  if (end >= 0) rest = rest.slice(0, end);
  const at = rest.lastIndexOf('@');
  if (at >= 0) rest = rest.slice(at + 1);
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    return close >= 0 ? rest.slice(0, close + 1) : rest;
  }
  // A port, written or not: "example.com:8080". A full-width colon is folded by NFKC in URL.
  const colon = rest.indexOf(':');
  return colon >= 0 ? rest.slice(0, colon) : rest;
}

function checkLabels(host: string): NormalizedHost {
  if (host.length === 0) return { ok: false, reason: 'empty' };
  if (host.length > 253) return { ok: false, reason: 'too_long' };
  for (const label of host.split('.')) {
    if (label.length === 0 || label.length > 63) return { ok: false, reason: 'bad_label' };
  }
  return { ok: true, host, type: 'domain' };
}
