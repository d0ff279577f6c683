/**
 * Content detection benchmarks (issue 6), each beside a simple baseline in the same run:
 *
 * - sms.classify: the full SMS classifier (normalise, Aho-Corasick patterns, model, explanation) in
 *   messages/s, against a naive loop of `text.includes(keyword)` over the pattern set's key words —
 *   the least any keyword filter does, with no normalisation and no model.
 * - sms.patterns: the Aho-Corasick pattern pass alone against one RegExp alternation of the same
 *   key words, over the same normalised texts.
 * - lookalike.score: domain scoring (brand signals and model) against a plain edit distance to every
 *   protected brand label.
 * - cdr.score: the streaming caller-behaviour tracker scoring every closed window and passing on the
 *   marked ones (its production path), in CDRs/s, against the obvious implementation of the same
 *   features (a JS object and a Set of callees per number).
 *
 * Rates are per CPU second (see `medianCpuMs`), so that the per-core targets can be read on a shared
 * machine. SMS texts are the shared dev set when present (FANZHA_SHARED_DATA or ../shared/data), else
 * generated from templates; the figure says which.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CallerBehaviourTracker,
  CALLER_MARK_THRESHOLD,
  compileSmsPatterns,
  createDomainScorer,
  createSmsClassifier,
  editDistance,
  generateSyntheticCdrs,
  normaliseSmsText,
  PROTECTED_BRANDS,
  readShippedDomainModel,
  readShippedSmsModel,
  servedNumber,
  otherParty,
  SMS_KEYWORD_PATTERNS,
  type CallDetailRecord,
} from '@fanzha/engine';
import { medianCpuMs, retainedBytes, seededRandom } from './measure.js';
import { cost, rate, registerBenchmark, type BenchContext } from './registry.js';

const readText = (url: URL) => readFileSync(url, 'utf8');

function smsTexts(): { texts: string[]; source: string } {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const file = path.join(
    process.env.FANZHA_SHARED_DATA ?? path.resolve(repoRoot, '../shared/data'),
    'sms/sms-dev.jsonl',
  );
  if (existsSync(file)) {
    const texts = readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => (JSON.parse(l) as { text: string }).text);
    return { texts, source: 'sms-dev' };
  }
  const random = seededRandom(6);
  const parts = [
    '您好，我是市公安局民警，您的银行卡涉嫌洗钱，请配合调查并将资金转入安全账户。',
    '【中国联通】您本月话费账单已出，详情请登录手机营业厅查询，回复TD退订。',
    '本店三八节全场八折，买一送一，欢迎新老顾客惠顾，地址：人民路88号。',
    '晚上一起吃饭吗？我七点下班，老地方见。',
    '您好，我是京东客服，您购买的商品有质量问题，我们将为您办理退款，请加微信操作。',
  ];
  const texts = Array.from(
    { length: 20_000 },
    () => parts[Math.floor(random() * parts.length)]! + String(Math.floor(random() * 1e6)),
  );
  return { texts, source: 'templates' };
}

/** Items per CPU second of `work` over all items, median of rounds. */
function perSecond(items: readonly string[], rounds: number, work: (item: string) => unknown): number {
  let sink = 0;
  const ms = medianCpuMs(rounds, () => {
    for (const item of items) if (work(item)) sink++;
  });
  if (sink < 0) throw new Error('unreachable');
  return (items.length / ms) * 1000;
}

function runSms(context: BenchContext): void {
  const { texts, source } = smsTexts();
  context.log(`sms: ${texts.length} messages (${source})`);
  const keywords = SMS_KEYWORD_PATTERNS.flatMap((p) => p.keywords);
  const includesLoop = (text: string) => {
    let hits = 0;
    for (const k of keywords) if (text.includes(k)) hits++;
    return hits;
  };
  if (context.wants('sms.classify')) {
    const classifier = createSmsClassifier(readShippedSmsModel(readText));
    perSecond(texts.slice(0, 2000), 1, (t) => classifier.classify(t)); // warm-up
    const value = perSecond(texts, 5, (t) => classifier.classify(t).score);
    const baseline = perSecond(texts, 5, includesLoop);
    context.report(rate('sms.classify', value, `messages/s (${source})`, 'keyword includes loop', baseline));
  }
  if (context.wants('sms.patterns')) {
    const matcher = compileSmsPatterns();
    // The matcher reads the normaliser's buffers; build them once so that only matching is timed.
    const normalised = texts.map((t) => {
      const n = normaliseSmsText(t);
      return {
        text: n.text,
        buffer: { codes: n.codes, start: n.originStart, end: n.originEnd, length: n.codes.length },
      };
    });
    const alternation = new RegExp(
      keywords.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'),
      'g',
    );
    let i = 0;
    const value = perSecond(texts, 5, (t) => matcher.match(normalised[i++ % texts.length]!.buffer, t).length);
    let j = 0;
    const baseline = perSecond(
      texts,
      5,
      () => normalised[j++ % texts.length]!.text.match(alternation)?.length ?? 0,
    );
    context.report(rate('sms.patterns', value, 'messages/s', 'RegExp alternation of key words', baseline));
  }
}

function runLookalike(context: BenchContext): void {
  const scorer = createDomainScorer(readShippedDomainModel(readText));
  const random = seededRandom(9);
  const letters = 'abcdefghijklmnopqrstuvwxyz0123456789-';
  const domains = Array.from({ length: 20_000 }, (_, i) => {
    if (i % 10 === 0) return `icbc-${i}.top`;
    let s = '';
    const n = 5 + Math.floor(random() * 10);
    for (let k = 0; k < n; k++) s += letters[Math.floor(random() * 26)];
    return `${s}.${['com', 'cn', 'top', 'vip', 'net'][i % 5]}`;
  });
  const labels = PROTECTED_BRANDS.flatMap((b) => b.domains.map((d) => d.split('.')[0]!));
  const value = perSecond(domains, 3, (d) => scorer.score(d).score);
  const baseline = perSecond(domains, 3, (d) => {
    const label = d.split('.')[0]!;
    let best = 99;
    for (const l of labels) best = Math.min(best, editDistance(label, l, 99));
    return best;
  });
  context.report(rate('lookalike.score', value, 'domains/s', 'edit distance to every brand label', baseline));
}

/**
 * The obvious implementation of the same features: an object and a Set of callees per number, a
 * score for every closed hour.
 */
function baselineCdr(
  records: readonly CallDetailRecord[],
  victims: ReadonlySet<string>,
): { marked: number; states: Map<string, unknown> } {
  interface State {
    hour: number;
    calls: number;
    out: number;
    short: number;
    missed: number;
    night: number;
    victims: number;
    callees: Set<string>;
    imei: string;
    imeiChanges: number;
    cell: string;
    cellChanges: number;
  }
  const states = new Map<string, State>();
  let marked = 0;
  const close = (s: State) => {
    const z =
      -7 +
      1.6 * Math.min(4, Math.max(0, Math.log2(s.calls / 10))) +
      (1.5 * s.callees.size + 1.5 * s.missed + 1.5 * s.short + s.night) / s.calls +
      4 * Math.max(0, s.out / s.calls - 0.5) +
      2.5 * Math.min(3, s.victims) +
      2 * Math.min(1, s.imeiChanges / Math.max(1, s.calls * 0.2));
    if (1 / (1 + Math.exp(-z)) >= 0.7) marked++;
  };
  for (const r of records) {
    const n = servedNumber(r);
    const hour = Math.floor(r.start / 3_600_000);
    let s = states.get(n);
    if (!s || s.hour !== hour) {
      if (s) close(s);
      s = {
        hour,
        calls: 0,
        out: 0,
        short: 0,
        missed: 0,
        night: 0,
        victims: 0,
        callees: new Set(),
        imei: s?.imei ?? '',
        imeiChanges: 0,
        cell: s?.cell ?? '',
        cellChanges: 0,
      };
      states.set(n, s);
    }
    s.calls++;
    if (r.direction === 'outbound') s.out++;
    if (r.duration === 0) s.missed++;
    else if (r.duration < 10) s.short++;
    if ((hour + 8) % 24 < 6) s.night++;
    const other = otherParty(r);
    s.callees.add(other);
    if (r.direction === 'outbound' && victims.has(other)) s.victims++;
    if (s.imei !== '' && s.imei !== r.imei) s.imeiChanges++;
    s.imei = r.imei;
    if (s.cell !== '' && s.cell !== r.cell) s.cellChanges++;
    s.cell = r.cell;
  }
  for (const s of states.values()) close(s);
  return { marked, states };
}

function runCdr(context: BenchContext): void {
  const { records, victims } = generateSyntheticCdrs({ seed: 3, ordinary: 4000, busy: 200, simBoxes: 40 });
  context.log(`cdr: ${records.length} synthetic CDRs`);
  const tracked = () => {
    const tracker = new CallerBehaviourTracker({ victims });
    let marked = 0;
    const onMarked = () => void marked++;
    for (const r of records) tracker.mark(r, CALLER_MARK_THRESHOLD, onMarked);
    tracker.flushMarked(CALLER_MARK_THRESHOLD, onMarked);
    return tracker;
  };
  tracked(); // warm-up
  const ms = medianCpuMs(5, tracked);
  const baselineMs = medianCpuMs(5, () => baselineCdr(records, victims));
  context.report(
    rate(
      'cdr.score',
      (records.length / ms) * 1000,
      'CDRs/s',
      'object + Set per number, same features',
      (records.length / baselineMs) * 1000,
    ),
  );
  if (context.wants('cdr.bytesPerNumber')) {
    // State kept per number between windows: typed-array columns against an object and a Set each.
    const { value: tracker, bytes } = retainedBytes(() => tracked());
    const { value: baseline, bytes: baselineBytes } = retainedBytes(
      () => baselineCdr(records, victims).states,
    );
    context.report(
      cost(
        'cdr.bytesPerNumber',
        bytes / tracker.size,
        'bytes',
        'object + Set per number',
        baselineBytes / baseline.size,
      ),
    );
  }
}

registerBenchmark({
  names: ['sms.classify', 'sms.patterns'],
  description: 'fraud SMS classification and pattern matching',
  run: runSms,
});
registerBenchmark({
  names: ['lookalike.score'],
  description: 'lookalike and suspicious-domain scoring',
  run: runLookalike,
});
registerBenchmark({
  names: ['cdr.score', 'cdr.bytesPerNumber'],
  description: 'fraud-caller behaviour over CDR streams',
  run: runCdr,
});
