/**
 * The correlation rules fanzha ships (packages/engine/rules/default-rules.json). The engine never reads
 * files: the caller passes its I/O, as for the shipped detection models.
 */
import type { CorrelationRule } from './types.js';
import { parseRules } from './validate.js';

/** Where the shipped rules file lives; the platform reads it (and seeds the store from it). */
export const DEFAULT_RULES_URL: URL = new URL('../../rules/default-rules.json', import.meta.url);

/** The shipped rules, read through `readText` (`readFileSync(url, 'utf8')` in Node) and validated. */
export function readDefaultRules(readText: (url: URL) => string): CorrelationRule[] {
  return parseRules(JSON.parse(readText(DEFAULT_RULES_URL)));
}
