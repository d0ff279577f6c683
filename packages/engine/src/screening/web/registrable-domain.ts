/** The registrable domain (eTLD+1) of a host by the public suffix list, via tldts. */
import { getDomain } from 'tldts';

/** "a.b.example.com.cn" → "example.com.cn"; null for IP literals, public suffixes and bad hosts. */
export function registrableDomain(host: string): string | null {
  try {
    return getDomain(host, { allowPrivateDomains: false, validateHostname: true });
  } catch {
    return null;
  }
}
