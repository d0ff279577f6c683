import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAhoCorasick } from './aho-corasick.js';

/** Every occurrence by brute force, as sorted "id@start" strings. */
function naive(patterns: string[], text: string): string[] {
  const hits: string[] = [];
  patterns.forEach((p, id) => {
    if (p.length === 0) return;
    for (let i = text.indexOf(p); i >= 0; i = text.indexOf(p, i + 1)) hits.push(`${id}@${i}`);
  });
  return hits.sort();
}

function scan(patterns: string[], text: string): string[] {
  const hits: string[] = [];
  buildAhoCorasick(patterns).scanString(text, (id, start, end) => {
    expect(end - start).toBe(patterns[id]!.length);
    hits.push(`${id}@${start}`);
  });
  return hits.sort();
}

describe('buildAhoCorasick', () => {
  it('finds overlapping and nested patterns', () => {
    const patterns = ['he', 'she', 'his', 'hers', '安全账户', '账户'];
    expect(scan(patterns, 'ushers 转入安全账户')).toEqual(naive(patterns, 'ushers 转入安全账户'));
  });

  it('reports every id of duplicated patterns', () => {
    expect(scan(['qq', 'qq', 'q'], 'qq')).toEqual(['0@0', '1@0', '2@0', '2@1']);
  });

  it('agrees with a brute-force search on random input', () => {
    const alphabet = fc.constantFrom('a', 'b', 'c', '微', '信');
    const word = fc.array(alphabet, { minLength: 0, maxLength: 4 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 12 }),
        fc.array(alphabet, { maxLength: 40 }),
        (patterns, chars) => {
          const text = chars.join('');
          expect(scan(patterns, text)).toEqual(naive(patterns, text));
        },
      ),
    );
  });

  it('finds the longest pattern starting at a position', () => {
    const automaton = buildAhoCorasick(['加v', '加v信', 'v信']);
    const codes = Uint16Array.from('请加v信', (c) => c.charCodeAt(0));
    expect(automaton.longestAt(codes, codes.length, 1)).toBe(1);
    expect(automaton.longestAt(codes, codes.length, 0)).toBe(-1);
  });
});
