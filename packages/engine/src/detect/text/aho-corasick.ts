/**
 * A multi-pattern string automaton (Aho-Corasick) compiled into typed arrays. It owns exact matching
 * of many short patterns over UTF-16 code units in one pass; it never normalises text (callers feed it
 * normalised text and normalised patterns) and never allocates per character.
 *
 * Layout: the trie's edges are stored per state in one flat, char-sorted array (CSR); the root's edges,
 * which almost every character of a message consults, in a two-level table (256 pages of 256 code
 * units, only pages that hold an edge allocated), so the hot part stays in the CPU cache — a dense
 * 64 Ki table would be 256 KiB of mostly empty, randomly touched memory. Failure links
 * make the scan linear; dictionary links jump straight to the next state that ends a pattern.
 */

/** Called for every occurrence; `end` is exclusive. Patterns sharing one string are all reported. */
export type MatchVisitor = (patternId: number, start: number, end: number) => void;

export interface AhoCorasick {
  /** Number of patterns the automaton was built from (ids are 0..patternCount-1, in input order). */
  readonly patternCount: number;
  /** Number of automaton states (root included); a size figure for docs and tests. */
  readonly stateCount: number;
  /** Reports every occurrence of every pattern in `codes[0..length)`, in order of end position. */
  scan(codes: Uint16Array, length: number, visit: MatchVisitor): void;
  /** Convenience for tests and small inputs: scans a string. */
  scanString(text: string, visit: MatchVisitor): void;
  /**
   * The id of the longest pattern that starts exactly at `start` (trie walk without failure links), or
   * -1. Used for leftmost-longest rewriting, where overlapping matches must not all be applied.
   */
  longestAt(codes: Uint16Array, length: number, start: number): number;
}

const NONE = -1;

/** Builds the automaton. Empty patterns are ignored (they would match everywhere). */
export function buildAhoCorasick(patterns: readonly string[]): AhoCorasick {
  // Build phase: a plain trie with Map edges; compiled into typed arrays below.
  const edges: Array<Map<number, number>> = [new Map()];
  const stateDepth: number[] = [0];
  const firstPatternAt: number[] = [NONE];
  const nextSamePattern = new Int32Array(patterns.length).fill(NONE);
  const patternLength = new Int32Array(patterns.length);

  patterns.forEach((pattern, id) => {
    patternLength[id] = pattern.length;
    if (pattern.length === 0) return;
    let state = 0;
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern.charCodeAt(i);
      const stateEdges = edges[state]!;
      let next = stateEdges.get(c);
      if (next === undefined) {
        next = edges.length;
        edges.push(new Map());
        stateDepth.push(stateDepth[state]! + 1);
        firstPatternAt.push(NONE);
        stateEdges.set(c, next);
      }
      state = next;
    }
    // Chain duplicates so that every id sharing this string is reported, in input order.
    if (firstPatternAt[state] === NONE) firstPatternAt[state] = id;
    else {
      let last = firstPatternAt[state]!;
      while (nextSamePattern[last] !== NONE) last = nextSamePattern[last]!;
      nextSamePattern[last] = id;
    }
  });

  const stateCount = edges.length;
  const edgeStart = new Int32Array(stateCount + 1);
  let edgeTotal = 0;
  for (let s = 0; s < stateCount; s++) {
    edgeStart[s] = edgeTotal;
    edgeTotal += s === 0 ? 0 : edges[s]!.size;
  }
  edgeStart[stateCount] = edgeTotal;
  const edgeChar = new Uint16Array(edgeTotal);
  const edgeTarget = new Int32Array(edgeTotal);
  const rootPage = new Int16Array(256).fill(-1);
  let pageCount = 0;
  for (const c of edges[0]!.keys()) if (rootPage[c >>> 8] === -1) rootPage[c >>> 8] = pageCount++;
  const rootNext = new Int32Array(pageCount * 256).fill(NONE);
  for (const [c, t] of edges[0]!) rootNext[rootPage[c >>> 8]! * 256 + (c & 255)] = t;
  for (let s = 1; s < stateCount; s++) {
    const sorted = [...edges[s]!].sort((a, b) => a[0] - b[0]);
    let k = edgeStart[s]!;
    for (const [c, t] of sorted) {
      edgeChar[k] = c;
      edgeTarget[k] = t;
      k++;
    }
  }
  const output = Int32Array.from(firstPatternAt);
  const depth = Int32Array.from(stateDepth);

  /** Trie edge only (no failure): the target state, or NONE. */
  const gotoEdge = (state: number, c: number): number => {
    if (state === 0) {
      const page = rootPage[c >>> 8]!;
      return page < 0 ? NONE : rootNext[page * 256 + (c & 255)]!;
    }
    const end = edgeStart[state + 1]!;
    for (let k = edgeStart[state]!; k < end; k++) {
      const ec = edgeChar[k]!;
      if (ec === c) return edgeTarget[k]!;
      if (ec > c) break;
    }
    return NONE;
  };

  // Failure and dictionary links, breadth first so that a state's fail target is final before use.
  const fail = new Int32Array(stateCount);
  const dictLink = new Int32Array(stateCount).fill(NONE);
  const queue = new Int32Array(stateCount);
  let head = 0;
  let tail = 0;
  for (const [, t] of edges[0]!) queue[tail++] = t;
  while (head < tail) {
    const s = queue[head++]!;
    const f = fail[s]!;
    dictLink[s] = output[f] !== NONE ? f : dictLink[f]!;
    for (const [c, t] of edges[s]!) {
      let g = f;
      let next = gotoEdge(g, c);
      while (next === NONE && g !== 0) {
        g = fail[g]!;
        next = gotoEdge(g, c);
      }
      fail[t] = next === NONE || next === t ? 0 : next;
      queue[tail++] = t;
    }
  }

  const scan = (codes: Uint16Array, length: number, visit: MatchVisitor): void => {
    let state = 0;
    for (let i = 0; i < length; i++) {
      const c = codes[i]!;
      let next = gotoEdge(state, c);
      while (next === NONE && state !== 0) {
        state = fail[state]!;
        next = gotoEdge(state, c);
      }
      state = next === NONE ? 0 : next;
      let out = output[state] !== NONE ? state : dictLink[state]!;
      while (out !== NONE) {
        const end = i + 1;
        const start = end - depth[out]!;
        for (let id = output[out]!; id !== NONE; id = nextSamePattern[id]!) visit(id, start, end);
        out = dictLink[out]!;
      }
    }
  };

  const longestAt = (codes: Uint16Array, length: number, start: number): number => {
    let state = 0;
    let best = NONE;
    for (let i = start; i < length; i++) {
      state = gotoEdge(state, codes[i]!);
      if (state === NONE) break;
      if (output[state] !== NONE) best = output[state]!;
    }
    return best;
  };

  return {
    patternCount: patterns.length,
    stateCount,
    scan,
    scanString(text, visit) {
      const codes = new Uint16Array(text.length);
      for (let i = 0; i < text.length; i++) codes[i] = text.charCodeAt(i);
      scan(codes, codes.length, visit);
    },
    longestAt,
  };
}
